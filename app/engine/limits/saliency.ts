/**
 * Saliency: how much each input pixel moves one class's score, read from the gradient of the live model.
 *
 *   S_c(x)ᵢ = ∂ score_c / ∂ xᵢ     score_c = the logit z_c (default) or the softmax probability p_c
 *
 * The figure shows |S_c| as a heatmap, and S_c ⊙ x (gradient × input) as a second view.
 */
import * as tf from '@tensorflow/tfjs';
import type { LogitModel } from './digitNet';

/** Which number of class c is differentiated. */
export type SaliencyScore = 'logit' | 'probability';

/**
 * The gradient of class `classIndex`'s score with respect to every input value of `input` (one flat image),
 * signed, as a Float32Array of the input's length. Take its absolute value for a saliency map.
 *
 * @example
 * const grad = await saliency(net, digitPixels, 3); // ∂z₃/∂xᵢ for the 784 pixels
 */
export async function saliency(model: LogitModel, input: Float32Array, classIndex: number, score: SaliencyScore = 'logit'): Promise<Float32Array> {
  // Checked before any gradient is taken: a throw inside tf.grad would leave its tensors behind.
  const classes = tf.tidy(() => model.logits(tf.zeros([1, input.length])).shape[1]!);
  if (!(Number.isInteger(classIndex) && classIndex >= 0 && classIndex < classes)) {
    throw new Error(`There is no class ${classIndex} (the model has ${classes}).`);
  }
  const gradient = tf.tidy(() => {
    const x = tf.tensor2d(input, [1, input.length]);
    const scoreOf = (xs: tf.Tensor) => {
      const logits = model.logits(xs as tf.Tensor2D);
      const z = score === 'logit' ? logits : tf.softmax(logits);
      return tf.sum(tf.mul(z, tf.oneHot([classIndex], classes)));
    };
    return tf.grad(scoreOf)(x);
  });
  try {
    return (await gradient.data()) as Float32Array;
  } finally {
    gradient.dispose();
  }
}

/**
 * Gradient × input: each pixel's gradient times its own value, so blank paper (0) scores 0 whatever its gradient.
 *
 * @example
 * gradientTimesInput(grad, digitPixels);
 */
export function gradientTimesInput(gradient: Float32Array, input: Float32Array): Float32Array {
  return gradient.map((g, i) => g * input[i]!);
}

/**
 * The model's class probabilities for one flat image.
 *
 * @example
 * const p = await classProbabilities(net, digitPixels); // 10 numbers summing to 1
 */
export async function classProbabilities(model: LogitModel, input: Float32Array): Promise<Float32Array> {
  const p = tf.tidy(() => tf.softmax(model.logits(tf.tensor2d(input, [1, input.length]))));
  try {
    return (await p.data()) as Float32Array;
  } finally {
    p.dispose();
  }
}
