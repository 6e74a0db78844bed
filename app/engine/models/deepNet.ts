/**
 * A deep, narrow network for the vanishing-gradient lesson, built from tf.Variables so every layer's gradient can
 * be measured. Each of the three classic fixes is an option: the activation (ReLU instead of sigmoid), batch
 * normalization, and residual (skip) connections.
 *
 *   x ─▶ z = x·W₁ + b₁ ─▶ [layer 2] ─▶ … ─▶ [layer depth] ─▶ logit ─▶ binary cross-entropy
 *   layer l:  z ─▶ (batch norm: (z − mean)/std · γ + β) ─▶ act ─▶ ·Wₗ + bₗ ─▶ (+ z, when residual) ─▶ z
 *
 * Without the fixes this is the plain MLP act(…act(x·W₁ + b₁)·W₂ + b₂…)·W_depth + b_depth, written with each
 * activation at the start of the next layer ("pre-activation" order). That order lets a skip connection add
 * z + f(z) without the constant offset a sigmoid's output would pile up layer after layer.
 * "depth" counts the dense layers, input and output included; the skip goes around every layer whose input and
 * output widths match (all but the first and the last).
 *
 * Batch norm normalizes each unit with its mean and variance over the batch. To predict, a trained network
 * normally uses averages of those statistics; this one, given the training inputs as `reference`, uses their
 * exact statistics instead, so the heatmap shows what the network computes on the training data.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import type { TrainableModel } from '../types';
import { createVariable } from '../weights';

/** Activation of every hidden layer. */
export type DeepActivation = 'sigmoid' | 'tanh' | 'relu';

/** The network's shape and which fixes are switched on. */
export interface DeepNetConfig {
  /** Dense layers, input and output layers included (2–10). */
  depth: number;
  /** Units in every hidden layer. */
  width: number;
  activation: DeepActivation;
  /** Batch normalization before every hidden activation (after the first dense layer, up to the output). */
  normalize: boolean;
  /** Residual (skip) connections z + f(z) around every layer whose input and output widths match. */
  residual: boolean;
  /** Input features (default 2). */
  inputDim?: number;
}

/** A deep network that also knows which variable is each layer's weight matrix. */
export interface DeepNet extends TrainableModel {
  readonly config: Readonly<DeepNetConfig>;
  /** Each dense layer's weight matrix, input layer first: its gradient is what the lesson plots. */
  readonly layerWeights: readonly tf.Variable[];
}

/** Small constant in batch norm's denominator, so a unit that is constant over the batch does not divide by zero. */
export const BATCH_NORM_EPSILON = 1e-5;

function act(z: tf.Tensor2D, a: DeepActivation): tf.Tensor2D {
  if (a === 'relu') return tf.relu(z);
  if (a === 'tanh') return tf.tanh(z);
  return tf.sigmoid(z);
}

/**
 * Creates the network with seeded weights: Glorot-uniform for sigmoid and tanh, He-uniform for ReLU (the
 * initialisation each activation is normally paired with), zero biases, γ = 1 and β = 0.
 * Variables, per hidden layer: W, then b (no normalization) or γ and β (with it, where β plays the bias's part);
 * the output layer always has W and b.
 *
 * @example
 * const net = createDeepNet({ depth: 10, width: 8, activation: 'sigmoid', normalize: false, residual: false },
 *   createRng(1));
 * const sizes = tf.tidy(() => layerGradientSizes(net, xs, ys)); // one number per layer, input first
 */
