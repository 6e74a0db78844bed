/** Pure helpers of the playground lab: its shape from the settings, and scores from predictions. */
import { FEATURES, POINTS2D_KINDS, rowClass, type Points2DKindInfo, type TrainingPoint, type Dataset, type FastActivation, type FastHead, type FastMlpSpec, type FeatureName, type WeightPenalty } from '../../engine';
import { ACT_KEYS, LAYER_KEYS, type LabDataset, type PlaygroundSettings } from './schema';

/** How each feature is written on the controls and on the network's input column. */
export const FEATURE_LABELS: Record<FeatureName, string> = {
  x1: 'X₁',
  x2: 'X₂',
  x1sq: 'X₁²',
  x2sq: 'X₂²',
  x1x2: 'X₁X₂',
  sin1: 'sin(πX₁)',
  sin2: 'sin(πX₂)',
};

/** What each data set asks of the network (the engine's table), with the name the lab's menu gives it. */
export const DATA_INFO: Record<LabDataset, Points2DKindInfo> = {
  ...POINTS2D_KINDS,
  circle: { ...POINTS2D_KINDS.circle, label: 'circle' },
  spiral: { ...POINTS2D_KINDS.spiral, label: 'spiral' },
  xor: { ...POINTS2D_KINDS.xor, label: 'XOR (four corners)' },
  blobs: { ...POINTS2D_KINDS.blobs, label: 'Gaussian (two blobs)' },
  spiral3: { ...POINTS2D_KINDS.spiral3, label: 'spiral, three classes' },
  plane: { ...POINTS2D_KINDS.plane, label: 'plane (regression)' },
  'gauss-reg': { ...POINTS2D_KINDS['gauss-reg'], label: 'hills and valleys (regression)' },
};

export function featuresOf(v: PlaygroundSettings): FeatureName[] {
  return FEATURES.filter((f) => v[f] === '1');
}

/** Units per hidden layer, first to last. */
export function hiddenOf(v: PlaygroundSettings): number[] {
  return LAYER_KEYS.slice(0, v.layers).map((k) => v[k]);
}

/** Each hidden layer's activation: its own when set, else the lab-wide one. */
export function activationsOf(v: PlaygroundSettings): FastActivation[] {
  return ACT_KEYS.slice(0, v.layers).map((k) => (v[k] === 'same' ? v.act : v[k]));
}

/** The output and loss for a problem: sigmoid + cross-entropy, softmax + cross-entropy, or linear + MSE. */
export function headOf(info: Points2DKindInfo): { head: FastHead; outputs: number } {
  if (info.problem === 'regression') return { head: 'linear', outputs: 1 };
  return info.classes > 2 ? { head: 'softmax', outputs: info.classes } : { head: 'sigmoid', outputs: 1 };
}

/** The network the settings describe. */
export function specOf(v: PlaygroundSettings, inputs = featuresOf(v).length, info: Points2DKindInfo = DATA_INFO[v.data]): FastMlpSpec {
  const { head, outputs } = headOf(info);
  return { sizes: [inputs, ...hiddenOf(v), outputs], activations: activationsOf(v), head };
}

export function penaltyOf(v: PlaygroundSettings): WeightPenalty {
  return { kind: v.reg, rate: v.reg === 'none' ? 0 : v.rate };
}

/**
 * The loss the chart shows and the accuracy, from the network's outputs and the targets:
 * cross-entropy for classes (binary or one-hot), mean squared error for regression (accuracy is then NaN).
 *
 * @example
 * score(Float32Array.of(0.9, 0.2), Float32Array.of(1, 0), 'sigmoid'); // { loss: 0.164…, accuracy: 1 }
 * score(probabilities, oneHot, 'softmax', 3);
 */
export function score(pred: ArrayLike<number> | undefined, ys: Float32Array, head: FastHead, outputs = 1): { loss: number; accuracy: number } {
  if (!pred || pred.length !== ys.length || ys.length === 0) return { loss: NaN, accuracy: NaN };
  const eps = 1e-7;
  const clamp = (p: number) => Math.min(1 - eps, Math.max(eps, p));
  if (head === 'linear') {
    let s = 0;
    for (let i = 0; i < ys.length; i++) s += (pred[i]! - ys[i]!) ** 2;
    return { loss: s / ys.length, accuracy: NaN };
  }
  if (head === 'sigmoid') {
    let loss = 0;
    let right = 0;
    for (let i = 0; i < ys.length; i++) {
      const p = clamp(pred[i]!);
      const y = ys[i]!;
      loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
      if (p >= 0.5 === y > 0.5) right++;
    }
    return { loss: loss / ys.length, accuracy: right / ys.length };
  }
  // Softmax: one-hot rows of `outputs` classes.
  const k = outputs;
  const n = ys.length / k;
  let loss = 0;
  let right = 0;
  for (let r = 0; r < n; r++) {
    let truth = 0;
    for (let c = 0; c < k; c++) {
      if (ys[r * k + c]! > 0.5) truth = c;
      loss -= ys[r * k + c]! * Math.log(clamp(pred[r * k + c]!));
    }
    if (rowClass(pred, r, k) === truth) right++;
  }
  return { loss: loss / n, accuracy: right / n };
}

/** A point of training kept to come back to, at a (fractional) epoch. */
export interface HistorySnap extends TrainingPoint {
  at: number;
}

