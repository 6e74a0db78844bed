/**
 * Mini-batches from a dataset that lives on the device. Each epoch is a seeded permutation of the data, gathered
 * once on the device; batches are slices of it, and the last, partial batch of an epoch is included.
 *
 *   epoch k:  perm_k = permutation(seed, k) ─► gather(xs, perm_k) ─► [ batch 0 | batch 1 | … | partial ]
 *                                                                     cursor moves by batchSize per batch
 *
 * The permutation is a pure function of (seed, epoch), so the position in training is fully described by
 * (epoch, cursor): the trainer can rebuild the batcher on another backend and carry on from the same place.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, mixSeed } from '../rng';
import type { Dataset } from '../types';

/** Where the batcher is within training. */
export interface BatchPosition {
  /** Whole epochs completed. */
  epoch: number;
  /** Examples already used in the current epoch. */
  cursor: number;
  /** Batches already taken in the current epoch. */
  batchInEpoch: number;
}

/** Hands out shuffled mini-batches; see the module comment. */
export interface Batcher {
  readonly n: number;
  readonly position: BatchPosition;
  /**
   * Slices the next batch (call inside tf.tidy: the tensors are tidy-owned) and advances the position; at the end
   * of an epoch the next epoch's shuffle is prepared.
   */
  next(batchSize: number): { xs: tf.Tensor2D; ys: tf.Tensor2D; size: number };
  /** Batches in the current epoch if the rest of it is taken in batches of `batchSize`. */
  batchesPerEpoch(batchSize: number): number;
  /** The whole dataset, unshuffled (for full-data losses and predictions). */
  readonly allXs: tf.Tensor2D;
  readonly allYs: tf.Tensor2D;
  dispose(): void;
}

/**
 * Uploads `data` and prepares the shuffle of the epoch at `start` (default: the very beginning).
 *
 * @example
 * const batcher = createBatcher(data, 42);
 * const loss = tf.tidy(() => {
 *   const { xs, ys } = batcher.next(10);
 *   return model.loss(xs, ys);
 * });
 * batcher.dispose();
 */
export function createBatcher(data: Dataset, seed: number, start?: BatchPosition): Batcher {
  const { n, inputDim, outputDim } = data;
  if (data.xs.length !== n * inputDim || data.ys.length !== n * outputDim) {
    throw new Error('The dataset arrays do not match n × inputDim and n × outputDim.');
  }
  const allXs = tf.tensor2d(data.xs, [n, inputDim], 'float32');
  const allYs = tf.tensor2d(data.ys, [n, outputDim], 'float32');
  const position: BatchPosition = start ? { ...start } : { epoch: 0, cursor: 0, batchInEpoch: 0 };
  if (position.cursor >= n) {
    position.cursor = 0;
    position.batchInEpoch = 0;
  }
  let epochXs: tf.Tensor2D;
  let epochYs: tf.Tensor2D;

  const shuffleFor = (epoch: number) => {
    // Salt with epoch + 1 so epoch 0's shuffle differs from a stream seeded with the bare seed (the weights).
    const perm = createRng(mixSeed(seed, epoch + 1)).permutation(n);
    [epochXs, epochYs] = tf.tidy(() => {
      const idx = tf.tensor1d(perm, 'int32');
      return [tf.gather(allXs, idx), tf.gather(allYs, idx)] as [tf.Tensor2D, tf.Tensor2D];
    });
    // next() runs inside the caller's tidy; keep() stops that tidy from disposing the new epoch with the batch.
    tf.keep(epochXs);
    tf.keep(epochYs);
  };
  shuffleFor(position.epoch);

  return {
    n,
    get position() {
      return { ...position };
    },
    next(batchSize) {
      const size = Math.max(1, Math.min(Math.floor(batchSize), n - position.cursor));
      const xs = tf.slice(epochXs, [position.cursor, 0], [size, inputDim]);
      const ys = tf.slice(epochYs, [position.cursor, 0], [size, outputDim]);
      position.cursor += size;
      position.batchInEpoch++;
      if (position.cursor >= n) {
        // Disposing the old epoch now is safe: TF.js reference-counts shared data, so the slices above keep what
        // they point into alive until the caller's tidy releases them.
        position.epoch++;
        position.cursor = 0;
        position.batchInEpoch = 0;
        const old = [epochXs, epochYs];
        shuffleFor(position.epoch);
        old.forEach((t) => t.dispose());
      }
      return { xs, ys, size };
    },
    batchesPerEpoch(batchSize) {
      const bs = Math.max(1, Math.floor(batchSize));
      return position.batchInEpoch + Math.ceil((n - position.cursor) / bs);
    },
    allXs,
    allYs,
    dispose() {
      epochXs.dispose();
      epochYs.dispose();
      allXs.dispose();
      allYs.dispose();
    },
  };
}
