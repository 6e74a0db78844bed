/**
 * "Training a network": the full lab. Data set (classification with two or three classes, or regression),
 * noise, train/test split, batch size, learning rate, activation (lab-wide or per layer), optimiser, L1/L2,
 * hidden layers and neurons, input features; the network drawn with a map per neuron and edges by weight; the
 * output over the plane; training and test loss per epoch; the batches of the current epoch.
 *
 * Speed: the arithmetic runs in the fused kernel (engine/fast), not in TF.js ops: for a net this small every
 * TF.js op costs more in dispatch than in work (ARCHITECTURE.md, "The lab's fused kernel"). Each frame trains
 * for up to 8 ms, then evaluates every neuron over the grid (all maps at once) and the predictions on both
 * sets; the maps are redrawn at most MAP_HZ times a second, the readouts every frame.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  confusionMatrix,
  FEATURES,
  createFastMlp,
  createRng,
  createFastTrainer,
  featureMatrix,
  gridPoints,
  makePoints2D,
  splitDataset,
  tfCode,
  withFeatures,
  type Dataset,
  type FastMlp,
  type FastMlpSpec,
  type FastTrainer,
  type FeatureName,
  type Points2DKindInfo,
  type Snapshot,
} from '../../engine';
import { useFigureSettings } from '../../state/figures';
import { useLiveTrainer } from '../useLiveTrainer';
import { FigureToolbar } from '../../ui/controls/FigureToolbar';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import { useFigureFrame } from '../../ui/lesson/LessonContext';
import { classFieldFromGrid, createDecisionPlane, fieldFromGrid, type DecisionPlane } from '../../viz/createDecisionPlane';
import { createNetworkGraph, edgeLegend, type NetworkGraph, type NetworkLayerState } from '../../viz/createNetworkGraph';
import { createLineChart, trainTestChartOptions, trainTestData, type LineChart } from '../../viz/createLineChart';
import { WeightEditor, type EditTarget } from './WeightEditor';
import '../layers/layers.css';
import {
  ArchitectureControls,
  DataControls,
  FeatureControls,
  HyperControls,
  RegularizationControls,
} from './PlaygroundControls';
import { ClassroomLink } from './ClassroomLink';
import { LabFiles, type LabModelMeta } from './LabFiles';
import {
  concat,
  DATA_INFO,
  emptyHistory,
  FEATURE_LABELS,
  featuresOf,
  inputMaps,
  penaltyOf,
  planeLabels,
  recordHistory,
  score,
  snapAt,
  span,
  specOf,
  truncateHistory,
  withoutPoint,
  withPoint,
  type HistorySnap,
} from './lab';
import './playground.css';
import { ACT_KEYS, DATASETS, LAYER_KEYS, MAX_LAYERS, MAX_NEURONS, playgroundSchema, type ControlGroup, type PlaygroundSettings } from './schema';
import { createConfusionMatrix, type ConfusionMatrixChart } from '../../viz/createConfusionMatrix';

const POINTS = 500;
const DOMAIN: [number, number] = [-1.2, 1.2];
/** One grid for every map: 30 × 30 cells is plenty for a map drawn 64 px wide, and cheap to evaluate. */
const RES = 30;
const GRID = gridPoints(RES, ...DOMAIN);
const GRID_N = GRID.length / 2;
/** How often (per second, at most) the maps, the chart and the numbers are redrawn while training runs. */
const MAP_HZ = 20;

/** Where the lab's points come from: the chosen generator, or points the reader uploaded or clicked in. */
export interface LabSource {
  /** Every point, before the train/test split. */
  raw: Dataset;
  info: Points2DKindInfo;
  /** Set for the reader's own points: what to call them. Such points are not in the share link. */
  custom?: string;
  /** A split made by hand (points added or removed one by one go straight into the set shown). */
  split?: { train: Dataset; test: Dataset };
}


interface Lab {
  source: LabSource;
  features: FeatureName[];
  spec: FastMlpSpec;
  raw: { train: Dataset; test: Dataset };
  train: Dataset;
  test: Dataset;
  gridX: Float32Array;
}

