/**
 * "Why transformers won", figure 2: the recall task of the sequence lessons, learned by a 1-layer transformer and
 * by an LSTM of 32 units, timed on the reader's own backend. Both live in the sequence worker.
 *
 * DECISION — they train in turn, not at once.
 * ------------------------------------------
 * Both models share the worker's one thread. Trained at the same time, their steps would alternate and each
 * model's clock would also count the other's steps: both would report the sum of the two step times per batch,
 * and time to 99% would compare step counts, not seconds. So "Train" runs the transformer until it is 99% right on
 * held-out sequences (or for CAP_SECONDS of training), then the LSTM: each is timed with the thread to itself.
 *
 * The LSTM is 'recall-lstm-race', not the 'recall-lstm' of "Why plain RNNs forget": that one is opened by "LSTM
 * gates" and follows the earlier lesson's own distance; sharing it would reset it (or start this race with a
 * trained LSTM).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { BACKEND_LABEL } from '../../engine/backends/rank';
import { RECALL_LENGTHS } from '../../engine/data/sequences';
import { DEFAULT_HYPER } from '../../engine/seq/tasks';
import type { BackendName } from '../../engine/types';
import { useFigureSettings } from '../../state/figures';
import { text, type ValuesOf } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import type { LineChart } from '../../viz/createLineChart';
import { recallSchema } from '../seq/RecallRaceFigure';
import { createRecallAccuracyChart } from '../seq/recallChart';
import { SeqLoader } from '../seq/SeqLoader';
import { useSequenceSession, type LiveSeqModel } from '../seq/sequenceModels';
import { useModelDrawing, useSeqModel } from '../seq/useSeqModel';
import { LastAttention } from './LastAttention';
import '../seq/seq.css';
import './why.css';

const LESSON = 'why-transformers-won';
export const RECALL_TRANSFORMER = 'recall-transformer';
export const RECALL_LSTM_RACE = 'recall-lstm-race';
/** A model that has not reached 99% after this much training makes way for the next. */
export const CAP_SECONDS = 120;

const schema = { ...recallSchema, seq: text(80, '') };
type Settings = ValuesOf<typeof schema>;

const pct = (v: number) => `${Math.round(v * 100)}%`;
const lastEval = (m: LiveSeqModel | null) => m?.evaluations[m.evaluations.length - 1];
const isDone = (m: LiveSeqModel | null) => !!m && (m.secondsTo99 !== null || (lastEval(m)?.seconds ?? 0) >= CAP_SECONDS);

/** What the numbers mean on the backend in use. */
function backendNote(name: BackendName): string {
  const label = BACKEND_LABEL[name];
  if (name === 'wasm' || name === 'cpu')
    return `Both run on ${label}, on one CPU core in a background thread, one after the other. One core does one operation at a time, so the transformer cannot use its parallel positions here: it gains because its whole sequence is a few large matrix products, while the LSTM's is a chain of small steps. On a GPU, where the positions really run side by side, the gap grows.`;
  return `Both run on ${label}, one after the other. The GPU spreads each of the transformer's large matrix products over many lanes at once; the LSTM must still wait for each step before the next. (Without a real GPU, ${label} runs in software and is slow for both.)`;
}

