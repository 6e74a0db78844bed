/** Scoring a model on a slice of a dataset: what the session's evaluations and the transfer runs both read. */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../types';
import type { ImageModel } from './imageModel';

/** Rows per scoring call: small enough that each call is a short task, large enough to batch well. */
export const SCORE_CHUNK = 250;

/**
 * The predicted class, the cross-entropy and the probability of the true class for the examples `from` … `to` of
 * `data` (one-hot labels), read back with one awaited read per array.
 *
 * @example
 * const { classes, losses, probs } = await scoreRows(model, test, 0, 250);
 */
export async function scoreRows(model: ImageModel, data: Dataset, from: number, to: number) {
  const k = data.outputDim;
  const [classes, losses, probs] = tf.tidy(() => {
    const xs = tf.tensor2d(data.xs.subarray(from * data.inputDim, to * data.inputDim), [to - from, data.inputDim]);
    const ys = tf.tensor2d(data.ys.subarray(from * k, to * k), [to - from, k]);
    const p = model.predict(xs);
    return [tf.argMax(p, 1), tf.metrics.categoricalCrossentropy(ys, p), tf.sum(tf.mul(p, ys), 1)];
  });
  try {
    return {
      classes: (await classes.data()) as Int32Array,
      losses: (await losses.data()) as Float32Array,
      probs: (await probs.data()) as Float32Array,
    };
  } finally {
    tf.dispose([classes, losses, probs]);
  }
}
