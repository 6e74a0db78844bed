/**
 * "Layers and forward propagation": a small MLP trained live on 2D points. The reader picks an input point on the
 * plane (drag, tap, or the x₁/x₂ sliders) and sees it flow forward: every neuron's value, every edge coloured by
 * weight × activation, and a small map of what each neuron outputs over the whole plane.
 *
 * One Trainer probe returns every layer's activations over the grid in the same read as the weights; the values
 * for the chosen point come from the snapshot's weights through the engine's JavaScript forward pass (a unit test
 * proves it equals the TF.js model). Snapshots go straight to the charts, never through React state.
 */
import katex from 'katex';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  createMlp,
  createTrainer,
  createTrainingWorkload,
  getBackendManager,
  gridPoints,
  makePoints2D,
  mlpForward,
  mlpLayerProbes,
  type LayerValues,
} from '../../engine';
import type { Dataset, Snapshot } from '../../engine/types';
import { useFigureSettings } from '../../state/figures';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { Slider } from '../../ui/controls/Slider';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createDecisionPlane, fieldFromGrid, type DecisionPlane } from '../../viz/createDecisionPlane';
import { createLineChart, lossChartOptions, lossData, type LineChart } from '../../viz/createLineChart';
import { createNetworkGraph, type NetworkGraph, type NetworkLayerState } from '../../viz/createNetworkGraph';
import { useLiveTrainer } from '../useLiveTrainer';
import './layers.css';
import { neuronDetailTex, neuronSymbol } from './notation';
import { ARCHITECTURES, networkSchema, type NetworkSettings } from './schema';

const POINTS = 200;
const NOISE = 0.1;
const DOMAIN: [number, number] = [-1.2, 1.2];
const RES = 40;
const GRID = gridPoints(RES, ...DOMAIN);
const BATCH = 10;

const sizesOf = (arch: NetworkSettings['arch']) => [2, ...ARCHITECTURES[arch], 1];

