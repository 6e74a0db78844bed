/**
 * The activations of activations.ts as TF.js ops: what a network built with TF.js really runs.
 */
import * as tf from '@tensorflow/tfjs';
import { LEAKY_ALPHA, type ScalarActivation } from './activations';

/**
 * The activation as TF.js ops, elementwise. GELU is the exact form x·Φ(x), Φ the standard normal CDF, as in
 * TF.js Layers' 'gelu'.
 *
 * @example
 * const y = tf.tidy(() => activationTf('gelu', tf.tensor1d([-1, 0, 1])));
 */
export function activationTf(name: ScalarActivation, x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    switch (name) {
      case 'relu':
        return tf.relu(x);
      case 'leaky-relu':
        return tf.leakyRelu(x, LEAKY_ALPHA);
      case 'sigmoid':
        return tf.sigmoid(x);
      case 'tanh':
        return tf.tanh(x);
      case 'gelu':
        return tf.mul(x, tf.mul(0.5, tf.add(1, tf.erf(tf.div(x, Math.SQRT2)))));
    }
  });
}
