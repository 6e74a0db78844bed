/**
 * "Recurrent networks", figure 2: a 16-unit RNN learns, live in the sequence worker, to predict the next value of
 * noisy sine waves. One held-out wave is drawn with the network's one-step-ahead predictions over the 40 observed
 * values and its own continuation for 40 more (each prediction fed back as the next input). The predictions are
 * computed here, in plain JavaScript, from each view's weights (engine/seq/rollout.ts); the page draws at most
 * every DRAW_EVERY_MS (useSeqModel.ts), the latest view winning, and React renders only on slow state.
 */
import { useEffect, useMemo, useRef } from 'react';
import { BACKEND_LABEL } from '../../engine/backends/rank';
import { sineSeries } from '../../engine/data/sequences';
import { toCellWeights } from '../../engine/seq/cellWeights';
import { rollout } from '../../engine/seq/rollout';
import { DEFAULT_HYPER, SINE_STEPS } from '../../engine/seq/tasks';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createLineChart, lossChartOptions, type LineChart } from '../../viz/createLineChart';
import { sineSchema } from './schema';
import { SeqLoader } from './SeqLoader';
import { SeqTrainerControls } from './SeqTrainerControls';
import { useSequenceSession, type LiveSeqModel } from './sequenceModels';
import { useModelDrawing, useSeqModel } from './useSeqModel';
import './seq.css';

const ID = 'sine';
const HORIZON = 40;
/** Held-out waves come from seeds far from the training data's (which mixes the model seed with 0 … 1023). */
const WAVE_SEED = 424_242;
const range = (from: number, n: number) => Float64Array.from({ length: n }, (_, i) => from + i);

type Wave = ReturnType<typeof sineSeries>;

const LEGEND = [
  { name: 'the wave without noise', color: 'muted', dash: '6 4', width: 2, faint: true },
  { name: 'observed (noisy)', color: 'text', dash: '', width: 1 },
  { name: 'predicted one step ahead', color: 'class-b', dash: '', width: 2.5 },
  { name: 'its own continuation, after “now”', color: 'class-a', dash: '7 4', width: 2.5 },
];

