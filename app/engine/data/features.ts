/**
 * Input features for the playground lab: extra columns computed from the raw 2-D points (x₁, x₂), such as x₁²
 * or sin(πx₁), so a network can be handed a curved shape instead of having to build it. Also the train/test
 * split. Both are pure functions of their inputs.
 */
import { createRng } from '../rng';
import type { Dataset } from '../types';

/** The features a reader can switch on, in the order they enter the network. */
export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sin1', 'sin2'] as const;
export type FeatureName = (typeof FEATURES)[number];

/** Each feature as a function of one raw point. */
const FEATURE_FN: Record<FeatureName, (x1: number, x2: number) => number> = {
  x1: (x1) => x1,
  x2: (_x1, x2) => x2,
  x1sq: (x1) => x1 * x1,
  x2sq: (_x1, x2) => x2 * x2,
  x1x2: (x1, x2) => x1 * x2,
  // The plane spans about −1.2 … 1.2, where sin x is nearly a straight line; sin(πx) makes a full wave.
  sin1: (x1) => Math.sin(Math.PI * x1),
  sin2: (_x1, x2) => Math.sin(Math.PI * x2),
};

/**
 * The value of one feature at one raw point.
 *
 * @example
 * featureValue('x1x2', 0.5, -2); // −1
 */
export function featureValue(name: FeatureName, x1: number, x2: number): number {
  return FEATURE_FN[name](x1, x2);
}

/**
 * Turns flat raw points [x₁, x₂, x₁, x₂, …] into a flat row-major matrix with one column per chosen feature
 * (in the order given), ready for `tf.tensor2d(out, [n, names.length])`.
 *
 * @example
 * featureMatrix(new Float32Array([0.5, -1]), ['x1', 'x1sq', 'x1x2']); // [0.5, 0.25, -0.5]
 */
export function featureMatrix(points: ArrayLike<number>, names: readonly FeatureName[]): Float32Array {
  if (names.length === 0) throw new Error('Pick at least one input feature.');
  const n = Math.floor(points.length / 2);
  const k = names.length;
  const fns = names.map((name) => FEATURE_FN[name]);
  const out = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    const x1 = points[2 * i] as number;
    const x2 = points[2 * i + 1] as number;
    for (let f = 0; f < k; f++) out[i * k + f] = (fns[f] as (a: number, b: number) => number)(x1, x2);
  }
  return out;
}

/**
 * The same examples with the chosen features as inputs (inputDim = names.length); labels are shared.
 *
 * @example
 * const data = withFeatures(makePoints2D('circle', { n: 200, noise: 0.1, seed: 1 }), ['x1', 'x2', 'x1sq']);
 * data.inputDim; // 3
 */
export function withFeatures(raw: Dataset, names: readonly FeatureName[]): Dataset {
  if (raw.inputDim !== 2) throw new Error(`Features are computed from 2-D points (got inputDim ${raw.inputDim}).`);
  return { xs: featureMatrix(raw.xs, names), ys: raw.ys, n: raw.n, inputDim: names.length, outputDim: raw.outputDim };
}

/**
 * Splits a dataset into a training part (the first round(n × trainFraction) examples after a seeded shuffle)
 * and a test part (the rest). Each part keeps at least one example.
 *
 * @example
 * const { train, test } = splitDataset(makePoints2D('xor', { n: 500, noise: 0, seed: 1 }), 0.5, 1);
 * train.n; // 250
 */
export function splitDataset(data: Dataset, trainFraction: number, seed: number): { train: Dataset; test: Dataset } {
  if (data.n < 2) throw new Error('Splitting needs at least 2 examples.');
  const nTrain = Math.min(data.n - 1, Math.max(1, Math.round(data.n * trainFraction)));
  const order = Array.from({ length: data.n }, (_, i) => i);
  createRng(seed).shuffle(order);
  const take = (idx: number[]): Dataset => {
    const { inputDim: d, outputDim: o } = data;
    const xs = new Float32Array(idx.length * d);
    const ys = new Float32Array(idx.length * o);
    idx.forEach((src, i) => {
      xs.set(data.xs.subarray(src * d, src * d + d), i * d);
      ys.set(data.ys.subarray(src * o, src * o + o), i * o);
    });
    return { xs, ys, n: idx.length, inputDim: d, outputDim: o };
  };
  return { train: take(order.slice(0, nTrain)), test: take(order.slice(nTrain)) };
}
