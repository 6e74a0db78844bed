/**
 * Looking inside an MLP made by `createMlp`: every layer's activations, not just the output.
 *
 * Two ways, which must agree:
 * - `mlpLayerOutputs` runs in TF.js on the model's own variables (for a whole grid of inputs at once, as a
 *   Trainer probe, so every neuron's heatmap comes back in the same read as the weights);
 * - `mlpForward` runs in plain JavaScript on weights read back in a snapshot (for the one input point the
 *   reader is pointing at, instantly, with no device round trip).
 *
 * Weights are laid out as `createMlp` makes them: [W1, b1, W2, b2, …], W of shape [in, out] (row-major, so
 * W[i * out + j] connects input i to unit j) and b of shape [out].
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainableModel } from '../types';
import type { MlpActivation } from './mlp';

function activate(x: tf.Tensor2D, act: MlpActivation | 'sigmoid' | 'linear'): tf.Tensor2D {
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
 * Every layer's activations for a batch of inputs, computed with TF.js: one [n, units] tensor per layer after
 * the input, the last being the network's output (equal to `model.predict(xs)`). Call it inside `tf.tidy`.
 *
 * @example
 * const trainer = createTrainer({
 *   build: (rng) => createMlp({ sizes: [2, 4, 4, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' }, rng),
 *   probes: (m) => {
 *     const layers = mlpLayerOutputs(m.variables, tf.tensor2d(grid, [grid.length / 2, 2]), 'tanh', 'sigmoid');
 *     return Object.fromEntries(layers.map((t, l) => [`layer${l + 1}`, t]));
 *   },
 *   …
 * });
 */
export function mlpLayerOutputs(
  variables: readonly tf.Tensor[],
  xs: tf.Tensor2D,
  activation: MlpActivation,
  output: 'sigmoid' | 'linear',
): tf.Tensor2D[] {
  if (variables.length === 0 || variables.length % 2 !== 0) {
    throw new Error(`Expected weights and biases in pairs [W1, b1, …] (got ${variables.length} variables).`);
  }
  const layers = variables.length / 2;
  const outs: tf.Tensor2D[] = [];
  let h = xs;
  for (let l = 0; l < layers; l++) {
    const z = tf.add(tf.matMul(h, variables[2 * l] as tf.Tensor2D), variables[2 * l + 1] as tf.Tensor) as tf.Tensor2D;
    h = activate(z, l + 1 < layers ? activation : output);
    outs.push(h);
  }
  return outs;
}

/**
 * A Trainer probe: every layer's activations at `points` (flat [x0, y0, x1, y1, …], e.g. from `gridPoints`),
 * named "layer1" (the first hidden layer) … "layerN" (the output). Each is [points, units], point by point, so
 * unit u's value at point p is probes.layerL[p * units + u]. Called inside the Trainer's tidy.
 *
 * @example
 * const grid = gridPoints(40, -1.2, 1.2);
 * createTrainer({ …, probes: (m) => mlpLayerProbes(m, grid, 'tanh', 'sigmoid') });
 * // then, in a snapshot: snapshot.probes.layer1 holds every first-layer neuron's map
 */
export function mlpLayerProbes(
  model: Pick<TrainableModel, 'variables'>,
  points: Float32Array,
  activation: MlpActivation,
  output: 'sigmoid' | 'linear',
): Record<string, tf.Tensor> {
  const xs = tf.tensor2d(points, [points.length / 2, 2]);
  const layers = mlpLayerOutputs(model.variables, xs, activation, output);
  return Object.fromEntries(layers.map((t, l) => [`layer${l + 1}`, t]));
}

/** One layer of a forward pass in plain numbers. */
export interface LayerValues {
  /** Weighted sums z = W·a + b, one per unit. */
  z: Float32Array;
  /** Activations a = f(z), one per unit. */
  a: Float32Array;
}

function scalarActivation(act: MlpActivation | 'sigmoid' | 'linear'): (z: number) => number {
  switch (act) {
    case 'relu':
      return (z) => (z > 0 ? z : 0);
    case 'tanh':
      return Math.tanh;
    case 'sigmoid':
      return (z) => 1 / (1 + Math.exp(-z));
    case 'linear':
      return (z) => z;
  }
}

/**
 * The forward pass for one input, in plain JavaScript, from weights as a snapshot holds them. Returns one entry
 * per layer after the input (hidden layers, then the output), each with its weighted sums and activations.
 *
 * @example
 * const layers = mlpForward(snapshot.weights, [0.5, -0.2], 'tanh', 'sigmoid');
 * layers[0].a; // what the first hidden layer's neurons output for the point (0.5, −0.2)
 * layers.at(-1).a[0]; // the network's prediction, the same as model.predict gives
 */
export function mlpForward(
  weights: readonly Float32Array[],
  input: ArrayLike<number>,
  activation: MlpActivation,
  output: 'sigmoid' | 'linear',
): LayerValues[] {
  if (weights.length === 0 || weights.length % 2 !== 0) {
    throw new Error(`Expected weights and biases in pairs [W1, b1, …] (got ${weights.length} arrays).`);
  }
  const layers = weights.length / 2;
  const out: LayerValues[] = [];
  let prev: ArrayLike<number> = input;
  for (let l = 0; l < layers; l++) {
    const w = weights[2 * l] as Float32Array;
    const b = weights[2 * l + 1] as Float32Array;
    const units = b.length;
    const fanIn = w.length / units;
    if (fanIn !== prev.length) {
      throw new Error(`Layer ${l + 1} expects ${fanIn} inputs but the layer before it has ${prev.length} values.`);
    }
    const f = scalarActivation(l + 1 < layers ? activation : output);
    const z = new Float32Array(units);
    const a = new Float32Array(units);
    for (let j = 0; j < units; j++) {
      let sum = b[j] as number;
      for (let i = 0; i < fanIn; i++) sum += (w[i * units + j] as number) * (prev[i] as number);
      z[j] = sum;
      a[j] = f(sum);
    }
    out.push({ z, a });
    prev = a;
  }
  return out;
}

/**
 * Layer sizes, input first, read from weights laid out as `createMlp` makes them.
 *
 * @example
 * mlpSizes(snapshot.weights); // [2, 4, 4, 1]
 */
export function mlpSizes(weights: readonly Float32Array[]): number[] {
  const sizes: number[] = [];
  for (let l = 0; 2 * l + 1 < weights.length; l++) {
    const units = (weights[2 * l + 1] as Float32Array).length;
    if (l === 0) sizes.push((weights[0] as Float32Array).length / units);
    sizes.push(units);
  }
  return sizes;
}
