/**
 * "Why plain RNNs forget": a plain RNN and an LSTM (32 units each) learn the recall task side by side in the
 * sequence worker: the answer is the first of `length` letters. The reader sets the distance. Charts: held-out
 * accuracy of both against training time (chance is 25%), and the size of the gradient at every time step, from
 * the latest evaluation, on a log scale: the vanishing gradient through time, measured.
 */
import { useEffect, useMemo, useRef } from 'react';
import { BACKEND_LABEL } from '../../engine/backends/rank';
import { randomRecallSequence, RECALL_LENGTHS } from '../../engine/data/sequences';
import { DEFAULT_HYPER } from '../../engine/seq/tasks';
import { useFigureSettings } from '../../state/figures';
import { int, type ValuesOf } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { createLineChart, type LineChart } from '../../viz/createLineChart';
import { createRecallAccuracyChart } from './recallChart';
import { SeqLoader } from './SeqLoader';
import { SeqTrainerControls } from './SeqTrainerControls';
import { useSequenceSession, type LiveSeqModel } from './sequenceModels';
import { useModelDrawing, useSeqModel } from './useSeqModel';
import './seq.css';

const LESSON = 'why-rnns-forget';
export const RECALL_RNN = 'recall-rnn';
export const RECALL_LSTM = 'recall-lstm';
export const DEFAULT_DISTANCE = 50;

export const recallSchema = {
  length: int(5, RECALL_LENGTHS.max, DEFAULT_DISTANCE),
  seed: int(1, 99999, 1),
};
export type RecallSettings = ValuesOf<typeof recallSchema>;

const pct = (v: number) => `${Math.round(v * 100)}%`;

