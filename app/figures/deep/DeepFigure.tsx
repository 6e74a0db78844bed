/**
 * "Deep networks and vanishing gradients": a deep, narrow network learns a 2D task while a chart shows how big
 * the gradient is in each of its layers. The reader switches on the fixes (ReLU, batch norm, skip connections);
 * each change restarts training and keeps the run before it as a faded reference, so the two gradient profiles
 * and the two loss curves can be compared.
 *
 * Slow state (settings, status) is React; each training snapshot goes straight to the charts and the read-outs.
 */
import * as tf from '@tensorflow/tfjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  createDeepNet,
  createTrainer,
  createTrainingWorkload,
  getBackendManager,
  gridPoints,
  isDeepNet,
  layerGradientSizes,
  makePoints2D,
  type Dataset,
} from '../../engine';
import type { Snapshot } from '../../engine/types';
import { useFigureSettings } from '../../state/figures';
import { defaultsOf } from '../../state/schema';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createDecisionPlane, fieldFromGrid, type DecisionPlane } from '../../viz/createDecisionPlane';
import { createGradientChart, type GradientChart } from '../../viz/createGradientChart';
import { createLineChart, type LineChart } from '../../viz/createLineChart';
import { useLiveTrainer } from '../useLiveTrainer';
import { deepSchema, formatRatio, runLabel, type DeepSettings } from './schema';
import './deep.css';

const POINTS = 200;
const NOISE = 0.1;
const BATCH = 20;
const RES = 32;
const DOMAIN: [number, number] = [-1.2, 1.2];
const GRID = gridPoints(RES, ...DOMAIN);
/** Accuracy on all points that counts as "learned the task", for the speed comparison. */
const GOAL = 0.9;

const dataFor = (v: Pick<DeepSettings, 'data' | 'seed'>): Dataset => makePoints2D(v.data, { n: POINTS, noise: NOISE, seed: v.seed });
const netConfig = (v: DeepSettings) => ({
  depth: v.depth,
  width: v.width,
  activation: v.act,
  normalize: v.norm === 'batch',
  residual: v.skip === 'on',
});

const CALIBRATION = createTrainingWorkload('deep-10x8-sigmoid-v1', {
  build: (rng) => createDeepNet(netConfig(defaultsOf(deepSchema)), rng),
  data: makePoints2D('circle', { n: POINTS, noise: NOISE, seed: 1 }),
  hyper: { learningRate: 0.02, batchSize: BATCH, optimizer: 'momentum' },
});

interface Run {
  label: string;
  steps: Float64Array;
  losses: Float64Array;
  grads: Float32Array | null;
  /** The step at which accuracy first reached GOAL, if it did. */
  reachedAt: number | null;
}

