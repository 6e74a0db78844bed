/**
 * A fully connected network (multi-layer perceptron) built directly from tf.Variables, so the trainer can run a
 * hand-written optimiser loop (PITFALLS: 20–40% faster than model.fit here) and read every weight back.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import type { TrainableModel } from '../types';
import { createVariable } from '../weights';

/** Hidden-layer activation. */
export type MlpActivation = 'relu' | 'tanh' | 'sigmoid' | 'linear';

/** The network's shape and objective. */
export interface MlpConfig {
  /** Units per layer, input first: [2, 8, 8, 1] is 2 inputs, two hidden layers of 8, one output. */
  sizes: number[];
  /** Activation of every hidden layer. */
  activation: MlpActivation;
  /** Output activation: 'sigmoid' for a probability, 'linear' for regression. */
  output: 'sigmoid' | 'linear';
  /** 'mse' = mean squared error; 'bce' = binary cross-entropy (needs output 'sigmoid'). */
  loss: 'mse' | 'bce';
}

function hidden(x: tf.Tensor2D, act: MlpActivation): tf.Tensor2D {
  switch (act) {
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'linear':
      return x;
  }
}

/**
 * Creates an MLP with Glorot-uniform weights drawn from `rng` (so a seed fixes the starting point) and zero
 * biases. Variables are [W1, b1, W2, b2, …] with W of shape [in, out] and b of shape [out].
 * With 'bce' the loss is computed from the pre-sigmoid logits, the numerically stable form that never takes
 * log(0) when a prediction saturates.
 *
 * @example
 * const model = createMlp({ sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' },
 *   createRng(1));
 */
export function createMlp(config: MlpConfig, rng: Rng): TrainableModel {
  const { sizes, activation, output, loss } = config;
  if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new Error(`An MLP needs at least an input and an output size, all whole and positive (got [${sizes}]).`);
  }
  if (loss === 'bce' && output !== 'sigmoid') {
    throw new Error('Binary cross-entropy needs a sigmoid output (probabilities between 0 and 1).');
  }
  const variables: tf.Variable[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l] as number;
    const fanOut = sizes[l + 1] as number;
    // Glorot/Xavier uniform: keeps the variance of activations roughly constant from layer to layer.
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const w = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < w.length; i++) w[i] = (rng.next() * 2 - 1) * limit;
    variables.push(createVariable(w, [fanIn, fanOut]), createVariable(new Float32Array(fanOut), [fanOut]));
  }

  /** The output layer before its activation. */
  const logits = (xs: tf.Tensor2D): tf.Tensor2D => {
    let h: tf.Tensor2D = xs;
    const layers = variables.length / 2;
    for (let l = 0; l < layers; l++) {
      const z = tf.add(tf.matMul(h, variables[2 * l] as tf.Variable), variables[2 * l + 1] as tf.Variable);
      h = l + 1 < layers ? hidden(z as tf.Tensor2D, activation) : (z as tf.Tensor2D);
    }
    return h;
  };

  return {
    variables,
    predict: (xs) =>
      tf.tidy(() => {
        const z = logits(xs);
        return output === 'sigmoid' ? tf.sigmoid(z) : z;
      }),
    loss: (xs, ys) =>
      tf.tidy(() => {
        const z = logits(xs);
        if (loss === 'bce') {
          // mean(max(z, 0) − z·y + log(1 + e^−|z|)) equals −mean(y·log σ(z) + (1 − y)·log(1 − σ(z))).
          return tf.mean(
            tf.add(tf.sub(tf.relu(z), tf.mul(z, ys)), tf.log1p(tf.exp(tf.neg(tf.abs(z))))),
          ) as tf.Scalar;
        }
        const out = output === 'sigmoid' ? tf.sigmoid(z) : z;
        return tf.mean(tf.squaredDifference(out, ys)) as tf.Scalar;
      }),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
