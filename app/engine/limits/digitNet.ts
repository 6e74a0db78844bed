/**
 * The "limits" lesson's models of the digits, small enough to train on the page in slices of a few milliseconds:
 *
 *   softmax regression   x (784) ──W, b──► 10 logits                       (hidden = 0)
 *   one hidden layer     x (784) ──W₁, b₁──► ReLU (hidden) ──W₂, b₂──► 10 logits
 *   nearest centroid     the mean image of each class; a digit gets the class of the closest mean (no training)
 *
 * Training runs `steps` steps of Adam in slices of at most `budgetMs`, awaiting `pause()` between slices so the page
 * can draw and answer input; each slice ends with one awaited read of the loss (progress and the NaN check).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, mixSeed, type Rng } from '../rng';
import type { Dataset, TrainableModel } from '../types';
import { createVariable } from '../weights';

/** A classifier whose scores before the softmax (logits) can be differentiated, e.g. for saliency. */
export interface LogitModel {
  logits(xs: tf.Tensor2D): tf.Tensor2D;
}

/** A digit network: the Trainer's model interface plus its logits. `predict` gives probabilities. */
export interface DigitNet extends TrainableModel, LogitModel {
  readonly inputs: number;
  readonly hidden: number;
  readonly classes: number;
}

/** The network's shape. */
export interface DigitNetConfig {
  /** Hidden ReLU units; 0 for softmax regression (a linear model). */
  hidden: number;
  inputs?: number;
  classes?: number;
}

function glorot(rng: Rng, fanIn: number, fanOut: number): tf.Variable {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const w = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < w.length; i++) w[i] = (rng.next() * 2 - 1) * limit;
  return createVariable(w, [fanIn, fanOut]);
}

/**
 * Builds a digit network with Glorot-uniform weights from `rng` and zero biases. Variables: [W, b] or
 * [W₁, b₁, W₂, b₂], with W of shape [in, out] (so logits = x·W + b, the transpose of the W x + b of the prose).
 *
 * @example
 * const net = createDigitNet({ hidden: 64 }, createRng(1));
 * const loss = net.loss(images, oneHot); // mean softmax cross-entropy
 */
