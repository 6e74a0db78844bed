/**
 * "Attention", the live figure: a one-layer transformer with two heads learns to reverse 8 digits in the
 * sequence worker. Its attention maps for the digits in the box are recomputed in the page from its latest
 * weights (engine/attention/forward.ts) with every view; a strip of thumbnails keeps the head-averaged map at
 * fixed steps, so the sharpening from uniform to the mirror diagonal stays visible after it has happened.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { transformerTrace, type TransformerTrace } from '../../engine/attention/forward';
import { BACKEND_LABEL } from '../../engine/backends/rank';
import { REVERSE_LENGTH } from '../../engine/data/sequences';
import { DEFAULT_HYPER, isTransformer } from '../../engine/seq/tasks';
import { useFigureSettings } from '../../state/figures';
import { int } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createAttentionMap, type AttentionMap } from '../../viz/createAttentionMap';
import { createLineChart, type LineChart } from '../../viz/createLineChart';
import { shortText } from '../seq/schema';
import { SeqLoader } from '../seq/SeqLoader';
import { SeqTrainerControls } from '../seq/SeqTrainerControls';
import { useSequenceSession, type LiveSeqModel } from '../seq/sequenceModels';
import { ATTENTION_DRAW_MS, useModelDrawing, useSeqModel } from '../seq/useSeqModel';
import { headMean, headWeights, mirrorShare, predicted, readDigits, REVERSE_ID, reverseConfig, traceLive } from './reverse';
import { DigitsInput } from './DigitsInput';
import { DigitStrip } from './DigitStrip';
import './reverse.css';

export const reverseSchema = {
  digits: shortText(24, '31415926'),
  seed: int(1, 99999, 1),
};

/** Steps at which the head-averaged map is kept for the history strip. */
export const HISTORY_STEPS = [0, 20, 40, 60, 80, 150] as const;

const pct = (v: number) => `${Math.round(v * 100)}%`;
const T = REVERSE_LENGTH;

