/** Pure helpers of the playground lab: its shape from the settings, and scores from predictions. */
import { FEATURES, POINTS2D_KINDS, type Points2DKindInfo, type TrainingPoint, type FastActivation, type FastHead, type FastMlpSpec, type FeatureName, type WeightPenalty } from '../../engine';
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

/** The class a row of predictions stands for: p ≥ 0.5 for one sigmoid output, else the largest. */
export function predictedClass(pred: ArrayLike<number>, row: number, outputs: number): number {
  if (outputs === 1) return pred[row]! >= 0.5 ? 1 : 0;
  let best = 0;
  for (let k = 1; k < outputs; k++) if (pred[row * outputs + k]! > pred[row * outputs + best]!) best = k;
  return best;
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
    if (predictedClass(pred, r, k) === truth) right++;
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