export default function TransformerVsLstmFigure() {
  const settings = useFigureSettings(LESSON, 'race', schema);
  const v: Settings = settings.values;
  const tConfig = useMemo(() => ({ task: 'recall' as const, cell: 'transformer' as const, length: v.length }), [v.length]);
  const lConfig = useMemo(() => ({ task: 'recall' as const, cell: 'lstm' as const, length: v.length }), [v.length]);
  const transformer = useSeqModel(RECALL_TRANSFORMER, { config: tConfig, hyper: DEFAULT_HYPER.recall, seed: v.seed }, { recreateAfterMs: 300 });
  const lstm = useSeqModel(RECALL_LSTM_RACE, { config: lConfig, hyper: DEFAULT_HYPER.recall, seed: v.seed }, { recreateAfterMs: 300 });
  const backend = useSequenceSession((s) => s.backend);
  const order = [transformer, lstm] as const;
  const models = [transformer.model, lstm.model];
  const haveModels = models.every(Boolean);
  // Whether "Train" is running the queue (it stays true across the hand-over from one model to the next).
  const [queued, setQueued] = useState(false);
  const [done, setDone] = useState('');
  const accEl = useRef<HTMLDivElement>(null);
  const tableEl = useRef<HTMLTableElement>(null);
  const chart = useRef<LineChart | null>(null);
  // The latest measured ms per batch of each model: a paused model's views say 0.
  const lastMs = useRef(new Map<string, number>());
  const queuedRef = useRef(queued);
  queuedRef.current = queued;

  useEffect(() => setQueued(false), [v.length]);

  useEffect(() => {
    if (!haveModels || !accEl.current) return;
    chart.current = createRecallAccuracyChart(
      accEl.current,
      [
        { id: 'transformer', name: 'transformer' },
        { id: 'lstm', name: 'LSTM' },
      ],
      200,
    );
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [haveModels]);

  const playNext = (after?: string) => {
    const next = order.find((o) => o.model && o.model.id !== after && !isDone(o.model));
    if (next) next.commands.play();
    else setQueued(false);
  };

  useModelDrawing(models, () => {
    const [t, l] = models;
    if (!t || !l) return;
    // The hand-over: a model that is done pauses and the next one starts (only while it plays, so a pause for
    // being off screen does not hand over behind the reader's back).
    const statuses = useSequenceSession.getState().models;
    for (const m of [t, l]) {
      if (statuses[m.id]?.status === 'playing' && isDone(m)) {
        order.find((o) => o.model === m)?.commands.pause();
        if (queuedRef.current) playNext(m.id);
      }
    }
    const doneNow = [t, l].filter(isDone).map((m) => m.id).join(',');
    if (doneNow !== done) setDone(doneNow);
    const curve = (m: LiveSeqModel) => ({ x: m.evaluations.map((e) => e.seconds), y: m.evaluations.map((e) => e.accuracy ?? NaN) });
    const end = Math.max(10, ...[t, l].flatMap((m) => m.evaluations.map((e) => e.seconds)));
    chart.current?.update({ series: { transformer: curve(t), lstm: curve(l), chance: { x: [0, end], y: [0.25, 0.25] } } });
    const table = tableEl.current;
    if (!table) return;
    for (const m of [t, l]) {
      if (!m.view) lastMs.current.delete(m.id);
      else if (m.view.msPerBatch > 0) lastMs.current.set(m.id, m.view.msPerBatch);
      const row = table.querySelector<HTMLElement>(`[data-model="${m.id}"]`);
      if (!row) continue;
      const last = lastEval(m);
      const ms = lastMs.current.get(m.id);
      const cell = (key: string, value: string, data?: string) => {
        const el = row.querySelector<HTMLElement>(`[data-${key}]`);
        if (!el) return;
        if (el.textContent !== value) el.textContent = value;
        if (data !== undefined && el.getAttribute('data-value') !== data) el.setAttribute('data-value', data);
      };
      cell('ms', ms ? `${ms.toFixed(0)} ms` : '—', ms ? String(ms) : '');
      cell('acc', last?.accuracy != null ? pct(last.accuracy) : '—', String(last?.accuracy ?? ''));
      cell('t99', m.secondsTo99 !== null ? `${m.secondsTo99.toFixed(1)} s` : isDone(m) ? `not in ${CAP_SECONDS} s` : 'not yet', m.secondsTo99 !== null ? String(m.secondsTo99) : '');
      cell('steps', String(m.view?.step ?? 0));
    }
  });

  if (transformer.phase !== 'ready' || !haveModels) return <SeqLoader what="the transformer and the LSTM" />;
  const tStatus = transformer.state.status;
  const lStatus = lstm.state.status;
  const playing = tStatus === 'playing' || lStatus === 'playing';
  const ready = transformer.state.created && lstm.state.created;
  const allDone = done.split(',').filter(Boolean).length === 2;
  const message = transformer.state.message ?? lstm.state.message;
  const status = playing
    ? tStatus === 'playing'
      ? 'Training the transformer (the LSTM waits its turn)…'
      : 'Training the LSTM (the transformer has had its turn)…'
    : allDone
      ? 'Both have had their turn. Change the distance or press Reset to race again.'
      : 'Press Train: first the transformer trains, then the LSTM, each with the thread to itself.';

  const onTrain = () => {
    if (playing) {
      setQueued(false);
      order.forEach((o) => o.commands.pause());
      return;
    }
    setQueued(true);
    playNext();
  };

  return (
    <div className="seq-figure why-figure" data-testid="why-race-figure">
      <div className="trainer-controls">
        <div className="trainer-buttons" role="group" aria-label="Training">
          <button type="button" onClick={onTrain} disabled={!ready || (allDone && !playing)} aria-pressed={playing} data-testid="train">
            {playing ? 'Pause' : 'Train'}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setQueued(false);
              order.forEach((o) => o.commands.reset(v.seed));
            }}
            disabled={!ready}
            data-testid="reset"
          >
            Reset
          </button>
          <button type="button" className="secondary" onClick={() => settings.set({ seed: (v.seed % 99999) + 1 })} disabled={!ready}>
            New start (seed {v.seed})
          </button>
          {!ready ? <span className="muted">Starting TensorFlow.js…</span> : null}
        </div>
        <div className="why-controls">
          <Slider label="distance" value={v.length} min={5} max={RECALL_LENGTHS.max} step={1} format={String} onChange={(n) => settings.set({ length: n })} testId="distance" />
        </div>
        {message ? (
          <p className="notice" role="alert">
            {message}
          </p>
        ) : null}
      </div>
      <p className="seq-hint" aria-live="polite" data-testid="race-status">
        {status}
      </p>
      <table ref={tableEl} className="seq-race" data-testid="race-table">
        <thead>
          <tr>
            <th scope="col">network</th>
            <th scope="col">per batch</th>
            <th scope="col">held-out accuracy</th>
            <th scope="col">time to 99%</th>
            <th scope="col">steps</th>
          </tr>
        </thead>
        <tbody>
          <tr data-model={RECALL_TRANSFORMER}>
            <th scope="row">transformer</th>
            <td data-ms data-testid="transformer-ms">—</td>
            <td data-acc data-testid="transformer-accuracy">—</td>
            <td data-t99 data-testid="transformer-t99">not yet</td>
            <td data-steps data-testid="transformer-steps">0</td>
          </tr>
          <tr data-model={RECALL_LSTM_RACE}>
            <th scope="row">LSTM</th>
            <td data-ms data-testid="lstm-ms">—</td>
            <td data-acc data-testid="lstm-accuracy">—</td>
            <td data-t99 data-testid="lstm-t99">not yet</td>
            <td data-steps data-testid="lstm-steps">0</td>
          </tr>
        </tbody>
      </table>
      <p className="seq-hint" data-testid="backend-note">
        {backend ? backendNote(backend.name) : '…'} Per batch: milliseconds per training step of 32 sequences, measured over the last seconds.
      </p>
      <div ref={accEl} data-testid="race-accuracy" />
      <LastAttention transformer={transformer.model} lstm={lstm.model} length={v.length} typed={v.seq} onType={(seq) => settings.set({ seq })} />
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