export default function ReverseFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, reverseSchema);
  const v = settings.values;
  const config = useMemo(() => reverseConfig(), []);
  const { model, state, commands, phase } = useSeqModel(REVERSE_ID, { config, hyper: DEFAULT_HYPER.reverse, seed: v.seed });
  const backend = useSequenceSession((s) => s.backend);
  const [trace, setTrace] = useState<TransformerTrace | null>(null);
  const read = readDigits(v.digits);
  const digitsKey = read.digits?.join('') ?? '';
  const mapEls = useRef<(HTMLDivElement | null)[]>([]);
  const historyEls = useRef<(HTMLDivElement | null)[]>([]);
  const lossEl = useRef<HTMLDivElement>(null);
  const accEl = useRef<HTMLDivElement>(null);
  const readEl = useRef<HTMLDListElement>(null);
  const views = useRef<{ maps: AttentionMap[]; history: AttentionMap[]; loss: LineChart; acc: LineChart } | null>(null);
  /** Weights kept at the history steps, and the digits their maps were drawn for. */
  const kept = useRef<{ weights: (Float32Array[] | null)[]; drawnFor: string[] }>({ weights: HISTORY_STEPS.map(() => null), drawnFor: HISTORY_STEPS.map(() => '') });
  const heads = model?.spec && isTransformer(model.spec) ? model.spec.heads : 2;

  useEffect(() => {
    if (!model || !lossEl.current || !accEl.current) return;
    const maps = Array.from({ length: heads }, (_, h) =>
      createAttentionMap(mapEls.current[h]!, { label: `Head ${h + 1} of the reversal model`, numbers: true }),
    );
    const history = HISTORY_STEPS.map((step, k) =>
      createAttentionMap(historyEls.current[k]!, { label: `Both heads averaged at step ${step}`, cell: 8, compact: true }),
    );
    const loss = createLineChart(lossEl.current, {
      label: 'Training loss of the reversal model against training step',
      yLabel: 'loss',
      xLabel: 'step',
      height: 160,
      empty: 'Press Train',
      series: [{ id: 'loss', name: 'training loss', color: 'class-b', smooth: 3 }],
    });
    const acc = createLineChart(accEl.current, {
      label: 'Held-out accuracy of the reversal model: whole sequences right, and single digits right',
      yLabel: 'held-out accuracy',
      xLabel: 'step',
      height: 160,
      yZero: true,
      format: pct,
      empty: 'Accuracy appears as it trains',
      series: [
        { id: 'exact', name: 'whole sequence', color: 'class-b', width: 2.5 },
        { id: 'digit', name: 'single digit', color: 'class-a', dash: '7 4' },
      ],
    });
    views.current = { maps, history, loss, acc };
    kept.current = { weights: HISTORY_STEPS.map(() => null), drawnFor: HISTORY_STEPS.map(() => '') };
    return () => {
      [...maps, ...history].forEach((m) => m.destroy());
      loss.destroy();
      acc.destroy();
      views.current = null;
    };
  }, [model, heads]);

  useModelDrawing([model], () => {
    const c = views.current;
    const m = model as LiveSeqModel | null;
    if (!c || !m) return;
    const view = m.view;
    const store = kept.current;
    // A reset (or a new model) starts the history again.
    if (!view) store.weights = store.weights.map(() => null);
    if (view) {
      HISTORY_STEPS.forEach((step, k) => {
        const w = store.weights[k];
        if (view.step < step) store.weights[k] = null;
        else if (!w) store.weights[k] = view.weights;
      });
    }
    const digits = read.digits;
    const t = traceLive(m, digits);
    setTrace(t);
    const labels = digits ? digits.map(String) : [];
    if (t) {
      const rows = predicted(t).map((d, i) => `${i + 1}→${d}`);
      c.maps.forEach((map, h) => map.update({ weights: headWeights(t.blocks[0]!.weights, h, T), rows, cols: labels, rowTitle: 'out', colTitle: 'input digits' }));
    }
    HISTORY_STEPS.forEach((_, k) => {
      const w = store.weights[k];
      const key = w ? `${digitsKey}:${k}` : '';
      if (store.drawnFor[k] === key && w) return;
      store.drawnFor[k] = key;
      const past = w && digits && m.spec && isTransformer(m.spec) ? transformerTrace(m.spec, w, digits) : null;
      c.history[k]!.update({
        weights: past ? headMean(past.blocks[0]!.weights, heads, T) : new Float32Array(T * T),
        rows: labels,
        cols: labels,
      });
      historyEls.current[k]?.parentElement?.classList.toggle('is-empty', !past);
    });
    c.loss.update({ x: m.losses.steps, series: { loss: m.losses.values } });
    const evals = m.evaluations;
    c.acc.update({
      series: {
        exact: { x: evals.map((e) => e.step), y: evals.map((e) => e.accuracy ?? NaN) },
        digit: { x: evals.map((e) => e.step), y: evals.map((e) => e.tokenAccuracy ?? NaN) },
      },
    });
    const dl = readEl.current;
    if (dl) {
      const last = evals[evals.length - 1];
      const set = (key: string, text: string, value?: number) => {
        const el = dl.querySelector<HTMLElement>(`[data-${key}]`);
        if (!el) return;
        if (el.textContent !== text) el.textContent = text;
        if (value !== undefined && el.dataset.value !== String(value)) el.dataset.value = String(value);
      };
      set('step', String(view?.step ?? 0));
      set('loss', view ? view.loss.toFixed(3) : '—');
      set('exact', last?.accuracy != null ? pct(last.accuracy) : '—', last?.accuracy ?? -1);
      set('digit', last?.tokenAccuracy != null ? pct(last.tokenAccuracy) : '—');
      set('ms', view && view.msPerBatch > 0 ? `${view.msPerBatch.toFixed(0)} ms` : '—');
      set('seconds', `${(view?.seconds ?? 0).toFixed(1)} s`, view?.seconds ?? 0);
    }
  }, [digitsKey], { everyMs: ATTENTION_DRAW_MS });

  if (phase !== 'ready' || !model) return <SeqLoader what="the reversal model" />;
  const out = trace ? predicted(trace) : null;
  const mirror = trace ? Array.from({ length: heads }, (_, h) => mirrorShare(headWeights(trace.blocks[0]!.weights, h, T), T)) : [];
  const running = backend ? `${BACKEND_LABEL[backend.name]}, in a background thread` : '…';

  return (
    <div className="seq-figure attn-figure" data-testid="reverse-figure">
      <SeqTrainerControls models={[{ state, commands }]} seed={v.seed} onSeed={(seed) => settings.set({ seed })} />
      <DigitsInput id="reverse" value={v.digits} read={read} onChange={(digits) => settings.set({ digits })} />
      {read.digits && out ? <DigitStrip input={read.digits} output={out} /> : null}
      <div className="attn-heads">
        {Array.from({ length: heads }, (_, h) => (
          <figure key={h} className="attn-head" data-testid={`reverse-head-${h + 1}`}>
            <figcaption>
              Head {h + 1}
              {mirror[h] !== undefined ? (
                <span className="seq-hint" data-testid={`mirror-${h + 1}`} data-value={mirror[h]}>
                  {' '}
                  · {pct(mirror[h]!)} on the mirror position
                </span>
              ) : null}
            </figcaption>
            <div ref={(el) => void (mapEls.current[h] = el)} />
          </figure>
        ))}
      </div>
      <p className="seq-hint">
        Row <em>i</em> is output position <em>i</em> (with the digit it predicts); its cells are how it spreads its attention over the input
        digits, in percent. Reversing needs row <em>i</em> to read column {T + 1} − <em>i</em>: the diagonal from top right to bottom left.
      </p>
      <figure className="attn-history">
        <figcaption>The two heads averaged, as it learned (same digits):</figcaption>
        <ol>
          {HISTORY_STEPS.map((step, k) => (
            <li key={step} className="is-empty">
              <div ref={(el) => void (historyEls.current[k] = el)} />
              <span>step {step}</span>
            </li>
          ))}
        </ol>
      </figure>
      <dl ref={readEl} className="attn-readout" data-testid="reverse-readout">
        <div>
          <dt>step</dt>
          <dd data-step>0</dd>
        </div>
        <div>
          <dt>loss</dt>
          <dd data-loss>—</dd>
        </div>
        <div>
          <dt>held-out sequences right</dt>
          <dd data-exact data-testid="reverse-exact">
            —
          </dd>
        </div>
        <div>
          <dt>held-out digits right</dt>
          <dd data-digit>—</dd>
        </div>
        <div>
          <dt>training time</dt>
          <dd data-seconds>0.0 s</dd>
        </div>
        <div>
          <dt>per batch</dt>
          <dd data-ms>—</dd>
        </div>
      </dl>
      <div className="seq-charts">
        <div ref={lossEl} data-testid="reverse-loss" />
        <div ref={accEl} data-testid="reverse-accuracy" />
      </div>
      <p className="seq-hint">
        Held out: 512 random sequences that are not among the 4,096 it trains on. It trains on {running}.
      </p>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
