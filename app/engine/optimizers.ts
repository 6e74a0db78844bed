/** The optimisers the course exposes, built from the hyperparameters the reader sets. */
import * as tf from '@tensorflow/tfjs';
import type { Hyperparameters } from './types';

/**
 * Momentum coefficient for the 'momentum' optimiser: the usual textbook value.
 *
 * @example
 * `SGD with momentum ${MOMENTUM}`; // 'SGD with momentum 0.9'
 */
export const MOMENTUM = 0.9;

/**
 * Creates a TF.js optimiser: plain SGD, SGD with momentum 0.9, or Adam (default β1, β2, ε).
 * The caller owns it and must dispose it (momentum and Adam hold per-weight state on the device).
 *
 * @example
 * const optimizer = createOptimizer({ learningRate: 0.1, batchSize: 10, optimizer: 'adam' });
 * optimizer.minimize(() => model.loss(xs, ys));
 * optimizer.dispose();
 */
export function createOptimizer(h: Pick<Hyperparameters, 'learningRate' | 'optimizer'>): tf.Optimizer {
  switch (h.optimizer) {
    case 'sgd':
      return tf.train.sgd(h.learningRate);
    case 'momentum':
      return tf.train.momentum(h.learningRate, MOMENTUM);
    case 'adam':
      return tf.train.adam(h.learningRate);
    default:
      throw new Error(`Unknown optimizer "${String(h.optimizer)}".`);
  }
}

/**
 * Throws a plain-language error for a learning rate that is not a positive number or a batch size that is not a
 * whole number of at least 1 (the trainer calls it on creation and on every setHyper).
 *
 * @example
 * checkHyperparameters({ learningRate: 0, batchSize: 10, optimizer: 'sgd' }); // throws "The learning rate must be …"
 */
export function checkHyperparameters(h: Hyperparameters): void {
  if (!(h.learningRate > 0) || !Number.isFinite(h.learningRate)) {
    throw new Error(`The learning rate must be a positive number (got ${h.learningRate}).`);
  }
  if (!Number.isInteger(h.batchSize) || h.batchSize < 1) {
    throw new Error(`The batch size must be a whole number of at least 1 (got ${h.batchSize}).`);
  }
}