export function createDeepNet(config: DeepNetConfig, rng: Rng, { reference }: { reference?: Float32Array } = {}): DeepNet {
  const { depth, width, activation, normalize, residual } = config;
  const inputDim = config.inputDim ?? 2;
  if (!Number.isInteger(depth) || depth < 2 || depth > 10) throw new Error(`depth must be 2 to 10 (got ${depth}).`);
  if (!Number.isInteger(width) || width < 1) throw new Error(`width must be a positive whole number (got ${width}).`);

  const variables: tf.Variable[] = [];
  const layerWeights: tf.Variable[] = [];
  const biases: tf.Variable[] = [];
  const norms: { gamma: tf.Variable; beta: tf.Variable }[] = [];
  for (let l = 0; l < depth; l++) {
    const fanIn = l === 0 ? inputDim : width;
    const fanOut = l === depth - 1 ? 1 : width;
    // A layer fed by ReLU units gets He's wider range, since ReLU zeroes half of its inputs on average.
    const limit = activation === 'relu' && l > 0 ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
    const values = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < values.length; i++) values[i] = (rng.next() * 2 - 1) * limit;
    const w = createVariable(values, [fanIn, fanOut]);
    const b = createVariable(new Float32Array(fanOut), [fanOut]);
    variables.push(w, b);
    layerWeights.push(w);
    biases.push(b);
    if (normalize && l < depth - 1) {
      const gamma = createVariable(new Float32Array(fanOut).fill(1), [fanOut]);
      const beta = createVariable(new Float32Array(fanOut), [fanOut]);
      variables.push(gamma, beta);
      norms.push({ gamma, beta });
    }
  }

  /**
   * The output before its sigmoid. Batch norm takes each unit's mean and variance over the first `statRows` rows
   * (all of them in training; the training inputs placed in front when predicting).
   */
  const logits = (xs: tf.Tensor2D, statRows = xs.shape[0]): tf.Tensor2D => {
    let z = tf.add(tf.matMul(xs, layerWeights[0]!), biases[0]!) as tf.Tensor2D;
    for (let l = 1; l < depth; l++) {
      let pre = z;
      const norm = norms[l - 1];
      if (norm) {
        const rows = statRows === z.shape[0] ? z : tf.slice(z, [0, 0], [statRows, -1]);
        const { mean, variance } = tf.moments(rows, 0);
        const normed = tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, BATCH_NORM_EPSILON)));
        pre = tf.add(tf.mul(normed, norm.gamma), norm.beta) as tf.Tensor2D;
      }
      const next = tf.add(tf.matMul(act(pre, activation), layerWeights[l]!), biases[l]!) as tf.Tensor2D;
      // Hidden-to-hidden layers keep the width, so the old value can ride along unchanged: z + f(z).
      z = residual && l < depth - 1 ? tf.add(z, next) : next;
    }
    return z;
  };

  return {
    config: { ...config, inputDim },
    variables,
    layerWeights,
    predict: (xs) =>
      tf.tidy(() => {
        if (!normalize || !reference) return tf.sigmoid(logits(xs));
        // Batch norm at prediction time: statistics of the training inputs, computed alongside and sliced off.
        const n = reference.length / inputDim;
        const z = logits(tf.concat([tf.tensor2d(reference, [n, inputDim]), xs]), n);
        return tf.sigmoid(tf.slice(z, [n, 0], [-1, -1]));
      }),
    loss: (xs, ys) =>
      tf.tidy(() => {
        const z = logits(xs);
        // Binary cross-entropy from logits in its stable form: mean(max(z, 0) − z·y + log(1 + e^−|z|)).
        return tf.mean(tf.add(tf.sub(tf.relu(z), tf.mul(z, ys)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))))) as tf.Scalar;
      }),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}

/** True for models made by {@link createDeepNet}. */
export function isDeepNet(model: TrainableModel): model is DeepNet {
  return 'layerWeights' in model;
}

/**
 * How big each layer's gradient is: the root mean square of ∂loss/∂W over the entries of that layer's weight
 * matrix, on the batch (xs, ys), input layer first. A 1-D tensor of length `depth`; call inside tf.tidy.
 * The root mean square (rather than the plain norm) makes layers with more weights comparable with smaller ones.
 *
 * @example
 * const trainer = createTrainer({ ..., probes: (m) => ({ grads: layerGradientSizes(m as DeepNet, xs, ys) }) });
 */
export function layerGradientSizes(net: DeepNet, xs: tf.Tensor2D, ys: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => net.loss(xs, ys), [...net.layerWeights]);
    value.dispose();
    return tf.stack(net.layerWeights.map((w) => tf.sqrt(tf.mean(tf.square(grads[w.name] as tf.Tensor))))) as tf.Tensor1D;
  });
}
