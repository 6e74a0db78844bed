/**
 * The plain-JavaScript losses the figures draw must equal TF.js's own: values from tf.losses, slopes from tf.grad.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { softmax } from './activations';
import { binaryLoss, softmaxCrossEntropy } from './losses';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const PREDS = [0.01, 0.1, 0.35, 0.5, 0.73, 0.9, 0.99];

/** Relative closeness at float32 precision. */
function expectNear(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThan(1e-4 + 1e-4 * Math.abs(expected));
}

describe('binaryLoss equals TF.js', () => {
  it.each([0, 1])('mean squared error, label %i: value, dL/dŷ and dL/dz', (y) => {
    for (const pred of PREDS) {
      const ours = binaryLoss('mse', pred, y);
      const label = tf.tensor1d([y]);
      const value = tf.tidy(() => tf.losses.meanSquaredError(label, tf.tensor1d([pred])).arraySync() as number);
      const dPred = tf.tidy(() => tf.grad((p: tf.Tensor) => tf.losses.meanSquaredError(label, p))(tf.tensor1d([pred])).arraySync() as number[]);
      const z = Math.log(pred / (1 - pred));
      const dLogit = tf.tidy(() => tf.grad((t: tf.Tensor) => tf.losses.meanSquaredError(label, tf.sigmoid(t)))(tf.tensor1d([z])).arraySync() as number[]);
      label.dispose();
      expectNear(ours.loss, value);
      expectNear(ours.dPred, dPred[0]!);
      expectNear(ours.dLogit, dLogit[0]!);
    }
  });

  it.each([0, 1])('binary cross-entropy, label %i: value, dL/dŷ and dL/dz', (y) => {
    for (const pred of PREDS) {
      const ours = binaryLoss('bce', pred, y);
      const label = tf.tensor1d([y]);
      // epsilon 0: TF.js's logLoss otherwise adds 1e-7 inside the logs.
      const logLoss = (p: tf.Tensor) => tf.losses.logLoss(label, p, undefined, 0);
      const value = tf.tidy(() => logLoss(tf.tensor1d([pred])).arraySync() as number);
      const dPred = tf.tidy(() => tf.grad(logLoss)(tf.tensor1d([pred])).arraySync() as number[]);
      const z = Math.log(pred / (1 - pred));
      const dLogit = tf.tidy(
        () => tf.grad((t: tf.Tensor) => tf.losses.sigmoidCrossEntropy(label, t))(tf.tensor1d([z])).arraySync() as number[],
      );
      label.dispose();
      expectNear(ours.loss, value);
      expectNear(ours.dPred, dPred[0]!);
      expectNear(ours.dLogit, dLogit[0]!);
    }
  });

  it('the decisive difference: a confidently wrong sigmoid barely moves under MSE', () => {
    expect(Math.abs(binaryLoss('mse', 0.01, 1).dLogit)).toBeLessThan(0.02);
    expect(Math.abs(binaryLoss('bce', 0.01, 1).dLogit)).toBeGreaterThan(0.98);
  });
});

describe('softmax cross-entropy equals TF.js', () => {
  const cases: [number[], number][] = [
    [[2, 1, 0], 0],
    [[-1.5, 3, 0.2], 2],
    [[4, 4, -4], 1],
    [[30, -30, 0], 1],
  ];

  it.each(cases)('scores %j, right class %i', (scores, label) => {
    const ours = softmaxCrossEntropy(scores, label);
    const oneHot = tf.oneHot(tf.tensor1d([label], 'int32'), scores.length);
    const probs = tf.tidy(() => tf.softmax(tf.tensor2d([scores])).arraySync() as number[][]);
    const value = tf.tidy(() => tf.losses.softmaxCrossEntropy(oneHot, tf.tensor2d([scores])).arraySync() as number);
    const grad = tf.tidy(
      () => tf.grad((s: tf.Tensor) => tf.losses.softmaxCrossEntropy(oneHot, s))(tf.tensor2d([scores])).arraySync() as number[][],
    );
    oneHot.dispose();
    ours.probs.forEach((p, k) => expectNear(p, probs[0]![k]!));
    expectNear(ours.loss, value);
    ours.dScores.forEach((g, k) => expectNear(g, grad[0]![k]!));
    expect(softmax(scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
