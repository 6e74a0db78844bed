/**
 * The single artificial neuron of lesson 1: out = act(w1·x1 + w2·x2 + b).
 * Pure-JS helpers give the UI instant answers while a slider moves; `createNeuron` is the trainable TF.js version.
 */
import * as tf from '@tensorflow/tfjs';
import type { Dataset, TrainableModel } from '../types';
import { createVariable } from '../weights';

/**
 * The activations lesson 1 compares. 'linear' (no activation, out = z) is the one whose output is unbounded, so it
 * is where too high a learning rate visibly blows up.
 */
export type NeuronActivation = 'step' | 'sigmoid' | 'tanh' | 'relu' | 'linear';

/** The neuron's three parameters. */
export interface NeuronParams {
  w1: number;
  w2: number;
  b: number;
}

function activate(z: number, act: NeuronActivation): number {
  switch (act) {
    case 'step':
      // z = 0 counts as "on", matching decisionThreshold('step') = 0 and the TF.js predict below.
      return z >= 0 ? 1 : 0;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return z > 0 ? z : 0;
    case 'linear':
      return z;
  }
}

/**
 * Runs the neuron on one point in plain JavaScript (no tensors), for slider feedback and heatmaps.
 *
 * @example
 * neuronForward(0.5, -0.2, { w1: 1, w2: 2, b: 0.1 }, 'sigmoid'); // { z: 0.2, out: 0.5498… }
 */
export function neuronForward(
  x1: number,
  x2: number,
  p: NeuronParams,
  act: NeuronActivation,
): { z: number; out: number } {
  const z = p.w1 * x1 + p.w2 * x2 + p.b;
  return { z, out: activate(z, act) };
}

/**
 * The weighted sum z at which the neuron switches from class 0 to class 1: the decision line is
 * w1·x1 + w2·x2 + b = decisionThreshold(act). ReLU's output is 0 or more, so class 1 means relu(z) ≥ 0.5.
 *
 * @example
 * decisionThreshold('sigmoid'); // 0
 * decisionThreshold('relu');    // 0.5
 */
export function decisionThreshold(act: NeuronActivation): number {
  return act === 'relu' || act === 'linear' ? 0.5 : 0;
}

/**
 * The output value that separates the classes: class 1 ⇔ out ≥ outputThreshold(act).
 *
 * @example
 * outputThreshold('tanh'); // 0 (tanh's targets are −1 and +1)
 */
export function outputThreshold(act: NeuronActivation): number {
  return act === 'tanh' ? 0 : 0.5;
}

/**
 * The range of the neuron's output, e.g. for a colour scale.
 *
 * @example
 * outputRange('tanh'); // { min: -1, max: 1 }
 * outputRange('relu'); // { min: 0, max: Infinity }
 */
export function outputRange(act: NeuronActivation): { min: number; max: number } {
  switch (act) {
    case 'tanh':
      return { min: -1, max: 1 };
    case 'relu':
      return { min: 0, max: Infinity };
    case 'linear':
      return { min: -Infinity, max: Infinity };
    default:
      return { min: 0, max: 1 };
  }
}

/**
 * The share of a 2D dataset (labels 0/1) that the neuron puts in the right class, in plain JavaScript.
 *
 * @example
 * neuronAccuracy({ w1: 1, w2: 0, b: 0 }, 'sigmoid', data); // 0.5 … 1
 */
export function neuronAccuracy(p: NeuronParams, act: NeuronActivation, data: Dataset): number {
  const threshold = decisionThreshold(act);
  let right = 0;
  for (let i = 0; i < data.n; i++) {
    const { z } = neuronForward(data.xs[2 * i]!, data.xs[2 * i + 1]!, p, act);
    if (z >= threshold === data.ys[i]! > 0.5) right++;
  }
  return right / Math.max(1, data.n);
}

/**
 * Packs parameters in the order of the neuron's variables: [w (2×1), b (1)].
 *
 * @example
 * trainer.setWeights(neuronWeights({ w1: 1, w2: -1, b: 0 }));
 */
export function neuronWeights(p: NeuronParams): Float32Array[] {
  return [Float32Array.of(p.w1, p.w2), Float32Array.of(p.b)];
}

/**
 * Unpacks a snapshot's weights (the neuron's variables in order) into named parameters.
 *
 * @example
 * const { w1, w2, b } = neuronParamsFromWeights(snapshot.weights);
 */
export function neuronParamsFromWeights(weights: Float32Array[]): NeuronParams {
  const w = weights[0];
  const b = weights[1];
  if (!w || w.length !== 2 || !b || b.length !== 1) {
    throw new Error('Expected the neuron weights [w (2 values), b (1 value)].');
  }
  return { w1: w[0] as number, w2: w[1] as number, b: b[0] as number };
}

/**
 * Creates the trainable neuron. Its loss is the mean squared error between output and target; tanh's targets are
 * mapped to −1/+1 to match its range. The step function has zero slope everywhere (and none at 0), so gradient
 * descent could never move it: when training a step neuron the loss uses sigmoid(z) instead, a smooth stand-in
 * that crosses 0.5 at the same z = 0, so the decision line being learned is the same. `predict` still uses the
 * real step.
 *
 * @example
 * const neuron = createNeuron({ w1: 0.2, w2: -0.4, b: 0 }, 'sigmoid');
 * const trainer = createTrainer({ build: () => neuron, data, hyper, seed: 1 });
 */
export function createNeuron(p: NeuronParams, act: NeuronActivation): TrainableModel {
  const w = createVariable([p.w1, p.w2], [2, 1]);
  const b = createVariable([p.b], [1]);
  const variables = [w, b];

  const weightedSum = (xs: tf.Tensor2D): tf.Tensor2D => tf.add(tf.matMul(xs, w), b);

  const apply = (z: tf.Tensor2D, training: boolean): tf.Tensor2D => {
    switch (act) {
      case 'step':
        return training ? tf.sigmoid(z) : tf.cast(tf.greaterEqual(z, 0), 'float32');
      case 'sigmoid':
        return tf.sigmoid(z);
      case 'tanh':
        return tf.tanh(z);
      case 'relu':
        return tf.relu(z);
      case 'linear':
        return z;
    }
  };

  return {
    variables,
    predict: (xs) => tf.tidy(() => apply(weightedSum(xs), false)),
    loss: (xs, ys) =>
      tf.tidy(() => {
        const out = apply(weightedSum(xs), true);
        const target = act === 'tanh' ? tf.sub(tf.mul(ys, 2), 1) : ys;
        return tf.mean(tf.squaredDifference(out, target)) as tf.Scalar;
      }),
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