function generated(v: PlaygroundSettings): LabSource {
  return { raw: makePoints2D(v.data, { n: POINTS, noise: v.noise, seed: v.seed }), info: DATA_INFO[v.data] };
}

function makeLab(v: PlaygroundSettings, source: LabSource): Lab {
  const features = featuresOf(v);
  const raw = source.split ?? splitDataset(source.raw, v.split / 100, v.seed);
  return {
    source,
    features,
    spec: specOf(v, features.length, source.info),
    raw,
    train: withFeatures(raw.train, features),
    test: withFeatures(raw.test, features),
    gridX: featureMatrix(GRID, features),
  };
}


const HISTORY_HINT = 'Point at the loss curve (or focus it and use the arrow keys) to see the network at that moment.';

const fmtPct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '—');
const fmtLoss = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

export default function PlaygroundFigure() {
  const frame = useFigureFrame();
  const settings = useFigureSettings(frame.lesson, frame.id, playgroundSchema);
  const { values: v, set } = settings;
  const [custom, setCustom] = useState<LabSource | null>(null);
  const source = useMemo(() => custom ?? generated(v), [custom, v.data, v.noise, v.seed]); // eslint-disable-line react-hooks/exhaustive-deps -- the generator reads only these
  const specKey = JSON.stringify(specOf(v, featuresOf(v).length, source.info));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- specKey stands for the shape derived from v
  const lab = useMemo(() => makeLab(v, source), [source, v.split, v.seed, specKey, featuresOf(v).join()]);
  /** Settings from the controls: choosing a data set, noise or seed goes back from the reader's points to generated ones. */
  const setFromControls = useCallback(
    (partial: Partial<PlaygroundSettings>) => {
      if ('data' in partial || 'noise' in partial || 'seed' in partial) setCustom(null);
      set(partial);
    },
    [set],
  );
  const hidden = useMemo(() => new Set(v.hide.split(',').filter(Boolean) as ControlGroup[]), [v.hide]);
  const [showHidden, setShowHidden] = useState(false);
  const shows = (g: ControlGroup) => showHidden || !hidden.has(g);

  const live = useRef({
    lab,
    built: lab,
    show: v.show,
    discretize: v.discretize === '1',
    view: v.view,
    snapshot: null as Snapshot | null,
    /** The network being trained, read when drawing. */
    net: null as FastMlp | null,
    history: emptyHistory(),
    /** A moment of training the reader is pointing at on the loss chart: the views show the network as it was. */
    preview: null as HistorySnap | null,
    rate: { at: 0, epoch: 0, value: NaN },
    scores: { tr: { loss: NaN, accuracy: NaN }, te: { loss: NaN, accuracy: NaN } },
  });
  const trainerRef = useRef<FastTrainer | null>(null);
  const planeEl = useRef<HTMLDivElement>(null);
  const graphEl = useRef<HTMLDivElement>(null);
  const lossEl = useRef<HTMLDivElement>(null);
  const matrixEl = useRef<HTMLDivElement>(null);
  const matrix = useRef<ConfusionMatrixChart | null>(null);
  const stripEl = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDListElement>(null);
  const plane = useRef<DecisionPlane | null>(null);
  const graph = useRef<NetworkGraph | null>(null);
  const chart = useRef<LineChart | null>(null);

  const draw = useCallback(() => {
    const { snapshot: current, built: l, show, discretize, net: liveNet, preview } = live.current;
    const pts = show === 'test' ? l.raw.test : l.raw.train;
    if (!current || !liveNet) return;
    // Pointing at a past moment on the loss chart: draw the network as it was then.
    let net = liveNet;
    let snapshot = current;
    if (preview) {
      net = createFastMlp(l.spec, createRng(1));
      net.setWeights(preview.weights);
      snapshot = { ...current, weights: preview.weights };
    }
    const n = l.spec.sizes.length - 1;
    // Every layer over the grid at once, from the network as it is now (plain JavaScript, no device).
    const maps = net.layerOutputs(l.gridX, GRID_N);
    const output = maps[n - 1];
    const ones = (k: number) => new Float32Array(k).fill(1);
    const states: NetworkLayerState[] = [
      { values: ones(l.features.length), domain: [-1, 1], grid: inputMaps(l.gridX, l.features.length) },
      ...l.spec.activations.map((act, i): NetworkLayerState => {
        const grid = maps[i];
        const s = act === 'relu' || act === 'linear' ? span(grid) : 1;
        return { values: ones(l.spec.sizes[i + 1]!), grid, domain: act === 'sigmoid' ? [0, 1] : act === 'relu' ? [0, s] : [-s, s] };
      }),
      { values: ones(l.spec.sizes[n]!), grid: output, domain: l.spec.head === 'linear' ? [-1, 1] : [0, 1] },
    ];
    // Counted for the bench (maps refreshed per second while playing).
    const el = graphEl.current;
    if (el) el.dataset.draws = String(Number(el.dataset.draws ?? 0) + 1);
    // Edges by weight alone: every neuron passes 1, so an edge carries exactly its weight.
    const gradients = live.current.view === 'gradients' && !preview ? trainerRef.current?.gradients() : undefined;
    graph.current?.update({
      layers: states,
      weights: snapshot.weights.filter((_, i) => i % 2 === 0),
      biases: snapshot.weights.filter((_, i) => i % 2 === 1),
      edgeMode: gradients ? 'gradient' : 'value',
      edgeGradients: gradients?.filter((_, i) => i % 2 === 0),
    });
    // Name each input under its map (the graph prints values there; the lab's edges show weights instead).
    l.features.forEach((f, u) => graph.current?.node(0, u)?.querySelector('.netgraph-value')?.setAttribute('data-feature', FEATURE_LABELS[f]));
    const head = l.spec.head;
    const outputs = l.spec.sizes[n]!;
    if (head === 'softmax' && output) {
      plane.current?.update({ classField: classFieldFromGrid(output, outputs, RES, DOMAIN), discretize, line: null, points: pts.xs, labels: planeLabels(pts) });
    } else {
      const field = output ? fieldFromGrid(output, RES, DOMAIN) : () => (head === 'linear' ? 0 : 0.5);
      plane.current?.update({ field, discretize, line: null, points: pts.xs, labels: planeLabels(pts) });
    }
  }, []);


  /** Readouts, the batch strip and the loss chart, from the latest snapshot (called with the maps). */
  const paintReadouts = useCallback(() => {
    const cur = live.current;
    const snapshot = cur.snapshot;
    if (!snapshot) return;
    const l = cur.built;
    const h = cur.history;
    const { tr, te } = cur.scores;
    const info = l.source.info;
    if (matrix.current && info.problem === 'classification') {
      const data = cur.show === 'test' ? l.test : l.train;
      const pred = cur.show === 'test' ? snapshot.probes.testPred : snapshot.probes.trainPred;
      if (pred && pred.length === data.ys.length) matrix.current.update(confusionMatrix(pred, data.ys, info.classes, data.n));
    }
    chart.current?.update(trainTestData(h));
    // Epochs per second, over the last second or so of training.
    const now = performance.now();
    const rate = cur.rate;
    if (snapshot.step === 0 || snapshot.epoch < rate.epoch) Object.assign(rate, { at: now, epoch: snapshot.epoch, value: NaN });
    else if (now - rate.at > 1000) Object.assign(rate, { value: ((snapshot.epoch - rate.epoch) * 1000) / (now - rate.at), at: now, epoch: snapshot.epoch });
    const r = readout.current;
    if (r) {
      r.querySelector('[data-epoch]')!.textContent = String(snapshot.epoch);
      r.querySelector('[data-iter]')!.textContent = String(snapshot.step);
      r.querySelector('[data-train]')!.textContent = fmtLoss(tr.loss);
      r.querySelector('[data-test]')!.textContent = fmtLoss(te.loss);
      r.querySelector('[data-acc]')!.textContent = l.spec.head === 'linear' ? 'n/a (regression)' : `${fmtPct(tr.accuracy)} / ${fmtPct(te.accuracy)}`;
      r.querySelector('[data-rate]')!.textContent = Number.isFinite(rate.value) ? `${Math.round(rate.value)}` : '—';
    }
    const strip = stripEl.current;
    if (strip) {
      const total = snapshot.batchesPerEpoch;
      if (strip.childElementCount !== total) strip.replaceChildren(...Array.from({ length: total }, () => document.createElement('span')));
      for (let i = 0; i < total; i++) strip.children[i]!.className = i < snapshot.batchInEpoch ? 'is-done' : '';
      strip.setAttribute('aria-label', `Batch ${snapshot.batchInEpoch} of ${total} done in epoch ${snapshot.epoch + 1}`);
      strip.nextElementSibling!.textContent = `epoch ${snapshot.epoch + 1} in progress: ${snapshot.batchInEpoch} of ${total} batches done`;
    }
  }, []);

  // Drawing costs more than training here (dozens of canvases, text, the chart): everything on screen is
  // redrawn at most MAP_HZ times a second, so that most of each frame goes to training and frames stay on time.
  const mapTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mapAt = useRef(0);
  const drawSoon = useCallback(() => {
    if (mapTimer.current !== undefined) return;
    const wait = 1000 / MAP_HZ - (performance.now() - mapAt.current);
    const run = () => {
      mapTimer.current = undefined;
      mapAt.current = performance.now();
      draw();
      paintReadouts();
    };
    if (wait <= 0) run();
    else mapTimer.current = setTimeout(run, wait);
  }, [draw, paintReadouts]);
  useEffect(() => () => clearTimeout(mapTimer.current), []);

  const onSnapshot = useCallback(
    (snapshot: Snapshot) => {
      const cur = live.current;
      cur.snapshot = snapshot;
      cur.net = (trainerRef.current as FastTrainer | null)?.net ?? null;
      const l = cur.built;
      const outputs = l.spec.sizes[l.spec.sizes.length - 1]!;
      const tr = score(snapshot.probes.trainPred, l.train.ys, l.spec.head, outputs);
      const te = score(snapshot.probes.testPred, l.test.ys, l.spec.head, outputs);
      const at = snapshot.epoch + snapshot.batchInEpoch / Math.max(1, snapshot.batchesPerEpoch);
      if (snapshot.step === 0) cur.history = emptyHistory();
      recordHistory(cur.history, at, tr.loss, te.loss, () => ({ weights: snapshot.weights, step: snapshot.step, epoch: snapshot.epoch }));
      cur.scores = { tr, te };
      drawSoon();
    },
    [drawSoon],
  );

  const { trainer: baseTrainer, status, message } = useLiveTrainer({
    visible: frame.visible,
    pinned: frame.pinned,
    onSnapshot,
    workload: null,
    create: () =>
      createFastTrainer({
        build: (rng) => {
          const l = live.current.lab;
          live.current.built = l;
          return createFastMlp(l.spec, rng);
        },
        data: live.current.lab.train,
        hyper: { learningRate: v.lr, batchSize: v.batch, optimizer: v.opt },
        penalty: penaltyOf(v),
        // Every tick: the predictions on both sets, for the losses. The maps are computed when drawn.
        probes: (net) => {
          const l = live.current.built;
          return {
            trainPred: net.predict(l.train.xs, l.train.n),
            testPred: net.predict(l.test.xs, l.test.n),
          };
        },
        seed: v.seed,
      }),
  });
  const trainer = baseTrainer as FastTrainer | null;
  useEffect(() => {
    trainerRef.current = trainer;
    if (trainer) {
      live.current.net = trainer.net;
      draw();
    }
  }, [trainer, draw]);
  const [speed, setSpeed] = useState(Infinity);
  useEffect(() => {
    trainer?.setSpeed(speed);
  }, [trainer, speed]);

  // The plane is made for one kind of problem: a new kind (binary, three classes, regression) makes a new plane.
  const planeMode = lab.spec.head === 'softmax' ? 'classes' : lab.spec.head === 'linear' ? 'regression' : 'binary';
  const planeClasses = lab.source.info.classes;
  useEffect(() => {
    plane.current = createDecisionPlane(planeEl.current!, {
      resolution: RES,
      domain: DOMAIN,
      mode: planeMode,
      classes: Math.max(2, planeClasses),
      label: 'The network’s output over the plane, with the data points. Click or tap to add a point, click a point to remove it',
      onPlaneClick: (x, y) => editPoints.current('add', x, y),
      onPointClick: (i) => editPoints.current('remove', i),
    });
    draw();
    return () => plane.current?.destroy();
  }, [planeMode, planeClasses, draw]);

  useEffect(() => {
    graph.current = createNetworkGraph(graphEl.current!, {
      resolution: RES,
      domain: DOMAIN,
      format: () => '',
      unitName: (l, u) => unitName(l, u),
      onEdgeActivate: (layer, from, to) => openEditor({ kind: 'edge', layer, from, to }, graph.current?.edgeAnchor(layer, from, to)),
      onBiasActivate: (layer, unit) => openEditor({ kind: 'neuron', layer, unit }, graph.current?.nodeAnchor(layer, unit)),
    });
    chart.current = createLineChart(
      lossEl.current!,
      trainTestChartOptions({ onScrub: (i) => historyAt.current('scrub', i), onPick: (i) => historyAt.current('pick', i) }),
    );
    chart.current.update(trainTestData(live.current.history));
    draw();
    return () => {
      graph.current?.destroy();
      chart.current?.destroy();
    };
  }, [draw]);

  // The confusion matrix follows the number of classes.
  const classCount = lab.source.info.problem === 'classification' ? lab.source.info.classes : 0;
  useEffect(() => {
    if (!classCount || !matrixEl.current) return;
    matrix.current = createConfusionMatrix(matrixEl.current, { classNames: Array.from({ length: classCount }, (_, k) => `class ${k}`) });
    paintReadouts();
    return () => {
      matrix.current?.destroy();
      matrix.current = null;
    };
  }, [classCount, paintReadouts]);

  useEffect(() => {
    live.current.show = v.show;
    live.current.discretize = v.discretize === '1';
    live.current.view = v.view;
    draw();
  }, [v.show, v.discretize, v.view, draw]);

  // Learning rate, batch size, optimiser and the penalty change while training runs: no reset.
  useEffect(() => {
    trainer?.setHyper({ learningRate: v.lr, batchSize: v.batch, optimizer: v.opt });
  }, [v.lr, v.batch, v.opt, trainer]);
  useEffect(() => {
    trainer?.setPenalty({ kind: v.reg, rate: v.reg === 'none' ? 0 : v.rate });
  }, [v.reg, v.rate, trainer]);

  // A new data set, split, shape, activation or feature set is a new network: rebuild it from the seed.
  // Weights waiting from a loaded model file go into the rebuilt network.
  const pendingWeights = useRef<Float32Array[] | null>(null);
  useEffect(() => {
    live.current.lab = lab;
    // Compare with the lab the network was BUILT for: the settings may change between the trainer's creation
    // and this effect seeing it (a share link being read), and that network must be rebuilt too.
    if (!trainer || live.current.built === lab) return;
    const wasPlaying = trainer.status === 'playing';
    void trainer
      .rebuild(lab.train, v.seed)
      .then(() => {
        const w = pendingWeights.current;
        pendingWeights.current = null;
        return w ? trainer.setWeights(w) : undefined;
      })
      .then(() => {
        if (wasPlaying) trainer.play();
      });
  }, [lab, trainer, v.seed]);

  /** Puts a loaded model in the lab: its shape into the settings, its weights into the network. */
  const applyModel = (spec: FastMlpSpec, weights: Float32Array[], meta: LabModelMeta | null): string | null => {
    const inputs = spec.sizes[0]!;
    const features = meta?.features ?? (inputs === 2 ? (['x1', 'x2'] as FeatureName[]) : null);
    if (!features || features.length !== inputs) {
      return `This model takes ${inputs} inputs, and its file does not say which features they are (files saved by the lab do). Nothing was changed.`;
    }
    const hiddenSizes = spec.sizes.slice(1, -1);
    if (hiddenSizes.length > MAX_LAYERS || hiddenSizes.some((n) => n > MAX_NEURONS)) {
      return `This model is larger than the lab's limit of ${MAX_LAYERS} hidden layers of ${MAX_NEURONS} neurons. Nothing was changed.`;
    }
    const outputs = spec.sizes[spec.sizes.length - 1]!;
    const fits = (i: Points2DKindInfo) =>
      spec.head === 'linear' ? i.problem === 'regression' : i.problem === 'classification' && (spec.head === 'softmax' ? i.classes === outputs : i.classes === 2);
    const partial: Partial<PlaygroundSettings> = { layers: hiddenSizes.length };
    if (!fits(lab.source.info)) {
      if (custom) return 'This model does not fit the points you loaded (a different kind of problem). Nothing was changed.';
      const data = DATASETS.find((d) => fits(DATA_INFO[d]));
      if (!data) return 'The lab has no data set this model fits. Nothing was changed.';
      partial.data = data;
    }
    hiddenSizes.forEach((n, l) => Object.assign(partial, { [LAYER_KEYS[l]!]: n, [ACT_KEYS[l]!]: spec.activations[l] }));
    for (const f of FEATURES) partial[f] = features.includes(f) ? '1' : '0';
    const next = { ...v, ...partial };
    const sameShape = JSON.stringify(specOf(next, features.length, partial.data ? DATA_INFO[partial.data] : lab.source.info)) === JSON.stringify(lab.spec);
    if (sameShape && trainer) void trainer.setWeights(weights);
    else pendingWeights.current = weights;
    set(partial);
    return null;
  };

  // Hand edits of weights (click an edge or a bias square, or press E on a neuron).
  const [editor, setEditor] = useState<{ target: EditTarget; at: { left: number; top: number } } | null>(null);
  const rootEl = useRef<HTMLDivElement>(null);
  const openEditor = (target: EditTarget, anchor: DOMRect | null | undefined) => {
    trainerRef.current?.pause();
    const box = rootEl.current?.getBoundingClientRect();
    const left = anchor && box ? Math.max(0, Math.min(anchor.left - box.left, box.width - 280)) : 0;
    const top = anchor && box ? anchor.bottom - box.top + 6 : 0;
    setEditor({ target, at: { left, top } });
  };

  // Points added by a click or a tap go to the set shown, as the chosen class (or value); a click on a point removes it.
  const [addAs, setAddAs] = useState(1);
  const editPoints = useRef<(what: 'add' | 'remove', a: number, b?: number) => void>(() => undefined);
  editPoints.current = (what, a, b) => {
    const l = live.current.lab;
    const shown = v.show === 'test' ? 'test' : 'train';
    const sets = { train: l.raw.train, test: l.raw.test };
    const d = sets[shown];
    const k = l.source.raw.outputDim;
    let target: Float32Array;
    if (l.source.info.problem === 'regression') target = Float32Array.of(addAs);
    else if (k === 1) target = Float32Array.of(Math.min(1, addAs));
    else target = Float32Array.from({ length: k }, (_, c) => (c === Math.min(k - 1, addAs) ? 1 : 0));
    const next = what === 'add' ? withPoint(d, a, b!, target) : withoutPoint(d, a);
    if (next.n < 2 || (shown === 'train' && next.n < 1)) return;
    const split = { ...sets, [shown]: next };
    const total = split.train.n + split.test.n;
    plane.current?.announce(what === 'add' ? `Point added; ${split[shown].n} ${shown === 'train' ? 'training' : 'test'} points.` : `Point removed; ${split[shown].n} left.`);
    setCustom({
      raw: concat(split.train, split.test),
      info: l.source.info,
      custom: `${l.source.custom?.replace(/ \(.*\)$/, '') ?? `${l.source.info.label} with your edits`} (${total} points)`,
      split,
    });
  };

  // The loss chart as a time machine: pointing at a moment shows the network as it was; picking it goes back
  // there, and training carries on from that point (the later part of the curve is dropped).
  const historyNote = useRef<HTMLParagraphElement>(null);
  const historyAt = useRef<(what: 'scrub' | 'pick', i: number | null) => void>(() => undefined);
  historyAt.current = (what, i) => {
    const cur = live.current;
    const h = cur.history;
    const snap = i === null ? undefined : snapAt(h, h.epochs[i] ?? -1);
    const note = historyNote.current;
    if (what === 'scrub') {
      cur.preview = snap ?? null;
      if (note) note.textContent = snap ? `Showing the network as it was at epoch ${snap.at.toFixed(1)}. Click or press Enter to train on from there.` : HISTORY_HINT;
      draw();
      return;
    }
    const t = trainerRef.current;
    if (!snap || !t) return;
    truncateHistory(h, snap.at);
    cur.preview = null;
    void t.restore(snap);
    chart.current?.setCursor(null);
    if (note) note.textContent = `Went back to epoch ${snap.at.toFixed(1)}: press Train to carry on from there on a new branch.`;
  };

  function unitName(l: number, u: number): string {
    if (l === 0) return FEATURE_LABELS[live.current.lab.features[u]!];
    const layers = live.current.lab.spec.sizes.length;
    return l === layers - 1 ? (layers > 2 && live.current.lab.spec.sizes[l]! > 1 ? `output ${u + 1}` : 'the output') : `neuron ${u + 1} of layer ${l}`;
  }

  function play() {
    if (!trainer) return;
    if (trainer.status === 'playing') trainer.pause();
    else trainer.play();
  }

  const info = lab.source.info;
  const head = lab.spec.head;
  const code = tfCode(lab.spec, penaltyOf(v), v.opt, v.lr, v.batch);

  return (
    <div ref={rootEl} className="playground" data-testid="playground" data-status={status} data-hidden={v.hide}>
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
        {shows('data') ? <DataControls v={v} set={setFromControls} /> : null}
        {shows('hyper') ? <HyperControls v={v} set={set} /> : null}
        {shows('regularization') ? <RegularizationControls v={v} set={set} /> : null}
      </TrainerControls>
      <div className="pg-progress">
        <div ref={stripEl} className="pg-strip" role="img" aria-label="Batches of the current epoch" data-testid="batch-strip" />
        <p className="pg-strip-text muted" data-testid="batch-text">
          epoch 1 in progress: 0 batches done
        </p>
      </div>
      <div className="pg-grid">
        <div className="pg-net">
          {shows('features') ? <FeatureControls v={v} set={set} /> : null}
          {shows('layers') ? <ArchitectureControls v={v} set={set} /> : null}
          <div ref={graphEl} data-testid="network" />
          <p className="legend" data-testid="edge-legend">
            Each square is a neuron’s map over the plane (orange low, blue high); the first column holds the ticked
            features; the small square by a neuron is its bias.{' '}
            {v.view === 'gradients'
              ? edgeLegend('gradient')
              : 'Lines are weights: blue solid positive, orange dashed negative, thicker is bigger.'}{' '}
            Click a line or a bias square (or press E on a neuron) to edit it.
          </p>
          <label className="select">
            lines show
            <select value={v.view} onChange={(e) => set({ view: e.target.value as PlaygroundSettings['view'] })} data-testid="view">
              <option value="weights">weights</option>
              <option value="gradients">gradients</option>
            </select>
          </label>
        </div>
        <div className="pg-out">
          <div ref={planeEl} data-testid="plane" />
          <p className="legend">
            {info.problem === 'regression' ? (
              <>
                Regression: each point’s target is a number from −1 (orange) to +1 (blue); the shading is the
                network’s output.
              </>
            ) : (
              <>
                <span className="key key-a" aria-hidden="true" /> class 0 (circles){' '}
                <span className="key key-b" aria-hidden="true" /> class 1 (squares)
                {info.classes > 2 ? (
                  <>
                    {' '}
                    <span className="key key-c" aria-hidden="true" /> class 2 (triangles)
                  </>
                ) : null}
                . Shading: the most likely class; ringed points are misclassified.
              </>
            )}
          </p>
          <div className="pg-view">
            <label className="select">
              points shown
              <select value={v.show} onChange={(e) => set({ show: e.target.value as PlaygroundSettings['show'] })} data-testid="show">
                <option value="train">training data</option>
                <option value="test">test data</option>
              </select>
            </label>
            <label className="select">
              a click adds
              <select value={addAs} onChange={(e) => setAddAs(Number(e.target.value))} data-testid="add-as">
                {info.problem === 'regression'
                  ? [-1, -0.5, 0, 0.5, 1].map((t) => (
                      <option key={t} value={t}>
                        value {t}
                      </option>
                    ))
                  : Array.from({ length: info.classes }, (_, c) => (
                      <option key={c} value={c}>
                        class {c}
                      </option>
                    ))}
              </select>
            </label>
            <label className="pg-check">
              <input type="checkbox" checked={v.discretize === '1'} onChange={(e) => set({ discretize: e.target.checked ? '1' : '0' })} data-testid="discretize" />
              discretize output
            </label>
          </div>
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
            <dt>epochs per second</dt>
            <dd data-rate data-testid="epochs-per-second">—</dd>
          </dl>
          {classCount ? (
            <div ref={matrixEl} className="pg-matrix" data-testid="confusion-matrix" aria-label={`Confusion matrix on the ${v.show === 'test' ? 'test' : 'training'} data`} role="group" />
          ) : null}
          <p className="muted pg-loss-name">
            Loss: {head === 'linear' ? 'mean squared error' : 'cross-entropy'}.
          </p>
        </div>
      </div>
      <div ref={lossEl} className="pg-loss" data-testid="loss-chart" />
      <p ref={historyNote} className="muted pg-history-note" role="status" data-testid="history-note">
        {HISTORY_HINT}
      </p>
      {shows('tools') ? (
        <details className="pg-code">
          <summary>The same network in TF.js code</summary>
          <pre tabIndex={0} data-testid="tf-code">
            <code>{code}</code>
          </pre>
          <p className="muted">
            The lab runs this network’s arithmetic in a hand-written loop that unit tests check against TF.js’s own
            gradients: for a network this small that is many times faster than calling TF.js op by op.
          </p>
        </details>
      ) : null}
      {shows('tools') ? (
        <LabFiles
          current={() => {
            const net = live.current.net;
            return net ? { spec: net.spec, weights: net.weights(), penalty: penaltyOf(v), features: live.current.built.features } : null;
          }}
          onModel={applyModel}
          onPoints={(src) => setCustom(src)}
          custom={lab.source.custom}
          onBackToGenerated={() => setCustom(null)}
        />
      ) : null}
      {hidden.size > 0 ? (
        <p className="muted pg-hidden-note" data-testid="hidden-note">
          This link hides some controls.{' '}
          <button type="button" className="linklike" onClick={() => setShowHidden((s) => !s)} data-testid="show-hidden">
            {showHidden ? 'Hide them again' : 'Show all controls'}
          </button>
        </p>
      ) : null}
      {editor && trainer ? (
        <WeightEditor
          key={JSON.stringify(editor.target)}
          target={editor.target}
          at={editor.at}
          weights={trainer.net.weights()}
          unitName={unitName}
          onApply={(w) => {
            void trainer.setWeights(w);
            setEditor(null);
          }}
          onClose={() => setEditor(null)}
        />
      ) : null}
      <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} classroom={false} />
      <ClassroomLink shareLink={settings.shareLink} />
    </div>
  );
}
