/**
 * Two deep networks of the same shape, [2, 8, 8, 8, 1], trained side by side on the same points from the same
 * starting weights. The only difference: the left one's hidden layers are linear, the right one's use ReLU (or
 * tanh). One set of controls drives both real TF.js trainers; each snapshot is drawn straight into that net's
 * heatmap, loss chart and read-outs, without rendering React.
 */
import * as tf from '@tensorflow/tfjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { collapseLinearMlp, createMlp, createTrainer, createTrainingWorkload, getBackendManager, gridPoints, makePoints2D, type MlpActivation } from '../../engine';
import type { Dataset, Snapshot, TrainerStatus } from '../../engine/types';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createDecisionPlane, fieldFromGrid, type DecisionPlane } from '../../viz/createDecisionPlane';
import { createLineChart, lossChartOptions, lossData, type LineChart } from '../../viz/createLineChart';
import { useLiveTrainer } from '../useLiveTrainer';
import './activations.css';
import { compareSchema } from './schema';

const SIZES = [2, 8, 8, 8, 1];
const POINTS = 200;
const NOISE = 0.2;
const BATCH = 10;
const RES = 40;
const DOMAIN: [number, number] = [-1.2, 1.2];
const GRID = gridPoints(RES, DOMAIN[0], DOMAIN[1]);

const CALIBRATION = createTrainingWorkload('mlp-2-8-8-8-1-relu-b10', {
  build: (rng) => createMlp({ sizes: SIZES, activation: 'relu', output: 'sigmoid', loss: 'bce' }, rng),
  data: makePoints2D('circle', { n: POINTS, noise: NOISE, seed: 1 }),
  hyper: { learningRate: 0.03, batchSize: BATCH, optimizer: 'adam' },
});

type Side = 'linear' | 'nonlinear';

function combine(a: TrainerStatus, b: TrainerStatus): TrainerStatus {
  if (a === 'diverged' || b === 'diverged') return 'diverged';
  if (a === 'playing' || b === 'playing') return 'playing';
  if (a === 'idle' && b === 'idle') return 'idle';
  return 'paused';
}

/** "−0.12" or "+ 0.12" (or "0.12" first in a sum), so the collapsed formula reads naturally. */
function signed(v: number, first = false): string {
  const abs = Math.abs(v).toFixed(2);
  if (first) return v < 0 ? `−${abs}` : abs;
  return v < 0 ? `− ${abs}` : `+ ${abs}`;
}

function accuracy(pred: Float32Array | undefined, data: Dataset): number | null {
  if (!pred || pred.length !== data.n) return null;
  let right = 0;
  for (let i = 0; i < data.n; i++) if (pred[i]! >= 0.5 === data.ys[i]! > 0.5) right++;
  return right / data.n;
}