export default function RecallRaceFigure() {
  const settings = useFigureSettings(LESSON, 'race', recallSchema);
  const v = settings.values;
  const rnnConfig = useMemo(() => ({ task: 'recall' as const, cell: 'rnn' as const, length: v.length }), [v.length]);
  const lstmConfig = useMemo(() => ({ task: 'recall' as const, cell: 'lstm' as const, length: v.length }), [v.length]);
  const rnn = useSeqModel(RECALL_RNN, { config: rnnConfig, hyper: DEFAULT_HYPER.recall, seed: v.seed });
  const lstm = useSeqModel(RECALL_LSTM, { config: lstmConfig, hyper: DEFAULT_HYPER.recall, seed: v.seed });
  const backend = useSequenceSession((s) => s.backend);
  const accEl = useRef<HTMLDivElement>(null);
  const gradEl = useRef<HTMLDivElement>(null);
  const readEl = useRef<HTMLTableElement>(null);
  const charts = useRef<{ acc: LineChart; grad: LineChart } | null>(null);
  const both = [rnn, lstm] as const;
  const models = [rnn.model, lstm.model];
  const haveModels = models.every(Boolean);

  useEffect(() => {
    if (!haveModels || !accEl.current || !gradEl.current) return;
    const acc = createRecallAccuracyChart(accEl.current, [
      { id: 'rnn', name: 'plain RNN' },
      { id: 'lstm', name: 'LSTM' },
    ]);
    const grad = createLineChart(gradEl.current, {
      label: 'Size of the gradient of the loss at the hidden state of each time step, for the plain RNN (solid) and the LSTM (dashed), now and (faint) at the first evaluation, log scale',
      yLabel: '‖∂loss/∂hₜ‖',
      xLabel: 'time step t (the answer is asked after the last)',
      height: 190,
      yScale: 'log',
      x: { min: 1 },
      // Four names do not fit inside a phone-sized chart: the legend is written under it.
      legend: false,
      empty: 'The gradients appear with the first evaluation',
      series: [
        { id: 'rnn', name: 'plain RNN', color: 'class-a', dash: '', width: 2.5 },
        { id: 'lstm', name: 'LSTM', color: 'class-b', dash: '7 4', width: 2.5 },
        { id: 'rnn0', name: 'plain RNN at the start', color: 'class-a', dash: '', reference: true },
        { id: 'lstm0', name: 'LSTM at the start', color: 'class-b', dash: '7 4', reference: true },
      ],
    });
    charts.current = { acc, grad };
    return () => {
      acc.destroy();
      grad.destroy();
      charts.current = null;
    };
  }, [haveModels]);

  useModelDrawing(models, () => {
    const c = charts.current;
    const [r, l] = models as [LiveSeqModel, LiveSeqModel];
    if (!c || !r || !l) return;
    const curve = (m: LiveSeqModel) => ({ x: m.evaluations.map((e) => e.seconds), y: m.evaluations.map((e) => e.accuracy ?? NaN) });
    const end = Math.max(10, ...[r, l].flatMap((m) => m.evaluations.map((e) => e.seconds)));
    c.acc.update({ series: { rnn: curve(r), lstm: curve(l), chance: { x: [0, end], y: [0.25, 0.25] } } });
    const grads = (m: LiveSeqModel, which: 'first' | 'last') => {
      const g = m.evaluations[which === 'first' ? 0 : m.evaluations.length - 1]?.gradNorms;
      // A gradient of exactly 0 (underflow) has no place on a log scale: drawn at the smallest float32.
      return g ? { x: Array.from(g, (_, t) => t + 1), y: Array.from(g, (x) => Math.max(x, 1e-38)) } : null;
    };
    c.grad.update({ series: { rnn: grads(r, 'last'), lstm: grads(l, 'last'), rnn0: grads(r, 'first'), lstm0: grads(l, 'first') } });
    const table = readEl.current;
    if (!table) return;
    [r, l].forEach((m) => {
      const row = table.querySelector<HTMLElement>(`[data-model="${m.id}"]`);
      if (!row) return;
      const last = m.evaluations[m.evaluations.length - 1];
      const set = (key: string, text: string) => {
        const el = row.querySelector<HTMLElement>(`[data-${key}]`);
        if (el && el.textContent !== text) el.textContent = text;
      };
      set('acc', last?.accuracy != null ? pct(last.accuracy) : '—');
      set('t99', m.secondsTo99 !== null ? `${m.secondsTo99.toFixed(1)} s` : 'not yet');
      set('first', last?.gradNorms ? last.gradNorms[0]!.toExponential(1) : '—');
      set('ms', m.view && m.view.msPerBatch > 0 ? `${m.view.msPerBatch.toFixed(0)} ms` : '—');
      set('steps', String(m.view?.step ?? 0));
      row.querySelector<HTMLElement>('[data-acc]')?.setAttribute('data-value', String(last?.accuracy ?? ''));
      // How much of the gradient at the last step is left at the first (for tests and the curious).
      const g = last?.gradNorms;
      row.querySelector<HTMLElement>('[data-first]')?.setAttribute('data-ratio', g ? String(g[0]! / Math.max(g[g.length - 1]!, 1e-38)) : '');
    });
  });

  if (rnn.phase !== 'ready' || !haveModels) return <SeqLoader what="the two networks" />;
  const example = randomRecallSequence(v.length, 3);
  const running = backend ? `${BACKEND_LABEL[backend.name]}, in a background thread` : '…';

  return (
    <div className="seq-figure" data-testid="recall-figure">
      <SeqTrainerControls models={both} seed={v.seed} onSeed={(seed) => settings.set({ seed })}>
        <Slider
          label="distance"
          value={v.length}
          min={5}
          max={RECALL_LENGTHS.max}
          step={1}
          format={(n) => String(n)}
          onChange={(n) => settings.set({ length: n })}
          testId="distance"
        />
      </SeqTrainerControls>
      <p className="seq-task" data-testid="task-example">
        The distance is how many letters the network reads: each sequence has {v.length}, and the answer is the first, one of <kbd>a</kbd> <kbd>b</kbd> <kbd>c</kbd> <kbd>d</kbd>. Example:{' '}
        <code>{example}</code> → <strong>{example[0]}</strong>
      </p>
      <table ref={readEl} className="seq-race" data-testid="race-table">
        <thead>
          <tr>
            <th scope="col">network</th>
            <th scope="col">held-out accuracy</th>
            <th scope="col">time to 99%</th>
            <th scope="col">gradient at step 1</th>
            <th scope="col">per batch</th>
            <th scope="col">steps</th>
          </tr>
        </thead>
        <tbody>
          <tr data-model={RECALL_RNN}>
            <th scope="row">plain RNN</th>
            <td data-acc data-testid="rnn-accuracy">—</td>
            <td data-t99>not yet</td>
            <td data-first data-testid="rnn-first-gradient">—</td>
            <td data-ms>—</td>
            <td data-steps data-testid="rnn-steps">0</td>
          </tr>
          <tr data-model={RECALL_LSTM}>
            <th scope="row">LSTM</th>
            <td data-acc data-testid="lstm-accuracy">—</td>
            <td data-t99 data-testid="lstm-t99">not yet</td>
            <td data-first data-testid="lstm-first-gradient">—</td>
            <td data-ms>—</td>
            <td data-steps data-testid="lstm-steps">0</td>
          </tr>
        </tbody>
      </table>
      <p className="seq-hint">Both run on {running}.</p>
      <div className="seq-charts">
        <div ref={accEl} data-testid="recall-accuracy" />
        <figure className="seq-chart">
          <div ref={gradEl} data-testid="recall-gradients" />
          <figcaption className="seq-legend">
            Gradient at each step: <span className="seq-key-line seq-line-rnn">plain RNN</span> (solid orange),{' '}
            <span className="seq-key-line seq-line-lstm">LSTM</span> (dashed blue); faint lines: the same at the first evaluation.
          </figcaption>
        </figure>
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
