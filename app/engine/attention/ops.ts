/**
 * The transformer's pieces as TF.js ops (TF.js 4.22 has no attention or layer-norm layer for a hand-built model):
 * scaled dot-product attention, multi-head attention, the causal mask and layer normalisation. Each is checked
 * in attention.test.ts against a computation written out loop by loop, and its gradients against finite
 * differences.
 */
import * as tf from '@tensorflow/tfjs';
import { LAYER_NORM_EPSILON, MASKED_SCORE } from './spec';

/**
 * The causal mask as scores to add: 0 where position i may look at j (j ≤ i), MASKED_SCORE where j is in its
 * future. Shape [length, length].
 *
 * @example
 * causalMask(3).arraySync(); // [[0, -1e9, -1e9], [0, 0, -1e9], [0, 0, 0]]
 */
export function causalMask(length: number): tf.Tensor2D {
  return tf.tidy(() => {
    const lower = tf.linalg.bandPart(tf.ones([length, length]), -1, 0);
    return tf.mul(tf.sub(1, lower), MASKED_SCORE) as tf.Tensor2D;
  });
}

/**
 * softmax(Q·Kᵀ / √d + mask) · V over the last two axes, for any leading (batch, head) axes.
 * q, k, v: [..., T, d]; mask (optional): broadcastable to [..., T, T].
 * Returns the mixed values [..., T, d] and the attention weights [..., T, T] (each row sums to 1).
 *
 * @example
 * const { output, weights } = scaledDotProductAttention(q, k, v, causalMask(8));
 */
export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): { output: tf.Tensor; weights: tf.Tensor } {
  const d = q.shape[q.rank - 1]!;
  let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d));
  if (mask) scores = tf.add(scores, mask);
  const weights = tf.softmax(scores);
  return { output: tf.matMul(weights, v), weights };
}

/** x [B, T, d] → [B, H, T, d/H]. */
function splitHeads(x: tf.Tensor, heads: number): tf.Tensor4D {
  const [b, t, d] = x.shape as [number, number, number];
  return tf.transpose(tf.reshape(x, [b, t, heads, d / heads]), [0, 2, 1, 3]);
}

export interface AttentionWeights {
  wq: tf.Tensor2D;
  wk: tf.Tensor2D;
  wv: tf.Tensor2D;
  wo: tf.Tensor2D;
}

/**
 * Multi-head self-attention: x·W_q, x·W_k, x·W_v split into `heads` slices of d/H columns, each slice attends on
 * its own, the slices are put side by side again and mixed by W_o.
 * x: [B, T, d]. Returns the output [B, T, d] and the weights of every head [B, H, T, T].
 *
 * @example
 * const { output, weights } = multiHeadAttention(x, { wq, wk, wv, wo }, { heads: 2, causal: true });
 */
export function multiHeadAttention(x: tf.Tensor3D, w: AttentionWeights, opts: { heads: number; causal: boolean }): { output: tf.Tensor3D; weights: tf.Tensor4D } {
  const [b, t, d] = x.shape;
  if (d % opts.heads !== 0) throw new Error(`d_model ${d} does not split into ${opts.heads} heads.`);
  const flat = tf.reshape(x, [b * t, d]);
  const project = (m: tf.Tensor2D) => splitHeads(tf.reshape(tf.matMul(flat, m), [b, t, d]), opts.heads);
  const mask = opts.causal ? causalMask(t) : undefined;
  const { output, weights } = scaledDotProductAttention(project(w.wq), project(w.wk), project(w.wv), mask);
  const joined = tf.reshape(tf.transpose(output, [0, 2, 1, 3]), [b * t, d]);
  return { output: tf.reshape(tf.matMul(joined, w.wo), [b, t, d]), weights: weights as tf.Tensor4D };
}

/**
 * Layer normalisation over the last axis: (x − mean) / √(variance + ε) · gain + bias, with the biased variance
 * (the mean of squared deviations), as in the original paper and PyTorch.
 *
 * @example
 * const y = layerNorm(x, gain, bias);
 */
export function layerNorm<T extends tf.Tensor>(x: T, gain: tf.Tensor1D, bias: tf.Tensor1D, epsilon = LAYER_NORM_EPSILON): T {
  const axis = x.rank - 1;
  const { mean, variance } = tf.moments(x, axis, true);
  return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, epsilon))), gain), bias) as T;
}