function useDrawing(model: LiveSeqModel | null, wave: Wave, noise: number, els: Elements) {
  const charts = useRef<{ chart: LineChart; loss: LineChart } | null>(null);
  useEffect(() => {
    if (!model) return;
    const chart = createLineChart(els.wave.current!, {
      label: 'A held-out wave: the observed noisy values, the network’s one-step predictions, and its own continuation after “now”',
      xLabel: 'time step',
      yZero: false,
      height: 220,
      // The legend is HTML under the chart: four names do not fit in one row of the chart on a phone.
      legend: false,
      x: { min: 0 },
      series: [
        { id: 'clean', name: 'clean wave', reference: true },
        { id: 'observed', name: 'observed', color: 'text', dash: '', width: 1 },
        { id: 'predicted', name: 'one step ahead', color: 'class-b', dash: '', width: 2.5 },
        { id: 'continued', name: 'its continuation', color: 'class-a', dash: '7 4', width: 2.5 },
      ],
    });
    const loss = createLineChart(
      els.loss.current!,
      lossChartOptions('Loss', {
        label: 'Mean squared error of the next value during training: on training batches (solid) and on held-out waves (dashed)',
        yScale: 'log',
        height: 190,
        series: [
          { id: 'loss', name: 'training', color: 'accent', dash: '', className: 'loss-line' },
          { id: 'heldout', name: 'held-out', color: 'class-a', dash: '7 4', width: 2.5 },
          { id: 'floor', name: 'noise floor σ²', reference: true },
        ],
      }),
    );

    charts.current = { chart, loss };
    return () => {
      charts.current = null;
      chart.destroy();
      loss.destroy();
    };
    // els holds refs only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model]);

  const draw = () => {
    if (!model || !charts.current) return;
    const { chart, loss } = charts.current;
    const w = wave;
    const sigma = noise;
    const view = model.view;
    const spec = model.spec;
    let predicted: Float32Array | null = null;
    let continued: Float32Array | null = null;
    if (view && spec) {
      const { cell, out } = toCellWeights(spec, view.weights);
      ({ oneStep: predicted, continued } = rollout(cell, out, w.values.subarray(0, SINE_STEPS), HORIZON));
    }
    chart.update({
      series: {
        clean: { x: range(0, SINE_STEPS + HORIZON), y: w.clean },
        observed: { x: range(0, SINE_STEPS), y: w.values.subarray(0, SINE_STEPS) },
        predicted: predicted ? { x: range(1, SINE_STEPS), y: predicted } : null,
        continued: continued ? { x: range(SINE_STEPS, HORIZON), y: continued } : null,
      },
      markers: [{ x: SINE_STEPS - 1, label: 'now' }],
    });
    const evals = model.evaluations;
    const steps = model.losses.steps;
    const lastStep = Math.max(steps[steps.length - 1] ?? 0, 10);
    loss.update({
      x: steps,
      series: {
        loss: model.losses.values,
        heldout: { x: evals.map((e) => e.step), y: evals.map((e) => e.loss) },
        floor: sigma > 0 && steps.length > 0 ? { x: [0, lastStep], y: [sigma * sigma, sigma * sigma] } : null,
      },
    });
    const r = els.readout.current;
    if (!r) return;
    const set = (key: string, text: string, value?: number) => {
      const el = r.querySelector<HTMLElement>(`[data-${key}]`);
      if (!el) return;
      el.textContent = text;
      if (value !== undefined) el.dataset.value = String(value);
    };
    const last = evals[evals.length - 1];
    set('step', String(view?.step ?? 0), view?.step ?? 0);
    set('loss', view && Number.isFinite(view.loss) ? view.loss.toFixed(4) : '—', view?.loss ?? NaN);
    set('heldout', last ? last.loss.toFixed(4) : '—', last?.loss ?? NaN);
    set('ms', view && view.msPerBatch > 0 ? `${view.msPerBatch.toFixed(1)} ms` : '—');
    // A fingerprint of the drawn predictions, for tests: it changes when training changes them.
    if (els.wave.current && continued) els.wave.current.dataset.continued = Array.from(continued.subarray(0, 8), (x) => x.toFixed(3)).join(' ');
  };
  // Views and evaluations redraw (at most every DRAW_EVERY_MS); another wave or noise redraws at once.
  useModelDrawing([model], draw);
  useEffect(draw);
}

interface Elements {
  wave: React.RefObject<HTMLDivElement | null>;
  loss: React.RefObject<HTMLDivElement | null>;
  readout: React.RefObject<HTMLDListElement | null>;
}

export default function SineFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, sineSchema);
  const v = settings.values;
  const backend = useSequenceSession((s) => s.backend);
  // The noise is part of the training data: a new noise makes the model afresh, a moment after the slider stops.
  const config = useMemo(() => ({ task: 'sine' as const, cell: 'rnn' as const, noise: v.noise }), [v.noise]);
  const { model, state, commands, phase } = useSeqModel(ID, { config, hyper: DEFAULT_HYPER.sine, seed: v.seed }, { recreateAfterMs: 300 });
  const els: Elements = { wave: useRef(null), loss: useRef(null), readout: useRef(null) };
  const wave = useMemo(() => sineSeries({ length: SINE_STEPS + HORIZON, noise: v.noise, seed: WAVE_SEED + v.wave }), [v.noise, v.wave]);

  useDrawing(model, wave, v.noise, els);

  if (phase !== 'ready' || !model) return <SeqLoader what="the network" />;
  const running = backend ? `${BACKEND_LABEL[backend.name]}, in a background thread` : '…';

  return (
    <div className="sine-figure" data-testid="sine-figure">
      <SeqTrainerControls models={[{ state, commands }]} seed={v.seed} onSeed={(seed) => settings.set({ seed })}>
        <Slider label="noise σ" value={v.noise} min={0} max={0.5} step={0.05} onChange={(x) => settings.set({ noise: Math.round(x * 100) / 100 })} testId="noise" />
      </SeqTrainerControls>

      <dl ref={els.readout} className="readout sine-readout" data-testid="readout">
        <dt>step</dt>
        <dd data-step data-testid="step-count">
          0
        </dd>
        <dt>batch loss</dt>
        <dd data-loss data-testid="loss">
          —
        </dd>
        <dt>held-out loss</dt>
        <dd data-heldout data-testid="heldout-loss">
          —
        </dd>
        <dt>time per batch</dt>
        <dd data-ms data-testid="ms-per-batch">
          —
        </dd>
        <dt>runs on</dt>
        <dd data-testid="runs-on">{running}</dd>
      </dl>

      <div className="sine-charts">
        <div>
          <div className="sine-wave-head">
            <span>
              A wave it never trained on (period {wave.period.toFixed(1)} steps)
            </span>
            <button type="button" className="secondary" onClick={() => settings.set({ wave: (v.wave % 99999) + 1 })} data-testid="new-wave">
              New wave
            </button>
          </div>
          <div ref={els.wave} className="sine-wave" data-testid="sine-wave" />
          <ul className="sine-legend">
            {LEGEND.map((l) => (
              <li key={l.name}>
                <svg width="24" height="10" aria-hidden="true">
                  <line x1="0" x2="24" y1="5" y2="5" style={{ stroke: `var(--${l.color})`, strokeWidth: l.width, strokeDasharray: l.dash || 'none', opacity: l.faint ? 0.7 : 1 }} />
                </svg>
                {l.name}
              </li>
            ))}
          </ul>
        </div>
        <div ref={els.loss} data-testid="sine-loss" />
      </div>

      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
