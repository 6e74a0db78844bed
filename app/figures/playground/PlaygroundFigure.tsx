/**
 * "Training a network": the full lab. Data set, noise, train/test split, batch size, learning rate, activation,
 * optimiser, hidden layers and neurons, input features; the network drawn with a map per neuron and edges by
 * weight; the output over the plane; training and test loss per epoch; the batches of the current epoch.
 *
 * Speed: the Trainer fills each frame with steps (speed Infinity by default), then makes ONE read per tick that
 * carries the weights, every layer's values over a low-resolution grid (all the maps at once) and the
 * predictions on the training and test sets (losses and accuracies are computed from them here).
 */
import * as tf from '@tensorflow/tfjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  createMlp,
  createTrainer,
  createTrainingWorkload,
  featureMatrix,
  getBackendManager,
  gridPoints,
  makePoints2D,
  mlpLayerOutputs,
  splitDataset,
  withFeatures,
  type Dataset,
  type FeatureName,
  type Snapshot,
} from '../../engine';
import { useFigureSettings } from '../../state/figures';
import { useLiveTrainer } from '../useLiveTrainer';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { createDecisionPlane, fieldFromGrid, type DecisionPlane } from '../../viz/createDecisionPlane';
import { createNetworkGraph, type NetworkGraph, type NetworkLayerState } from '../../viz/createNetworkGraph';
import { createLineChart, trainTestChartOptions, trainTestData, type LineChart } from '../../viz/createLineChart';
import '../layers/layers.css';
import { ArchitectureControls, DataControls, FeatureControls } from './PlaygroundControls';
import { FEATURE_LABELS, featuresOf, hiddenOf, score } from './lab';
import './playground.css';
import { playgroundSchema, type PlaygroundSettings } from './schema';

const POINTS = 500;
const DOMAIN: [number, number] = [-1.2, 1.2];
/** One grid for every map: 30 × 30 cells is plenty for a map drawn 64 px wide, and cheap to probe. */
const RES = 30;
const GRID = gridPoints(RES, ...DOMAIN);
/** At most this often (ms) are the maps redrawn while training runs. */
const MAP_MS = 100;

