/**
 * A sigmoid neuron trained with a choice of loss: mean squared error or binary cross-entropy. Same variables as
 * `createNeuron` ([w (2×1), b (1)]), so `neuronWeights` and `neuronParamsFromWeights` work with it.
 * The "loss functions" lesson trains two of these side by side from the same start.
 */
import * as tf from '@tensorflow/tfjs';
import { binaryLoss, type BinaryLossKind } from '../losses';
import type { Dataset, TrainableModel } from '../types';
import { createVariable } from '../weights';
import type { NeuronParams } from './neuron';

/**
 * Creates a trainable sigmoid neuron, out = σ(w1·x1 + w2·x2 + b), whose loss is `loss` averaged over the batch.
 * Cross-entropy is computed from the logit z in the stable form max(z, 0) − z·y + log(1 + e^−|z|), which never
 * takes the log of 0 even when σ(z) rounds to exactly 0 or 1.
 *
 * @example
 * const trainer = createTrainer({ build: () => createLogistic({ w1: -6, w2: -6, b: 0 }, 'bce'), data, hyper, seed: 1 });
 */
export function createLogistic(p: NeuronParams, loss: BinaryLossKind): TrainableModel {
  const w = createVariable([p.w1, p.w2], [2, 1]);
  const b = createVariable([p.b], [1]);
  const variables = [w, b];
  const logits = (xs: tf.Tensor2D): tf.Tensor2D => tf.add(tf.matMul(xs, w), b);

  return {
    variables,
    predict: (xs) => tf.tidy(() => tf.sigmoid(logits(xs))),
    loss: (xs, ys) =>
      tf.tidy(() => {
        const z = logits(xs);
        if (loss === 'bce') {
          return tf.mean(tf.add(tf.sub(tf.relu(z), tf.mul(z, ys)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))))) as tf.Scalar;
        }
        return tf.mean(tf.squaredDifference(tf.sigmoid(z), ys)) as tf.Scalar;
      }),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}

/**
 * The full-data loss of a sigmoid neuron and the length of its gradient ‖(∂L/∂w1, ∂L/∂w2, ∂L/∂b)‖, in plain
 * JavaScript from weights a snapshot handed out: how steep the ground is under the weights right now.
 *
 * @example
 * const { loss, gradNorm } = logisticLossAndGradient({ w1: -6, w2: -6, b: 0 }, data, 'mse'); // gradNorm ≈ 0.015
 */
export function logisticLossAndGradient(
  p: NeuronParams,
  data: Dataset,
  kind: BinaryLossKind,
): { loss: number; grad: [number, number, number]; gradNorm: number } {
  let loss = 0;
  let g1 = 0;
  let g2 = 0;
  let gb = 0;
  for (let i = 0; i < data.n; i++) {
    const x1 = data.xs[2 * i] as number;
    const x2 = data.xs[2 * i + 1] as number;
    const z = p.w1 * x1 + p.w2 * x2 + p.b;
    const pred = 1 / (1 + Math.exp(-z));
    const y = data.ys[i] as number;
    const point = binaryLoss(kind, pred, y);
    // A saturated σ can round to exactly 0 or 1; the logit form of cross-entropy stays finite there.
    loss += kind === 'bce' ? Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))) : point.loss;
    const dz = kind === 'bce' ? pred - y : point.dLogit;
    g1 += dz * x1;
    g2 += dz * x2;
    gb += dz;
  }
  const n = Math.max(1, data.n);
  const grad: [number, number, number] = [g1 / n, g2 / n, gb / n];
  return { loss: loss / n, grad, gradNorm: Math.hypot(...grad) };
}