export function createDigitNet(config: DigitNetConfig, rng: Rng): DigitNet {
  const inputs = config.inputs ?? 784;
  const classes = config.classes ?? 10;
  const hidden = config.hidden;
  if (!Number.isInteger(hidden) || hidden < 0) throw new Error(`The hidden layer needs a whole number of units, 0 or more (got ${hidden}).`);
  const sizes = hidden > 0 ? [inputs, hidden, classes] : [inputs, classes];
  const variables: tf.Variable[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    variables.push(glorot(rng, sizes[l]!, sizes[l + 1]!), createVariable(new Float32Array(sizes[l + 1]!), [sizes[l + 1]!]));
  }
  const logits = (xs: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => {
      const [w1, b1, w2, b2] = variables;
      const z = tf.add(tf.matMul(xs, w1!), b1!) as tf.Tensor2D;
      return hidden > 0 ? (tf.add(tf.matMul(tf.relu(z), w2!), b2!) as tf.Tensor2D) : z;
    });
  return {
    inputs,
    hidden,
    classes,
    variables,
    logits,
    predict: (xs) => tf.tidy(() => tf.softmax(logits(xs))),
    loss: (xs, ys) => tf.tidy(() => tf.losses.softmaxCrossEntropy(ys, logits(xs)) as tf.Scalar),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}

/**
 * The examples `rows` of flat images `pixels` (0 … 1, `dim` per image) and their `labels` as a one-hot Dataset.
 *
 * @example
 * const data = subsetDataset(trainPixels, trainLabels, balancedSubset(trainLabels, 100, 1));
 */
export function subsetDataset(pixels: Float32Array, labels: ArrayLike<number>, rows: ArrayLike<number>, dim = 784, classes = 10): Dataset {
  const n = rows.length;
  const xs = new Float32Array(n * dim);
  const ys = new Float32Array(n * classes);
  for (let j = 0; j < n; j++) {
    const i = rows[j]!;
    xs.set(pixels.subarray(i * dim, (i + 1) * dim), j * dim);
    ys[j * classes + labels[i]!] = 1;
  }
  return { xs, ys, n, inputDim: dim, outputDim: classes };
}

/** How to train a digit network. */
export interface TrainOptions {
  steps: number;
  batchSize: number;
  learningRate: number;
  /** Seeds the batches' shuffle. */
  seed: number;
  /** Most milliseconds of stepping before a read and a pause (default 20). */
  budgetMs?: number;
  /** Awaited between slices (default: a macrotask), so the page can draw. */
  pause?: () => Promise<void>;
  /** After each slice: steps done and the latest batch loss. */
  onProgress?: (step: number, loss: number) => void;
  /** Stops training early (the promise then rejects with an AbortError). */
  signal?: AbortSignal;
}

/** Thrown when the loss stops being a finite number. */
export class DivergedError extends Error {
  override name = 'DivergedError';
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Trains `model` on `data` with Adam and resolves with the last batch loss.
 *
 * @example
 * await trainDigitNet(net, data, { steps: 300, batchSize: 32, learningRate: 0.003, seed: 1 });
 */
export async function trainDigitNet(model: TrainableModel, data: Dataset, opts: TrainOptions): Promise<number> {
  const budget = opts.budgetMs ?? 20;
  const pause = opts.pause ?? macrotask;
  const optimizer = tf.train.adam(opts.learningRate);
  const batcher = createHostBatcher(data, mixSeed(opts.seed, 11));
  const batch = Math.min(opts.batchSize, data.n);
  let step = 0;
  let loss = NaN;
  try {
    while (step < opts.steps) {
      if (opts.signal?.aborted) throw new DOMException('Training was stopped.', 'AbortError');
      const start = performance.now();
      let last: tf.Scalar | null = null;
      do {
        last?.dispose();
        last = tf.tidy(() => {
          const { xs, ys } = batcher.next(batch);
          return optimizer.minimize(() => model.loss(xs, ys), true, model.variables) as tf.Scalar;
        });
        step++;
      } while (step < opts.steps && performance.now() - start < budget);
      loss = (await last.data())[0]!;
      last.dispose();
      if (!Number.isFinite(loss)) {
        throw new DivergedError(`The loss became ${loss} at step ${step}: the learning rate ${opts.learningRate} is too large for this model.`);
      }
      opts.onProgress?.(step, loss);
      if (step < opts.steps) await pause();
    }
    return loss;
  } finally {
    optimizer.dispose();
    batcher.dispose();
  }
}

/**
 * Seeded shuffled mini-batches copied on the host, one small upload per batch: its cost does not grow with the
 * dataset (slicing batches out of the whole set held on the device took seconds per run for 8,000 digits on wasm).
 * Each epoch is a seeded permutation; the last batch of an epoch may be short.
 */
function createHostBatcher(data: Dataset, seed: number) {
  const { n, inputDim, outputDim } = data;
  let epoch = 0;
  let cursor = 0;
  let perm = createRng(mixSeed(seed, 1)).permutation(n);
  return {
    next(size: number) {
      const b = Math.min(size, n - cursor);
      const xs = new Float32Array(b * inputDim);
      const ys = new Float32Array(b * outputDim);
      for (let j = 0; j < b; j++) {
        const i = perm[cursor + j]!;
        xs.set(data.xs.subarray(i * inputDim, (i + 1) * inputDim), j * inputDim);
        ys.set(data.ys.subarray(i * outputDim, (i + 1) * outputDim), j * outputDim);
      }
      cursor += b;
      if (cursor >= n) {
        epoch++;
        cursor = 0;
        perm = createRng(mixSeed(seed, epoch + 1)).permutation(n);
      }
      return { xs: tf.tensor2d(xs, [b, inputDim]), ys: tf.tensor2d(ys, [b, outputDim]) };
    },
    dispose() {},
  };
}

/**
 * The predicted class of each of the `n` images in `pixels`, scored in chunks with a pause between them.
 *
 * @example
 * const predicted = await predictClasses(net, testPixels, 2000);
 */
export async function predictClasses(model: TrainableModel, pixels: Float32Array, n: number, dim = 784, chunk = 250, pause = macrotask): Promise<Uint8Array> {
  const out = new Uint8Array(n);
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk);
    const classes = tf.tidy(() => tf.argMax(model.predict(tf.tensor2d(pixels.subarray(from * dim, to * dim), [to - from, dim])), 1));
    out.set(await classes.data(), from);
    classes.dispose();
    if (to < n) await pause();
  }
  return out;
}

/** The mean image of each class; `present[k]` is false for a class with no examples (it is never predicted). */
export interface Centroids {
  means: Float32Array;
  present: boolean[];
  dim: number;
  classes: number;
}

/**
 * The nearest-centroid classifier's "training": the mean of the images `rows` of each class.
 *
 * @example
 * const centroids = fitCentroids(trainPixels, trainLabels, balancedSubset(trainLabels, 100, 1));
 */
export function fitCentroids(pixels: Float32Array, labels: ArrayLike<number>, rows: ArrayLike<number>, dim = 784, classes = 10): Centroids {
  const sums = new Float64Array(classes * dim);
  const counts = new Array<number>(classes).fill(0);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const k = labels[i]!;
    counts[k]!++;
    for (let p = 0; p < dim; p++) sums[k * dim + p]! += pixels[i * dim + p]!;
  }
  const means = new Float32Array(classes * dim);
  for (let k = 0; k < classes; k++) for (let p = 0; p < dim; p++) means[k * dim + p] = counts[k] ? sums[k * dim + p]! / counts[k]! : 0;
  return { means, present: counts.map((c) => c > 0), dim, classes };
}

/**
 * Nearest-centroid predictions (squared Euclidean distance) for the images `from` … `to` of `pixels`.
 *
 * @example
 * const predicted = predictCentroids(centroids, testPixels, 0, 2000);
 */
export function predictCentroids(c: Centroids, pixels: Float32Array, from: number, to: number): Uint8Array {
  const out = new Uint8Array(to - from);
  for (let i = from; i < to; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let k = 0; k < c.classes; k++) {
      if (!c.present[k]) continue;
      let d = 0;
      for (let p = 0; p < c.dim; p++) {
        const diff = pixels[i * c.dim + p]! - c.means[k * c.dim + p]!;
        d += diff * diff;
      }
      if (d < bestD) [best, bestD] = [k, d];
    }
    out[i - from] = Math.max(0, best);
  }
  return out;
}

/** A seeded Rng for a model of the sweep: one stream per (seed, size). */
export const modelRng = (seed: number, salt: number): Rng => createRng(mixSeed(seed, salt));
