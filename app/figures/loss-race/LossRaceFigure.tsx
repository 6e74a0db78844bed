/**
 * "Loss functions", figure 2: the same sigmoid neuron, from the same start, trained twice side by side, once
 * with squared error and once with cross-entropy: two real TF.js Trainers driven by one set of controls.
 * Snapshots go straight to each side's plane, loss chart and read-outs (side.ts), never through React state.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  createLogistic,
  createTrainer,
  createTrainingWorkload,
  getBackendManager,
  makePoints2D,
  neuronParamsFromWeights,
  type BinaryLossKind,
  type NeuronParams,
} from '../../engine';
import type { Snapshot, Trainer, TrainerStatus } from '../../engine/types';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { useLiveTrainer } from '../useLiveTrainer';
import { lossRaceSchema, type LossRaceSettings } from './schema';
import { createRaceSide, type RaceSide } from './side';
import './loss-race.css';

const POINTS = 100;
const NOISE = 0.35;
const STARTS: Record<LossRaceSettings['start'], NeuronParams> = {
  wrong: { w1: -6, w2: -6, b: 0 },
  small: { w1: 0.1, w2: -0.1, b: 0 },
};
const SIDES: { kind: BinaryLossKind; title: string; chart: string }[] = [
  { kind: 'mse', title: 'Squared error', chart: 'MSE loss' },
  { kind: 'bce', title: 'Cross-entropy', chart: 'Cross-entropy loss' },
];

const CALIBRATION = createTrainingWorkload('logistic-v1', {
  build: () => createLogistic(STARTS.wrong, 'bce'),
  data: makePoints2D('blobs', { n: POINTS, noise: NOISE, seed: 1 }),
  hyper: { learningRate: 0.5, batchSize: POINTS, optimizer: 'sgd' },
});

function combined(a: TrainerStatus, b: TrainerStatus): TrainerStatus {
  for (const s of ['diverged', 'playing', 'paused', 'idle'] as const) if (a === s || b === s) return s;
  return a;
}

export default function LossRaceFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, lossRaceSchema);
  const { values: v, set } = settings;
  const dataset = useMemo(() => makePoints2D('blobs', { n: POINTS, noise: NOISE, seed: v.seed }), [v.seed]);
  const live = useRef({ dataset, start: STARTS[v.start] });
  const els = useRef<Partial<Record<BinaryLossKind, HTMLElement | null>>>({});
  const sides = useRef<Partial<Record<BinaryLossKind, RaceSide>>>({});
  const trainers = useRef<Partial<Record<BinaryLossKind, Trainer | null>>>({});

  const show = useCallback((kind: BinaryLossKind, snapshot: Snapshot | null) => {
    const series = trainers.current[kind]?.losses.toArrays() ?? { xs: [], ys: [] };
    const p = snapshot ? neuronParamsFromWeights(snapshot.weights) : live.current.start;
    sides.current[kind]?.show(p, live.current.dataset, snapshot?.step ?? 0, series);
  }, []);
  const onMse = useCallback((s: Snapshot) => show('mse', s), [show]);
  const onBce = useCallback((s: Snapshot) => show('bce', s), [show]);
  const make = (kind: BinaryLossKind) => () =>
    createTrainer({
      build: () => createLogistic(live.current.start, kind),
      data: live.current.dataset,
      hyper: { learningRate: v.lr, batchSize: POINTS, optimizer: 'sgd' },
      seed: v.seed,
      backend: getBackendManager(),
    });
  const common = { visible: frame.visible, pinned: frame.pinned, workload: CALIBRATION };
  const mse = useLiveTrainer({ ...common, onSnapshot: onMse, create: make('mse') });
  const bce = useLiveTrainer({ ...common, onSnapshot: onBce, create: make('bce') });
  const pair = useMemo(() => (mse.trainer && bce.trainer ? [mse.trainer, bce.trainer] : []), [mse.trainer, bce.trainer]);
  const status = combined(mse.status, bce.status);

  useEffect(() => {
    trainers.current = { mse: mse.trainer, bce: bce.trainer };
  }, [mse.trainer, bce.trainer]);

  // The two sides' charts are created once; React never renders inside them.
  useEffect(() => {
    for (const { kind, chart } of SIDES) sides.current[kind] = createRaceSide(els.current[kind]!, kind, chart);
    show('mse', null);
    show('bce', null);
    return () => {
      for (const side of Object.values(sides.current)) side?.destroy();
      sides.current = {};
    };
  }, [show]);

  const [speed, setSpeed] = useState(1);
  useEffect(() => pair.forEach((t) => t.setSpeed(speed)), [pair, speed]);
  useEffect(() => pair.forEach((t) => t.setHyper({ learningRate: v.lr })), [pair, v.lr]);

  // New points or a new start: both neurons start over together, so the race stays fair.
  useEffect(() => {
    const start = STARTS[v.start];
    if (live.current.dataset === dataset && live.current.start === start) return;
    live.current = { dataset, start };
    void Promise.all(pair.map(async (t) => {
      t.pause();
      await t.setData(dataset);
      await t.reset();
    }));
    if (pair.length === 0) {
      show('mse', null);
      show('bce', null);
    }
  }, [dataset, v.start, pair, show]);

  function play() {
    if (status === 'playing') pair.forEach((t) => t.pause());
    else pair.forEach((t) => t.play());
  }

  async function resetDefaults() {
    pair.forEach((t) => t.pause());
    settings.resetToDefaults();
    live.current.start = STARTS[settings.defaults.start];
    await Promise.all(pair.map((t) => t.reset(settings.defaults.seed)));
  }

  return (
    <div className="loss-race-figure" data-testid="loss-race-figure" data-status={status}>
      <div className="race-grid">
        {SIDES.map(({ kind, title }) => (
          <section key={kind} className={`race-side race-${kind}`} ref={(el) => void (els.current[kind] = el)} data-testid={`race-${kind}`} aria-label={`${title} training`}>
            <h4>{title}</h4>
            <div data-plane />
            <dl className="readout race-readout">
              <dt>step</dt>
              <dd data-step data-testid={`step-${kind}`}>0</dd>
              <dt>loss</dt>
              <dd data-loss data-testid={`loss-${kind}`}>—</dd>
              <dt>accuracy</dt>
              <dd data-acc data-testid={`acc-${kind}`}>—</dd>
              <dt>slope ‖∇L‖</dt>
              <dd data-grad data-testid={`grad-${kind}`}>—</dd>
            </dl>
            <div data-chart className="race-chart" />
          </section>
        ))}
      </div>
      <p className="legend">
        <span className="key key-a" aria-hidden="true" /> class 0 (orange circles){' '}
        <span className="key key-b" aria-hidden="true" /> class 1 (blue squares). Ringed points are misclassified.
      </p>
      <TrainerControls
        status={status}
        ready={pair.length === 2}
        onPlay={play}
        onStep={(unit) => void Promise.all(pair.map((t) => t.step(unit)))}
        onReset={() => void Promise.all(pair.map((t) => t.reset()))}
        speed={speed}
        onSpeed={setSpeed}
        message={mse.message ?? bce.message}
      >
        <label className="select">
          both start
          <select value={v.start} onChange={(e) => set({ start: e.target.value as LossRaceSettings['start'] })} data-testid="start">
            <option value="wrong">confidently wrong</option>
            <option value="small">near zero</option>
          </select>
        </label>
        <Slider label="learning rate" value={v.lr} min={0.01} max={10} step={0.01} log format={(x) => String(x)} onChange={(lr) => set({ lr })} testId="lr" />
        <button type="button" className="secondary" onClick={() => set({ seed: (v.seed % 99999) + 1 })}>
          New points (seed {v.seed})
        </button>
      </TrainerControls>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={() => void resetDefaults()} />
    </div>
  );
}