/** The loss curves, and weight snapshots along them (fewer: a network can hold thousands of weights). */
export interface LabHistory {
  epochs: number[];
  train: number[];
  test: number[];
  snaps: HistorySnap[];
}

/** Points kept on the curves, and snapshots kept of the network, at most. */
export const MAX_CURVE = 3000;
export const MAX_SNAPS = 400;

export function emptyHistory(): LabHistory {
  return { epochs: [], train: [], test: [], snaps: [] };
}

/**
 * Adds one moment of training: its losses always (halving the curve's density when full), and a snapshot of the
 * weights when the last one is far enough back (halving the snapshots' density when there are too many).
 *
 * @example
 * recordHistory(h, 12.4, 0.31, 0.35, () => ({ weights: net.weights(), step: 310, epoch: 12 }));
 */
export function recordHistory(h: LabHistory, at: number, train: number, test: number, point: () => TrainingPoint): void {
  if (h.epochs.length > 0 && at <= h.epochs[h.epochs.length - 1]!) return;
  h.epochs.push(at);
  h.train.push(train);
  h.test.push(test);
  if (h.epochs.length > MAX_CURVE) {
    const keep = (_: number, i: number) => i % 2 === 0 || i === h.epochs.length - 1;
    h.epochs = h.epochs.filter(keep);
    h.train = h.train.filter(keep);
    h.test = h.test.filter(keep);
  }
  // Snapshots evenly over the run so far: at most MAX_SNAPS, spaced at least run / MAX_SNAPS apart.
  const last = h.snaps[h.snaps.length - 1];
  if (!last || at - last.at >= at / MAX_SNAPS) h.snaps.push({ ...point(), at });
  if (h.snaps.length > MAX_SNAPS) h.snaps = h.snaps.filter((_, i) => i % 2 === 0 || i === h.snaps.length - 1);
}

/** The snapshot to show for a moment on the curve: the latest one taken at or before it. */
export function snapAt(h: LabHistory, at: number): HistorySnap | undefined {
  let found: HistorySnap | undefined;
  for (const s of h.snaps) {
    if (s.at > at + 1e-9) break;
    found = s;
  }
  return found;
}

/** Forgets everything after `at` (training branches from there). */
export function truncateHistory(h: LabHistory, at: number): void {
  const n = h.epochs.findIndex((e) => e > at + 1e-9);
  if (n >= 0) {
    h.epochs.length = n;
    h.train.length = n;
    h.test.length = n;
  }
  h.snaps = h.snaps.filter((s) => s.at <= at + 1e-9);
}

// ── Data sets and maps, as the lab draws and edits them ──────────────────────────────────────────────────────

/** The dataset with one more point (x, y) and its target row appended. */
export function withPoint(d: Dataset, x: number, y: number, target: Float32Array): Dataset {
  const xs = new Float32Array(d.xs.length + 2);
  xs.set(d.xs);
  xs.set([x, y], d.xs.length);
  const ys = new Float32Array(d.ys.length + d.outputDim);
  ys.set(d.ys);
  ys.set(target, d.ys.length);
  return { ...d, xs, ys, n: d.n + 1 };
}

/** The dataset without point i. */
export function withoutPoint(d: Dataset, i: number): Dataset {
  const k = d.outputDim;
  const xs = new Float32Array(d.xs.length - 2);
  xs.set(d.xs.subarray(0, 2 * i));
  xs.set(d.xs.subarray(2 * i + 2), 2 * i);
  const ys = new Float32Array(d.ys.length - k);
  ys.set(d.ys.subarray(0, k * i));
  ys.set(d.ys.subarray(k * i + k), k * i);
  return { ...d, xs, ys, n: d.n - 1 };
}

/** The points of a, then those of b. */
export function concat(a: Dataset, b: Dataset): Dataset {
  const xs = new Float32Array(a.xs.length + b.xs.length);
  xs.set(a.xs);
  xs.set(b.xs, a.xs.length);
  const ys = new Float32Array(a.ys.length + b.ys.length);
  ys.set(a.ys);
  ys.set(b.ys, a.ys.length);
  return { ...a, xs, ys, n: a.n + b.n };
}

/** Each feature's map over the grid, rescaled to −1 … 1 for colour (x₁² would otherwise be all one hue). */
export function inputMaps(gridX: Float32Array, k: number): Float32Array {
  const out = new Float32Array(gridX.length);
  for (let f = 0; f < k; f++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let p = f; p < gridX.length; p += k) [lo, hi] = [Math.min(lo, gridX[p]!), Math.max(hi, gridX[p]!)];
    for (let p = f; p < gridX.length; p += k) out[p] = hi > lo ? (2 * (gridX[p]! - lo)) / (hi - lo) - 1 : 0;
  }
  return out;
}

/** The largest finite |value| of a map (at least 0.001), to scale unbounded activations for colour. */
export function span(grid: Float32Array | undefined): number {
  let m = 1e-3;
  if (grid) for (let i = 0; i < grid.length; i++) if (Number.isFinite(grid[i]!)) m = Math.max(m, Math.abs(grid[i]!));
  return m;
}

/** What the plane draws each point by: its 0/1 label or regression target as it is; for one-hot rows, the class. */
export function planeLabels(d: Dataset): Float32Array {
  if (d.outputDim === 1) return d.ys;
  return Float32Array.from({ length: d.n }, (_, r) => rowClass(d.ys, r, d.outputDim));
}