export default function LinearVsNonlinear() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, compareSchema);
  const { values: v, set } = settings;
  const dataset = useMemo(() => makePoints2D(v.data, { n: POINTS, noise: NOISE, seed: v.seed }), [v.data, v.seed]);
  const live = useRef({ dataset, act: v.act as MlpActivation });
  const els = {
    linear: { plane: useRef<HTMLDivElement>(null), loss: useRef<HTMLDivElement>(null), readout: useRef<HTMLDListElement>(null) },
    nonlinear: { plane: useRef<HTMLDivElement>(null), loss: useRef<HTMLDivElement>(null), readout: useRef<HTMLDListElement>(null) },
  };
  const planes = useRef<Partial<Record<Side, DecisionPlane>>>({});
  const charts = useRef<Partial<Record<Side, LineChart>>>({});
  const trainers = useRef<Partial<Record<Side, ReturnType<typeof useLiveTrainer>['trainer']>>>({});
  const lastGrid = useRef<Partial<Record<Side, Float32Array>>>({});
  /** The all-linear net multiplied out to one map, z = w₁x₁ + w₂x₂ + b: its boundary is the line z = 0. */
  const collapsed = useRef<{ w1: number; w2: number; b: number } | null>(null);
  const collapsedEl = useRef<HTMLParagraphElement>(null);

  const drawPlane = useCallback((side: Side) => {
    const grid = lastGrid.current[side];
    const data = live.current.dataset;
    planes.current[side]?.update({
      field: grid ? fieldFromGrid(grid, RES, DOMAIN) : () => 0.5,
      line: side === 'linear' && collapsed.current ? { w1: collapsed.current.w1, w2: collapsed.current.w2, c: -collapsed.current.b } : null,
      points: data.xs,
      labels: data.ys,
    });
  }, []);

  const onSnapshot = useCallback(
    (side: Side, snapshot: Snapshot) => {
      lastGrid.current[side] = snapshot.probes.grid;
      if (side === 'linear') {
        const { w, b } = collapseLinearMlp(snapshot.weights, SIZES);
        collapsed.current = { w1: w[0]!, w2: w[1]!, b: b[0]! };
        const el = collapsedEl.current;
        if (el) el.textContent = `Multiplied out: z = ${signed(w[0]!, true)}·x₁ ${signed(w[1]!)}·x₂ ${signed(b[0]!)}`;
      }
      drawPlane(side);
      const series = trainers.current[side]?.losses.toArrays();
      charts.current[side]?.update(lossData(series));
      const r = els[side].readout.current;
      if (!r) return;
      const acc = accuracy(snapshot.probes.train, live.current.dataset);
      r.querySelector('[data-step]')!.textContent = String(snapshot.step);
      r.querySelector('[data-loss]')!.textContent = Number.isFinite(snapshot.loss) ? snapshot.loss.toFixed(4) : '—';
      r.querySelector('[data-acc]')!.textContent = acc === null ? '—' : `${Math.round(acc * 100)}%`;
    },
    // The element refs are stable objects; only drawPlane matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [drawPlane],
  );

  const make = (side: Side) => () =>
    createTrainer({
      build: (rng) =>
        createMlp({ sizes: SIZES, activation: side === 'linear' ? 'linear' : live.current.act, output: 'sigmoid', loss: 'bce' }, rng),
      data: live.current.dataset,
      hyper: { learningRate: v.lr, batchSize: BATCH, optimizer: 'adam' },
      seed: v.seed,
      backend: getBackendManager(),
      probes: (model) => ({
        grid: model.predict(tf.tensor2d(GRID, [RES * RES, 2])),
        train: model.predict(tf.tensor2d(live.current.dataset.xs, [live.current.dataset.n, 2])),
      }),
    });
  const common = { visible: frame.visible, pinned: frame.pinned, workload: CALIBRATION };
  const left = useLiveTrainer({ ...common, create: make('linear'), onSnapshot: (s) => onSnapshot('linear', s) });
  const right = useLiveTrainer({ ...common, create: make('nonlinear'), onSnapshot: (s) => onSnapshot('nonlinear', s) });
  const both = [left.trainer, right.trainer];
  const ready = left.trainer != null && right.trainer != null;
  const status = combine(left.status, right.status);
  useEffect(() => {
    trainers.current = { linear: left.trainer, nonlinear: right.trainer };
  }, [left.trainer, right.trainer]);

  const [speed, setSpeed] = useState(8);
  useEffect(() => {
    left.trainer?.setSpeed(speed);
    right.trainer?.setSpeed(speed);
  }, [left.trainer, right.trainer, speed]);

  useEffect(() => {
    const made = { planes: planes.current, charts: charts.current };
    for (const side of ['linear', 'nonlinear'] as const) {
      const planeEl = els[side].plane.current!;
      planes.current[side] = createDecisionPlane(planeEl, {
        domain: DOMAIN,
        resolution: RES,
        label: `Decision heatmap of the ${side === 'linear' ? 'all-linear' : 'non-linear'} network`,
      });
      charts.current[side] = createLineChart(els[side].loss.current!, lossChartOptions(side === 'linear' ? 'loss, all linear' : 'loss, non-linear'));
      charts.current[side]!.clear();
      drawPlane(side);
    }
    return () => {
      for (const side of ['linear', 'nonlinear'] as const) {
        made.planes[side]?.destroy();
        made.charts[side]?.destroy();
      }
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drawPlane]);

  // New points or a new hidden activation: both nets start over, from the same seed, on the same data.
  useEffect(() => {
    const changed = live.current.dataset !== dataset || live.current.act !== v.act;
    live.current = { dataset, act: v.act };
    if (!changed || !left.trainer || !right.trainer) return;
    lastGrid.current = {};
    collapsed.current = null;
    for (const t of [left.trainer, right.trainer]) void t.setData(dataset).then(() => t.reset(v.seed));
    drawPlane('linear');
    drawPlane('nonlinear');
  }, [dataset, v.act, v.seed, left.trainer, right.trainer, drawPlane]);

  useEffect(() => {
    left.trainer?.setHyper({ learningRate: v.lr });
    right.trainer?.setHyper({ learningRate: v.lr });
  }, [v.lr, left.trainer, right.trainer]);

  function play() {
    if (status === 'playing') both.forEach((t) => t?.pause());
    else both.forEach((t) => t?.play());
  }

  async function reset(seed = v.seed) {
    await Promise.all(both.map((t) => t?.reset(seed)));
  }

  function resetDefaults() {
    both.forEach((t) => t?.pause());
    settings.resetToDefaults();
    setSpeed(8);
    void reset(settings.defaults.seed);
  }

  const column = (side: Side, title: React.ReactNode, desc: string) => (
    <div className="cmp-col" data-testid={`cmp-${side}`}>
      <p className="cmp-title">{title}</p>
      <p className="cmp-desc">{desc}</p>
      <div ref={els[side].plane} data-testid={`plane-${side}`} />
      {side === 'linear' ? (
        <p ref={collapsedEl} className="cmp-collapsed" data-testid="collapsed" />
      ) : (
        <p className="cmp-collapsed">Cannot be multiplied out: each ReLU or tanh bends it.</p>
      )}
      <dl ref={els[side].readout} className="readout cmp-readout">
        <dt>step</dt>
        <dd data-step>0</dd>
        <dt>loss</dt>
        <dd data-loss data-testid={`loss-${side}`}>—</dd>
        <dt>accuracy</dt>
        <dd data-acc data-testid={`acc-${side}`}>—</dd>
      </dl>
    </div>
  );

  return (
    <div className="cmp-figure" data-testid="cmp-figure" data-status={status}>
      <div className="cmp-grid">
        {column('linear', <>All linear</>, 'Hidden layers: none (linear)')}
        {column('nonlinear', <>{v.act === 'relu' ? 'ReLU' : 'tanh'}</>, `Hidden layers: ${v.act === 'relu' ? 'ReLU' : 'tanh'}`)}
      </div>
      <p className="legend">
        <span className="key key-a" aria-hidden="true" /> class 0 (orange circles){' '}
        <span className="key key-b" aria-hidden="true" /> class 1 (blue squares). Shading: each network’s answer; dark
        rings mark points it gets wrong. Both: 2 inputs → 8 → 8 → 8 → 1 sigmoid output, same starting weights.
      </p>
      <TrainerControls
        status={status}
        ready={ready}
        onPlay={play}
        onStep={(unit) => both.forEach((t) => void t?.step(unit))}
        onReset={() => void reset()}
        speed={speed}
        onSpeed={setSpeed}
        message={left.message ?? right.message}
      >
        <label className="select">
          right network’s hidden layers
          <select value={v.act} onChange={(e) => set({ act: e.target.value as typeof v.act })} data-testid="cmp-act">
            <option value="relu">ReLU</option>
            <option value="tanh">tanh</option>
          </select>
        </label>
        <label className="select">
          data
          <select value={v.data} onChange={(e) => set({ data: e.target.value as typeof v.data })} data-testid="cmp-data">
            <option value="circle">circle</option>
            <option value="xor">four corners (XOR)</option>
          </select>
        </label>
        <Slider
          label="learning rate (Adam)"
          value={v.lr}
          min={0.001}
          max={0.3}
          step={0.001}
          log
          format={(x) => String(x)}
          onChange={(lr) => set({ lr })}
          testId="cmp-lr"
        />
        <button type="button" className="secondary" onClick={() => set({ seed: (v.seed % 99999) + 1 })}>
          New points (seed {v.seed})
        </button>
      </TrainerControls>
      <div className="cmp-losses">
        <div ref={els.linear.loss} data-testid="loss-chart-linear" aria-label="Loss of the all-linear network" role="group" />
        <div ref={els.nonlinear.loss} data-testid="loss-chart-nonlinear" aria-label="Loss of the non-linear network" role="group" />
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={resetDefaults} />
    </div>
  );
}