/** What the backend choice is timed on: this figure's own training step. */
const CALIBRATION = createTrainingWorkload('mlp-2-4-4-1-tanh-b10', {
  build: (rng) => createMlp({ sizes: [2, 4, 4, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' }, rng),
  data: makePoints2D('circle', { n: POINTS, noise: NOISE, seed: 1 }),
  hyper: { learningRate: 0.03, batchSize: BATCH, optimizer: 'adam' },
});

function accuracy(weights: Float32Array[], act: NetworkSettings['act'], data: Dataset): number {
  let right = 0;
  for (let i = 0; i < data.n; i++) {
    const out = mlpForward(weights, [data.xs[2 * i]!, data.xs[2 * i + 1]!], act, 'sigmoid');
    if (out[out.length - 1]!.a[0]! >= 0.5 === data.ys[i]! > 0.5) right++;
  }
  return right / data.n;
}

/** The largest |value| in a layer's maps, so ReLU layers (unbounded) still use the whole colour range. */
function reluSpan(grid: Float32Array | undefined): number {
  let m = 1e-3;
  if (grid) for (let i = 0; i < grid.length; i++) m = Math.max(m, Math.abs(grid[i]!));
  return m;
}

export default function NetworkFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, networkSchema);
  const { values: v, set: setSettings } = settings;
  const dataset = useMemo(() => makePoints2D(v.data, { n: POINTS, noise: NOISE, seed: v.seed }), [v.data, v.seed]);

  // What the drawing code reads: always the latest.
  const live = useRef({ arch: v.arch, act: v.act, dataset, probe: { x: v.x1, y: v.x2 }, snapshot: null as Snapshot | null });
  const selected = useRef<{ layer: number; unit: number }>({ layer: 1, unit: 0 });
  const planeEl = useRef<HTMLDivElement>(null);
  const graphEl = useRef<HTMLDivElement>(null);
  const lossEl = useRef<HTMLDivElement>(null);
  const detailEl = useRef<HTMLParagraphElement>(null);
  const readout = useRef<HTMLDListElement>(null);
  const plane = useRef<DecisionPlane | null>(null);
  const graph = useRef<NetworkGraph | null>(null);
  const chart = useRef<LineChart | null>(null);

  const detailFrame = useRef(0);
  const detailAt = useRef(0);
  const renderDetail = useCallback(() => {
    // Typesetting is the slowest part of a frame: ten times a second is plenty for reading numbers.
    if (performance.now() - detailAt.current < 100) {
      detailFrame.current = requestAnimationFrame(() => renderDetail());
      return;
    }
    detailAt.current = performance.now();
    detailFrame.current = 0;
    const { snapshot, act, probe } = live.current;
    const el = detailEl.current;
    if (!snapshot || !el) return;
    const layers = mlpForward(snapshot.weights, [probe.x, probe.y], act, 'sigmoid');
    const tex = neuronDetailTex(snapshot.weights, layers, [probe.x, probe.y], selected.current, act);
    katex.render(tex, el, { throwOnError: false });
  }, []);

  const draw = useCallback(() => {
    const { snapshot, act, probe, dataset: data } = live.current;
    if (!snapshot) return;
    const weights = snapshot.weights;
    const layers: LayerValues[] = mlpForward(weights, [probe.x, probe.y], act, 'sigmoid');
    const n = layers.length;
    const output = snapshot.probes[`layer${n}`];
    const states: NetworkLayerState[] = [
      { values: [probe.x, probe.y], domain: DOMAIN, grid: GRID },
      ...layers.map((layer, l): NetworkLayerState => {
        const grid = snapshot.probes[`layer${l + 1}`];
        const last = l === n - 1;
        const span = act === 'relu' && !last ? reluSpan(grid) : 1;
        return { values: layer.a, grid, domain: last ? [0, 1] : act === 'relu' ? [-span, span] : [-1, 1] };
      }),
    ];
    graph.current?.update({ layers: states, weights: weights.filter((_, i) => i % 2 === 0), probe });
    plane.current?.update({
      field: output ? fieldFromGrid(output, RES, DOMAIN) : () => 0.5,
      line: null,
      points: data.xs,
      labels: data.ys,
      probe,
    });

    // The arithmetic of the neuron the reader is looking at, typeset at most once per frame.
    if (!detailFrame.current) detailFrame.current = requestAnimationFrame(renderDetail);
    const r = readout.current;
    if (r) {
      r.querySelector('[data-out]')!.textContent = layers[n - 1]!.a[0]!.toFixed(2);
      r.querySelector('[data-acc]')!.textContent = `${Math.round(accuracy(weights, act, data) * 100)}%`;
    }
  }, [renderDetail]);

  const trainerRef = useRef<ReturnType<typeof createTrainer> | null>(null);
  const onSnapshot = useCallback(
    (snapshot: Snapshot) => {
      live.current.snapshot = snapshot;
      draw();
      const r = readout.current;
      if (r) {
        r.querySelector('[data-step]')!.textContent = String(snapshot.step);
        r.querySelector('[data-epoch]')!.textContent = String(snapshot.epoch);
        r.querySelector('[data-loss]')!.textContent = Number.isFinite(snapshot.loss) ? snapshot.loss.toFixed(4) : '—';
      }
      const series = trainerRef.current?.losses.toArrays();
      if (series) chart.current?.update(lossData(series));
    },
    [draw],
  );

  const { trainer, status, message } = useLiveTrainer({
    visible: frame.visible,
    pinned: frame.pinned,
    onSnapshot,
    workload: CALIBRATION,
    create: () =>
      createTrainer({
        build: (rng) => createMlp({ sizes: sizesOf(live.current.arch), activation: live.current.act, output: 'sigmoid', loss: 'bce' }, rng),
        data: live.current.dataset,
        hyper: { learningRate: v.lr, batchSize: BATCH, optimizer: 'adam' },
        probes: (m) => mlpLayerProbes(m, GRID, live.current.act, 'sigmoid'),
        seed: v.seed,
        backend: getBackendManager(),
      }),
  });
  useEffect(() => {
    trainerRef.current = trainer;
  }, [trainer]);
  const [speed, setSpeed] = useState(1);
  useEffect(() => {
    trainer?.setSpeed(speed);
  }, [trainer, speed]);

  // Charts are created once; React never renders inside the elements they own.
  useEffect(() => {
    plane.current = createDecisionPlane(planeEl.current!, { resolution: RES, domain: DOMAIN, onProbeMove: (x, y) => setSettings({ x1: x, x2: y }) });
    graph.current = createNetworkGraph(graphEl.current!, {
      resolution: RES,
      domain: DOMAIN,
      unitName: (l, u) => neuronSymbol(l, u),
      selected: selected.current,
      onSelect: (layer, unit) => {
        selected.current = { layer, unit };
        draw();
      },
    });
    chart.current = createLineChart(lossEl.current!, lossChartOptions());
    chart.current.clear();
    draw();
    return () => {
      plane.current?.destroy();
      graph.current?.destroy();
      chart.current?.destroy();
      cancelAnimationFrame(detailFrame.current);
      detailFrame.current = 0;
    };
  }, [draw, setSettings]);

  useEffect(() => {
    live.current.probe = { x: v.x1, y: v.x2 };
    draw();
  }, [v.x1, v.x2, draw]);

  useEffect(() => {
    trainer?.setHyper({ learningRate: v.lr });
  }, [v.lr, trainer]);

  // A new shape, activation or data set is a new network: rebuild it from the seed and start its curve afresh.
  const built = useRef({ arch: v.arch, act: v.act, dataset });
  useEffect(() => {
    const b = built.current;
    if (b.arch === v.arch && b.act === v.act && b.dataset === dataset) return;
    const dataChanged = b.dataset !== dataset;
    built.current = { arch: v.arch, act: v.act, dataset };
    Object.assign(live.current, { arch: v.arch, act: v.act, dataset });
    if (!trainer) return;
    if (dataChanged) void trainer.setData(dataset);
    void trainer.reset(v.seed).then(() => chart.current?.clear());
  }, [v.arch, v.act, v.seed, dataset, trainer]);

  function play() {
    if (!trainer) return;
    if (trainer.status === 'playing') trainer.pause();
    else trainer.play();
  }

  async function reset() {
    if (!trainer) return;
    await trainer.reset(v.seed);
    chart.current?.clear();
  }

  function resetDefaults() {
    trainer?.pause();
    settings.resetToDefaults();
    // The effects above rebuild the network if its shape or data changed; otherwise start it afresh here.
    const d = settings.defaults;
    if (d.arch === live.current.arch && d.act === live.current.act && d.data === v.data && d.seed === v.seed) void reset();
  }

  return (
    <div className="layers-figure" data-testid="layers-figure" data-status={status}>
      <div className="layers-grid">
        <div className="layers-plane">
          <div ref={planeEl} data-testid="plane" />
          <p className="legend">
            <span className="key key-a" aria-hidden="true" /> class 0 (orange circles){' '}
            <span className="key key-b" aria-hidden="true" /> class 1 (blue squares). Shading: the network’s output.
            Drag or tap to move the input point ✛.
          </p>
          <fieldset className="controls">
            <legend>The input point</legend>
            <Slider label={<>x<sub>1</sub></>} value={v.x1} min={-1.2} max={1.2} step={0.01} onChange={(x) => setSettings({ x1: x })} testId="x1" />
            <Slider label={<>x<sub>2</sub></>} value={v.x2} min={-1.2} max={1.2} step={0.01} onChange={(x) => setSettings({ x2: x })} testId="x2" />
          </fieldset>
        </div>
        <div className="layers-net">
          <div ref={graphEl} data-testid="network" />
          <p ref={detailEl} className="layers-detail" data-testid="neuron-detail" />
          <p className="legend">
            Each square is a neuron’s map: its output at every spot of the plane (orange low, blue high, pale near
            the middle); ✛ marks your input. Lines carry weight × activation: <span className="edge-key is-positive" aria-hidden="true" />{' '}
            blue solid adds, <span className="edge-key is-negative" aria-hidden="true" /> orange dashed subtracts, thicker
            counts more. Hover, focus or tap a neuron to enlarge it and see its sum.
          </p>
        </div>
      </div>
      <TrainerControls
        status={status}
        ready={trainer != null}
        onPlay={play}
        onStep={(unit) => void trainer?.step(unit)}
        onReset={() => void reset()}
        speed={speed}
        onSpeed={setSpeed}
        message={message}
      >
        <label className="select">
          hidden layers
          <select value={v.arch} onChange={(e) => setSettings({ arch: e.target.value as NetworkSettings['arch'] })} data-testid="arch">
            <option value="4-4">two: 4 and 4 neurons</option>
            <option value="6-4">two: 6 and 4 neurons</option>
            <option value="3">one: 3 neurons</option>
          </select>
        </label>
        <label className="select">
          activation
          <select value={v.act} onChange={(e) => setSettings({ act: e.target.value as NetworkSettings['act'] })} data-testid="act">
            <option value="tanh">tanh</option>
            <option value="relu">ReLU</option>
          </select>
        </label>
        <label className="select">
          data
          <select value={v.data} onChange={(e) => setSettings({ data: e.target.value as NetworkSettings['data'] })} data-testid="data">
            <option value="circle">circle</option>
            <option value="xor">four corners (XOR)</option>
          </select>
        </label>
        <Slider label="learning rate" value={v.lr} min={0.001} max={1} step={0.001} log format={(x) => String(x)} onChange={(x) => setSettings({ lr: x })} testId="lr" />
        <button type="button" className="secondary" onClick={() => setSettings({ seed: (v.seed % 99999) + 1 })}>
          New start (seed {v.seed})
        </button>
      </TrainerControls>
      <div className="layers-bottom">
        <div ref={lossEl} className="loss" data-testid="loss-chart" />
        <dl ref={readout} className="readout" data-testid="readout">
          <dt>output at ✛</dt>
          <dd data-out data-testid="output">—</dd>
          <dt>step</dt>
          <dd data-step>0</dd>
          <dt>epoch</dt>
          <dd data-epoch>0</dd>
          <dt>loss</dt>
          <dd data-loss data-testid="loss">—</dd>
          <dt>accuracy</dt>
          <dd data-acc data-testid="accuracy">—</dd>
        </dl>
      </div>
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={resetDefaults} />
    </div>
  );
}
