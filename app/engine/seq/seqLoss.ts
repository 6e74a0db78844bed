import * as tf from '@tensorflow/tfjs';

/**
 * Cross-entropy of predictions that are rows of `classes` logits (one row per step, or one per sequence) against
 * one-hot targets; rows of the target that are all zero (padding after a word ends) count for nothing. The mean is
 * over the rows that count.
 *
 * @example
 * const loss = sequenceSoftmaxLoss(logits, ys, 27); // logits and ys [B, T·27]
 */
export function sequenceSoftmaxLoss(pred: tf.Tensor2D, ys: tf.Tensor2D, classes: number): tf.Scalar {
  const rows = pred.size / classes;
  const logits = tf.reshape(pred, [rows, classes]);
  const targets = tf.reshape(ys, [rows, classes]);
  const picked = tf.sum(tf.mul(targets, tf.logSoftmax(logits)));
  return tf.div(tf.neg(picked), tf.maximum(tf.sum(targets), 1));
}