/** What the backend choice is timed on: the lab's heaviest common case (spiral, 8-8 tanh, all features). */
const CALIBRATION = createTrainingWorkload('lab-7-8-8-1-tanh-b10', {
  build: (rng) => createMlp({ sizes: [7, 8, 8, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' }, rng),
  data: withFeatures(makePoints2D('spiral', { n: 250, noise: 0, seed: 1 }), ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sin1', 'sin2']),
  hyper: { learningRate: 0.03, batchSize: 10, optimizer: 'adam' },
});

interface Lab {
  features: FeatureName[];
  hidden: number[];
  act: PlaygroundSettings['act'];
  raw: { train: Dataset; test: Dataset };
  train: Dataset;
  test: Dataset;
  gridX: Float32Array;
}

function makeLab(v: PlaygroundSettings): Lab {
  const features = featuresOf(v);
  const raw = splitDataset(makePoints2D(v.data, { n: POINTS, noise: v.noise, seed: v.seed }), v.split / 100, v.seed);
  return {
    features,
    hidden: hiddenOf(v),
    act: v.act,
    raw,
    train: withFeatures(raw.train, features),
    test: withFeatures(raw.test, features),
    gridX: featureMatrix(GRID, features),
  };
}

/** Each feature's map over the grid, rescaled to −1 … 1 for colour (x₁² would otherwise be all one hue). */
function inputMaps(gridX: Float32Array, k: number): Float32Array {
  const out = new Float32Array(gridX.length);
  for (let f = 0; f < k; f++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let p = f; p < gridX.length; p += k) [lo, hi] = [Math.min(lo, gridX[p]!), Math.max(hi, gridX[p]!)];
    for (let p = f; p < gridX.length; p += k) out[p] = hi > lo ? (2 * (gridX[p]! - lo)) / (hi - lo) - 1 : 0;
  }
  return out;
}

function span(grid: Float32Array | undefined): number {
  let m = 1e-3;
  if (grid) for (let i = 0; i < grid.length; i++) if (Number.isFinite(grid[i]!)) m = Math.max(m, Math.abs(grid[i]!));
  return m;
}

const fmtPct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '—');
const fmtLoss = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

export default function PlaygroundFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, playgroundSchema);
  const { values: v, set } = settings;
  const featureKey = featuresOf(v).join();
  const hiddenKey = hiddenOf(v).join();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the keys stand for the arrays derived from v
  const lab = useMemo(() => makeLab(v), [v.data, v.noise, v.split, v.seed, v.act, featureKey, hiddenKey]);

  const live = useRef({ lab, built: lab, show: v.show, snapshot: null as Snapshot | null, history: { epochs: [] as number[], train: [] as number[], test: [] as number[] } });
  const planeEl = useRef<HTMLDivElement>(null);
  const graphEl = useRef<HTMLDivElement>(null);
  const lossEl = useRef<HTMLDivElement>(null);
  const stripEl = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDListElement>(null);
  const plane = useRef<DecisionPlane | null>(null);
  const graph = useRef<NetworkGraph | null>(null);
  const chart = useRef<LineChart | null>(null);

  const draw = useCallback(() => {
    const { snapshot, built: l, show } = live.current;
    const pts = show === 'test' ? l.raw.test : l.raw.train;
    if (!snapshot) return;
    const n = l.hidden.length + 1;
    const output = snapshot.probes[`layer${n}`];
    const ones = (k: number) => new Float32Array(k).fill(1);
    const states: NetworkLayerState[] = [
      { values: ones(l.features.length), domain: [-1, 1], grid: inputMaps(l.gridX, l.features.length) },
      ...l.hidden.map((units, i): NetworkLayerState => {
        const grid = snapshot.probes[`layer${i + 1}`];
        const s = l.act === 'relu' || l.act === 'linear' ? span(grid) : 1;
        return { values: ones(units), grid, domain: l.act === 'sigmoid' ? [0, 1] : l.act === 'relu' ? [0, s] : [-s, s] };
      }),
      { values: ones(1), grid: output, domain: [0, 1] },
    ];
    // Edges by weight alone: every neuron passes 1, so an edge carries exactly its weight.
    graph.current?.update({ layers: states, weights: snapshot.weights.filter((_, i) => i % 2 === 0) });
    // Name each input under its map (the graph prints values there; the lab's edges show weights instead).
    l.features.forEach((f, u) => graph.current?.node(0, u)?.querySelector('.netgraph-value')?.setAttribute('data-feature', FEATURE_LABELS[f]));
    chart.current?.update(trainTestData(live.current.history));
    plane.current?.update({ field: output ? fieldFromGrid(output, RES, DOMAIN) : () => 0.5, line: null, points: pts.xs, labels: pts.ys });
  }, []);

  // The maps are the costly part of a frame (dozens of canvases): redraw them at most every MAP_MS while
  // training runs, so most frames go to training; a trailing redraw always shows the latest weights.
  const mapTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mapAt = useRef(0);
  const drawSoon = useCallback(() => {
    if (mapTimer.current !== undefined) return;
    const wait = MAP_MS - (performance.now() - mapAt.current);
    const run = () => {
      mapTimer.current = undefined;
      mapAt.current = performance.now();
      draw();
    };
    if (wait <= 0) run();
    else mapTimer.current = setTimeout(run, wait);
  }, [draw]);
  useEffect(() => () => clearTimeout(mapTimer.current), []);

  const onSnapshot = useCallback(
    (snapshot: Snapshot) => {
      const cur = live.current;
      cur.snapshot = snapshot;
      drawSoon();
      // Scores against the sets this model was built for (a rebuild may be on its way).
      const tr = score(snapshot.probes.trainPred, cur.built.train.ys);
      const te = score(snapshot.probes.testPred, cur.built.test.ys);
      const at = snapshot.epoch + snapshot.batchInEpoch / Math.max(1, snapshot.batchesPerEpoch);
      const h = cur.history;
      if (snapshot.step === 0) [h.epochs, h.train, h.test] = [[], [], []];
      if (h.epochs.length === 0 || at > h.epochs[h.epochs.length - 1]!) {
        h.epochs.push(at);
        h.train.push(tr.loss);
        h.test.push(te.loss);
        if (h.epochs.length > 3000) for (const k of ['epochs', 'train', 'test'] as const) h[k] = h[k].filter((_, i) => i % 2 === 0);
      }
      const r = readout.current;
      if (r) {
        r.querySelector('[data-epoch]')!.textContent = String(snapshot.epoch);
        r.querySelector('[data-iter]')!.textContent = String(snapshot.step);
        r.querySelector('[data-train]')!.textContent = fmtLoss(tr.loss);
        r.querySelector('[data-test]')!.textContent = fmtLoss(te.loss);
        r.querySelector('[data-acc]')!.textContent = `${fmtPct(tr.accuracy)} / ${fmtPct(te.accuracy)}`;
      }
      const strip = stripEl.current;
      if (strip) {
        const total = snapshot.batchesPerEpoch;
        if (strip.childElementCount !== total) strip.replaceChildren(...Array.from({ length: total }, () => document.createElement('span')));
        for (let i = 0; i < total; i++) strip.children[i]!.className = i < snapshot.batchInEpoch ? 'is-done' : '';
        strip.setAttribute('aria-label', `Batch ${snapshot.batchInEpoch} of ${total} done in epoch ${snapshot.epoch + 1}`);
        strip.nextElementSibling!.textContent = `epoch ${snapshot.epoch + 1} in progress: ${snapshot.batchInEpoch} of ${total} batches done`;
      }
    },
    [drawSoon],
  );

  const { trainer, status, message } = useLiveTrainer({
    visible: frame.visible,
    pinned: frame.pinned,
    onSnapshot,
    workload: CALIBRATION,
    create: () =>
      createTrainer({
        build: (rng) => {
          const l = live.current.lab;
          live.current.built = l;
          return createMlp({ sizes: [l.features.length, ...l.hidden, 1], activation: l.act, output: 'sigmoid', loss: 'bce' }, rng);
        },
        data: live.current.lab.train,
        hyper: { learningRate: v.lr, batchSize: v.batch, optimizer: v.opt },
        // One read per tick: every layer over the grid, and the predictions on both sets.
        probes: (m) => {
          const l = live.current.built;
          const k = l.features.length;
          const layers = mlpLayerOutputs(m.variables, tf.tensor2d(l.gridX, [l.gridX.length / k, k]), l.act, 'sigmoid');
          return {
            ...Object.fromEntries(layers.map((t, i) => [`layer${i + 1}`, t])),
            trainPred: m.predict(tf.tensor2d(l.train.xs, [l.train.n, k])),
            testPred: m.predict(tf.tensor2d(l.test.xs, [l.test.n, k])),
          };
        },
        seed: v.seed,
        backend: getBackendManager(),
      }),
  });
  const [speed, setSpeed] = useState(Infinity);
  useEffect(() => {
    trainer?.setSpeed(speed);
  }, [trainer, speed]);

  useEffect(() => {
    plane.current = createDecisionPlane(planeEl.current!, { resolution: RES, domain: DOMAIN, label: 'The network’s output over the plane, with the data points' });
    graph.current = createNetworkGraph(graphEl.current!, {
      resolution: RES,
      domain: DOMAIN,
      format: () => '',
      unitName: (l, u) => (l === 0 ? FEATURE_LABELS[live.current.lab.features[u]!] : `neuron ${u + 1}`),
    });
    chart.current = createLineChart(lossEl.current!, trainTestChartOptions());
    chart.current.update(trainTestData(live.current.history));
    draw();
    return () => {
      plane.current?.destroy();
      graph.current?.destroy();
      chart.current?.destroy();
    };
  }, [draw]);

  useEffect(() => {
    live.current.show = v.show;
    draw();
  }, [v.show, draw]);

  useEffect(() => {
    trainer?.setHyper({ learningRate: v.lr, batchSize: v.batch, optimizer: v.opt });
  }, [v.lr, v.batch, v.opt, trainer]);

  // A new data set, split, shape, activation or feature set is a new network: rebuild it from the seed.
  useEffect(() => {
    if (live.current.lab === lab) return;
    live.current.lab = lab;
    if (!trainer) return;
    // Pause first so that no step runs between the two calls below; then carry on as before.
    const wasPlaying = trainer.status === 'playing';
    trainer.pause();
    // Rebuild first (the new network, built from live.current.lab), then hand it the matching data: setData
    // measures the loss of the current network on the new data, so the shapes must already agree.
    void trainer
      .reset(v.seed)
      .then(() => trainer.setData(lab.train))
      .then(() => {
        if (wasPlaying) trainer.play();
      });
  }, [lab, trainer, v.seed]);

  function play() {
    if (!trainer) return;
    if (trainer.status === 'playing') trainer.pause();
    else trainer.play();
  }

  return (
    <div className="playground" data-testid="playground" data-status={status}>
      <TrainerControls
        status={status}
        ready={trainer != null}
        onPlay={play}
        onStep={(unit) => void trainer?.step(unit)}
        onReset={() => void trainer?.reset(v.seed)}
        speed={speed}
        onSpeed={setSpeed}
        message={message}
      >
        <DataControls v={v} set={set} />
      </TrainerControls>
      <div className="pg-progress">
        <div ref={stripEl} className="pg-strip" role="img" aria-label="Batches of the current epoch" data-testid="batch-strip" />
        <p className="pg-strip-text muted" data-testid="batch-text">
          epoch 1 in progress: 0 batches done
        </p>
      </div>
      <div className="pg-grid">
        <div className="pg-net">
          <FeatureControls v={v} set={set} />
          <ArchitectureControls v={v} set={set} />
          <div ref={graphEl} data-testid="network" />
          <p className="legend">
            Each square is a neuron’s map over the plane (orange low, blue high); the first column holds the ticked
            features. Lines are weights:{' '}
            <span className="edge-key is-positive" aria-hidden="true" /> blue solid positive,{' '}
            <span className="edge-key is-negative" aria-hidden="true" /> orange dashed negative, thicker is bigger.
          </p>
        </div>
        <div className="pg-out">
          <div ref={planeEl} data-testid="plane" />
          <p className="legend">
            <span className="key key-a" aria-hidden="true" /> class 0 (circles){' '}
            <span className="key key-b" aria-hidden="true" /> class 1 (squares). Shading: the output.
          </p>
          <label className="select">
            points shown
            <select value={v.show} onChange={(e) => set({ show: e.target.value as PlaygroundSettings['show'] })} data-testid="show">
              <option value="train">training data</option>
              <option value="test">test data</option>
            </select>
          </label>
          <dl ref={readout} className="readout pg-readout" data-testid="readout">
            <dt>epochs done</dt>
            <dd data-epoch data-testid="epoch">0</dd>
            <dt>iterations</dt>
            <dd data-iter>0</dd>
            <dt>training loss</dt>
            <dd data-train data-testid="loss">—</dd>
            <dt>test loss</dt>
            <dd data-test data-testid="test-loss">—</dd>
            <dt>accuracy (train / test)</dt>
            <dd data-acc data-testid="accuracy">—</dd>
          </dl>
        </div>
      </div>
      <div ref={lossEl} className="pg-loss" data-testid="loss-chart" />
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} />
    </div>
  );
}