export default function DeepFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, deepSchema);
  const { values: v, set: setSettings } = settings;

  // What the trainer's build and probes read: always the latest settings.
  const live = useRef({ v, data: dataFor(v), key: '', runLabel: runLabel(v) });
  const current = useRef<{ grads: Float32Array | null; reachedAt: number | null }>({ grads: null, reachedAt: null });
  const reference = useRef<Run | null>(null);
  const [refInfo, setRefInfo] = useState<{ label: string; reachedAt: number | null; steps: number } | null>(null);
  const planeEl = useRef<HTMLDivElement>(null);
  const gradEl = useRef<HTMLDivElement>(null);
  const lossEl = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDListElement>(null);
  const plane = useRef<DecisionPlane | null>(null);
  const gradChart = useRef<GradientChart | null>(null);
  const lossChart = useRef<LineChart | null>(null);
  const trainerRef = useRef<ReturnType<typeof useLiveTrainer>['trainer']>(null);
  /** Set by "Reset to lesson default": the next restart forgets the run instead of keeping it. */
  const forgetRun = useRef(false);

  const drawCharts = useCallback((grid?: Float32Array) => {
    const data = live.current.data;
    const series = trainerRef.current?.losses.toArrays() ?? { xs: new Float64Array(), ys: new Float64Array() };
    lossChart.current?.update({
      series: {
        current: { x: series.xs, y: series.ys },
        reference: reference.current ? { x: reference.current.steps, y: reference.current.losses } : null,
      },
    });
    gradChart.current?.update({ sizes: current.current.grads, reference: reference.current?.grads ?? null });
    if (grid) {
      plane.current?.update({
        field: fieldFromGrid(grid, RES, DOMAIN),
        line: null,
        points: data.xs,
        labels: data.ys,
        probe: { x: 0, y: 0 },
      });
    }
  }, []);

  const onSnapshot = useCallback(
    (snapshot: Snapshot) => {
      const { grads, full, grid } = snapshot.probes;
      current.current.grads = grads ?? null;
      const loss = full?.[0] ?? NaN;
      const acc = full?.[1] ?? NaN;
      if (acc >= GOAL && current.current.reachedAt === null) current.current.reachedAt = snapshot.step;
      drawCharts(grid);
      const r = readout.current;
      if (!r || !grads) return;
      r.querySelector('[data-step]')!.textContent = String(snapshot.step);
      r.querySelector('[data-loss]')!.textContent = Number.isFinite(loss) ? loss.toFixed(3) : '—';
      r.querySelector('[data-acc]')!.textContent = Number.isFinite(acc) ? `${Math.round(acc * 100)}%` : '—';
      const ratio = r.querySelector<HTMLElement>('[data-ratio]')!;
      ratio.textContent = formatRatio(grads[0]!, grads[grads.length - 1]!);
      ratio.dataset.ratio = String(grads[0]! / grads[grads.length - 1]!);
      const reached = current.current.reachedAt;
      r.querySelector('[data-reached]')!.textContent = reached === null ? 'not yet' : `step ${reached}`;
    },
    [drawCharts],
  );

  const { trainer, status, message } = useLiveTrainer({
    visible: frame.visible,
    pinned: frame.pinned,
    onSnapshot,
    workload: CALIBRATION,
    create: () =>
      createTrainer({
        build: (rng) => createDeepNet(netConfig(live.current.v), rng, { reference: live.current.data.xs }),
        data: live.current.data,
        hyper: { learningRate: v.lr, batchSize: BATCH, optimizer: 'momentum' },
        seed: v.seed,
        backend: getBackendManager(),
        // The probes (a full backward pass and a map) cost a few steps each: read them after more steps.
        frameBudgetMs: 30,
        probes: (model) => {
          const data = live.current.data;
          const xs = tf.tensor2d(data.xs, [data.n, 2]);
          const ys = tf.tensor2d(data.ys, [data.n, 1]);
          const pred = model.predict(xs);
          const accuracy = tf.mean(tf.cast(tf.equal(tf.greater(pred, 0.5), tf.greater(ys, 0.5)), 'float32'));
          return {
            grads: isDeepNet(model) ? layerGradientSizes(model, xs, ys) : tf.zeros([1]),
            full: tf.stack([model.loss(xs, ys), accuracy]),
            grid: model.predict(tf.tensor2d(GRID, [RES * RES, 2])),
          };
        },
      }),
  });
  const [speed, setSpeed] = useState(Infinity);
  useEffect(() => {
    trainer?.setSpeed(speed);
    trainerRef.current = trainer;
  }, [trainer, speed]);

  useEffect(() => {
    plane.current = createDecisionPlane(planeEl.current!, { domain: DOMAIN, resolution: RES });
    gradChart.current = createGradientChart(gradEl.current!);
    lossChart.current = createLineChart(lossEl.current!, {
      label: 'Loss (moving average over 11 batches) during training, this run and the previous run',
      yLabel: 'Loss (moving average)',
      xLabel: 'step',
      className: 'loss-compare-chart',
      x: { min: 0, atLeast: 10 },
      empty: 'Press Train to see the loss',
      // Batch losses are noisy: each curve is a centred moving average over 11 batches.
      series: [
        { id: 'current', name: 'this run', color: 'accent', dash: '', className: 'loss-line', smooth: 5 },
        { id: 'reference', name: 'last run', reference: true, className: 'loss-ref-line', smooth: 5 },
      ],
    });
    drawCharts(new Float32Array(RES * RES).fill(0.5));
    return () => {
      plane.current?.destroy();
      gradChart.current?.destroy();
      lossChart.current?.destroy();
    };
  }, [drawCharts]);

  /** Keeps the run so far as the reference (if it trained at all), then rebuilds the network from the seed. */
  const restart = useCallback(
    async (keepPlaying: boolean) => {
      const t = trainerRef.current;
      if (!t) return;
      const steps = t.snapshot?.step ?? 0;
      if (forgetRun.current) {
        forgetRun.current = false;
        reference.current = null;
        setRefInfo(null);
      } else if (steps > 0) {
        const series = t.losses.toArrays();
        reference.current = {
          label: live.current.runLabel,
          steps: Float64Array.from(series.xs),
          losses: Float64Array.from(series.ys),
          grads: current.current.grads,
          reachedAt: current.current.reachedAt,
        };
        setRefInfo({ label: reference.current.label, reachedAt: reference.current.reachedAt, steps });
      }
      current.current = { grads: null, reachedAt: null };
      live.current.runLabel = runLabel(live.current.v);
      t.pause();
      await t.reset(live.current.v.seed);
      drawCharts();
      if (keepPlaying) t.play();
    },
    [drawCharts],
  );

  // A new network or a new task: restart, keeping the old run for comparison (and on playing if it was).
  const key = [v.act, v.norm, v.skip, v.depth, v.width, v.data, v.seed].join('|');
  useEffect(() => {
    live.current.v = v;
    if (!trainer) {
      // Not built yet: the trainer will be created from these settings.
      live.current.data = dataFor(v);
      live.current.key = key;
      live.current.runLabel = runLabel(v);
      return;
    }
    if (live.current.key === key) return;
    live.current.key = key;
    const wasPlaying = trainer.status === 'playing';
    const data = dataFor(v);
    const dataChanged = data.n !== live.current.data.n || data.xs.some((x, i) => x !== live.current.data.xs[i]);
    live.current.data = data;
    void (dataChanged ? trainer.setData(data) : Promise.resolve()).then(() => restart(wasPlaying));
  }, [key, v, trainer, restart]);

  useEffect(() => {
    trainer?.setHyper({ learningRate: v.lr });
  }, [v.lr, trainer]);

  async function resetDefaults() {
    trainer?.pause();
    forgetRun.current = true;
    settings.resetToDefaults();
    const d = settings.defaults;
    // With the same network and data no restart is triggered by the settings: restart here.
    if ([d.act, d.norm, d.skip, d.depth, d.width, d.data, d.seed].join('|') === key) await restart(false);
  }

  const label = runLabel(v);
  return (
    <div className="deep-figure" data-testid="deep-figure" data-status={status}>
      <fieldset className="controls deep-fixes">
        <legend>The fixes</legend>
        <label className="select">
          activation
          <select value={v.act} onChange={(e) => setSettings({ act: e.target.value as DeepSettings['act'] })} data-testid="act">
            <option value="sigmoid">sigmoid</option>
            <option value="tanh">tanh</option>
            <option value="relu">ReLU</option>
          </select>
        </label>
        <label className="check-toggle">
          <input type="checkbox" checked={v.norm === 'batch'} onChange={(e) => setSettings({ norm: e.target.checked ? 'batch' : 'off' })} data-testid="norm" />
          batch normalization
        </label>
        <label className="check-toggle">
          <input type="checkbox" checked={v.skip === 'on'} onChange={(e) => setSettings({ skip: e.target.checked ? 'on' : 'off' })} data-testid="skip" />
          skip connections
        </label>
      </fieldset>
      <div className="deep-grid">
        <div>
          <p className="deep-title">Gradient size in each layer</p>
          <div ref={gradEl} data-testid="grad-chart" />
          <p className="legend">
            <span className="deep-key deep-key-bar" aria-hidden="true" /> this run ({label}){' '}
            {refInfo ? (
              <>
                <span className="deep-key deep-key-ref" aria-hidden="true" /> <span data-testid="ref-label">last run ({refInfo.label})</span>
              </>
            ) : (
              'Change a fix to keep this run as a dashed reference.'
            )}
          </p>
        </div>
        <div>
          <p className="deep-title">What the network predicts</p>
          <div ref={planeEl} className="deep-plane" data-testid="plane" />
          <p className="legend">
            <span className="key key-a" aria-hidden="true" /> class 0 (orange circles){' '}
            <span className="key key-b" aria-hidden="true" /> class 1 (blue squares)
          </p>
        </div>
      </div>
      <TrainerControls
        status={status}
        ready={trainer != null}
        onPlay={() => (trainer?.status === 'playing' ? trainer.pause() : trainer?.play())}
        onStep={(unit) => void trainer?.step(unit)}
        onReset={() => void restart(false)}
        speed={speed}
        onSpeed={setSpeed}
        message={message}
      >
        <Slider label="layers" value={v.depth} min={2} max={10} step={1} format={String} onChange={(x) => setSettings({ depth: x })} testId="depth" />
        <label className="select">
          units per layer
          <select value={v.width} onChange={(e) => setSettings({ width: Number(e.target.value) })} data-testid="width">
            {[4, 8, 16].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <Slider label="learning rate" value={v.lr} min={0.001} max={1} step={0.001} log format={String} onChange={(x) => setSettings({ lr: x })} testId="lr" />
        <label className="select">
          data
          <select value={v.data} onChange={(e) => setSettings({ data: e.target.value as DeepSettings['data'] })} data-testid="data">
            <option value="circle">circle</option>
            <option value="xor">four corners (XOR)</option>
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => setSettings({ seed: (v.seed % 99999) + 1 })}>
          New start (seed {v.seed})
        </button>
      </TrainerControls>
      <div className="deep-bottom">
        <div>
          <div ref={lossEl} data-testid="loss-chart" />
          <p className="legend">
            <span className="deep-key deep-key-line" aria-hidden="true" /> this run{' '}
            {refInfo ? (
              <>
                <span className="deep-key deep-key-ref" aria-hidden="true" /> last run: {refInfo.label},{' '}
                {refInfo.reachedAt === null ? `no ${GOAL * 100}% accuracy in ${refInfo.steps} steps` : `${GOAL * 100}% accuracy at step ${refInfo.reachedAt}`}
              </>
            ) : null}
          </p>
        </div>
        <dl ref={readout} className="readout" data-testid="readout">
          <dt>step</dt>
          <dd data-step>0</dd>
          <dt>loss (all points)</dt>
          <dd data-loss data-testid="loss">—</dd>
          <dt>accuracy</dt>
          <dd data-acc data-testid="accuracy">—</dd>
          <dt>reached {GOAL * 100}% accuracy</dt>
          <dd data-reached data-testid="reached">not yet</dd>
          <dt>layer 1 ÷ last layer</dt>
          <dd data-ratio data-testid="grad-ratio">—</dd>
        </dl>
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={() => void resetDefaults()} />
    </div>
  );
}
