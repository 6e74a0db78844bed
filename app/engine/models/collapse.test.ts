import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { readWeights, writeWeights } from '../weights';
import { collapseLinearMlp } from './collapse';
import { createMlp } from './mlp';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SIZES = [2, 8, 8, 8, 1];
const XS = [
  [0.3, -0.7],
  [-0.9, 0.2],
  [1.1, 1.0],
  [0, 0],
  [-0.4, -1.2],
];

describe('collapseLinearMlp', () => {
  it('gives the same outputs as the all-linear TF.js network it came from', async () => {
    const model = createMlp({ sizes: SIZES, activation: 'linear', output: 'sigmoid', loss: 'bce' }, createRng(11));
    // Give the biases non-zero values too, so they are part of the check.
    const weights = await readWeights(model);
    weights.forEach((arr, i) => {
      if (i % 2 === 1) arr.forEach((_, j) => (arr[j] = 0.1 * (j + 1) - 0.3));
    });
    writeWeights(model, weights);
    const xs = tf.tensor2d(XS);
    const pred = model.predict(xs);
    const tfOut = Array.from(await pred.data());
    tf.dispose([xs, pred]);

    const { w, b, inputs, outputs } = collapseLinearMlp(weights, SIZES);
    expect([inputs, outputs]).toEqual([2, 1]);
    XS.forEach(([x1, x2], i) => {
      const z = x1! * w[0]! + x2! * w[1]! + b[0]!;
      expect(1 / (1 + Math.exp(-z))).toBeCloseTo(tfOut[i]!, 5);
    });
    model.dispose();
  });

  it('does not describe a ReLU network (the collapse needs linear layers)', async () => {
    const model = createMlp({ sizes: SIZES, activation: 'relu', output: 'sigmoid', loss: 'bce' }, createRng(11));
    const weights = await readWeights(model);
    const xs = tf.tensor2d(XS);
    const pred = model.predict(xs);
    const tfOut = Array.from(await pred.data());
    tf.dispose([xs, pred]);
    const { w, b } = collapseLinearMlp(weights, SIZES);
    const gaps = XS.map(([x1, x2], i) => Math.abs(1 / (1 + Math.exp(-(x1! * w[0]! + x2! * w[1]! + b[0]!))) - tfOut[i]!));
    expect(Math.max(...gaps)).toBeGreaterThan(1e-3);
    model.dispose();
  });

  it('rejects weights that do not match the sizes', () => {
    expect(() => collapseLinearMlp([new Float32Array(4)], SIZES)).toThrow(/Expected 8/);
  });
});
