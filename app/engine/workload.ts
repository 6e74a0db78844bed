/**
 * Real training work packaged for timing: used by the backend manager's calibration and by the bench page, so
 * both measure exactly what the trainer does per step (a seeded shuffled batch, optimizer.minimize in tidy).
 */
import * as tf from '@tensorflow/tfjs';
import { createBatcher } from './data/batcher';
import { createOptimizer } from './optimizers';
import { createRng, type Rng } from './rng';
import type { CalibrationWorkload, Dataset, Hyperparameters, TrainableModel } from './types';

/** What to train when timing. */
export interface TrainingWorkloadOptions {
  build: (rng: Rng) => TrainableModel;
  data: Dataset;
  hyper: Hyperparameters;
  seed?: number;
}

/**
 * Wraps a model and dataset as a {@link CalibrationWorkload}: `step()` is one training step, `read()` awaits the
 * weights (which depend on every step so far, so the timing includes all queued GPU work).
 *
 * @example
 * const workload = createTrainingWorkload('mlp-2-8-8-1-b10', {
 *   build: (rng) => createMlp({ sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' }, rng),
 *   data, hyper: { learningRate: 0.03, batchSize: 10, optimizer: 'adam' },
 * });
 * await getBackendManager().ensure({ workload });
 */
export function createTrainingWorkload(key: string, opts: TrainingWorkloadOptions): CalibrationWorkload {
  return {
    key,
    build() {
      const seed = opts.seed ?? 1;
      const model = opts.build(createRng(seed));
      const optimizer = createOptimizer(opts.hyper);
      const batcher = createBatcher(opts.data, seed);
      return {
        step() {
          tf.tidy(() => {
            const { xs, ys } = batcher.next(opts.hyper.batchSize);
            optimizer.minimize(() => model.loss(xs, ys), false, model.variables);
          });
        },
        async read() {
          const packed = tf.tidy(() => tf.concat(model.variables.map((v) => tf.reshape(v, [-1]))));
          try {
            await packed.data();
          } finally {
            packed.dispose();
          }
        },
        dispose() {
          model.dispose();
          optimizer.dispose();
          batcher.dispose();
        },
      };
    },
  };
}

/**
 * Batches per epoch for `n` examples: the last, partial batch counts.
 *
 * @example
 * batchesPerEpoch(25, 10); // 3 (10 + 10 + 5)
 */
export function batchesPerEpoch(n: number, batchSize: number): number {
  return Math.ceil(n / Math.max(1, Math.floor(batchSize)));
}
