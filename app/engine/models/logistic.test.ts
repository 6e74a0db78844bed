/**
 * The loss-comparison neuron: TF.js gradients against central finite differences of losses written here from
 * their definitions; the JS gradient read-out against TF.js; seeded repeatability; flat tensor counts.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePoints2D } from '../data/points2d';
import { createTrainer } from '../trainer';
import type { BinaryLossKind } from '../losses';
import { createLogistic, logisticLossAndGradient } from './logistic';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const X = [
  [0.3, -0.7],
  [-0.5, 0.2],
  [0.9, 0.4],
  [-0.2, -0.6],
  [0.1, 0.8],
];
const Y = [1, 0, 1, 0, 1];
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function definitionLoss(kind: BinaryLossKind, [w1, w2, b]: number[]): number {
  let sum = 0;
  X.forEach(([x1, x2], i) => {
    const q = sigmoid(w1! * x1! + w2! * x2! + b!);
    const y = Y[i]!;
    sum += kind === 'mse' ? (q - y) ** 2 : -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
  });
  return sum / X.length;
}

function finiteDifferences(kind: BinaryLossKind, params: number[]): number[] {
  const h = 1e-5;
  return params.map((_, i) => {
    const plus = params.slice();
    const minus = params.slice();
    plus[i]! += h;
    minus[i]! -= h;
    return (definitionLoss(kind, plus) - definitionLoss(kind, minus)) / (2 * h);
  });
}

async function tfGradients(kind: BinaryLossKind, params: number[]) {
  const model = createLogistic({ w1: params[0]!, w2: params[1]!, b: params[2]! }, kind);
  const xs = tf.tensor2d(X);
  const ys = tf.tensor2d(Y.map((y) => [y]));
  const { value, grads } = tf.variableGrads(() => model.loss(xs, ys), model.variables);
  const flat = tf.concat(model.variables.map((v) => tf.reshape(grads[v.name] as tf.Tensor, [-1])));
  const out = { loss: (await value.data())[0]!, grad: [...(await flat.data())] };
  tf.dispose([xs, ys, value, flat, ...Object.values(grads)]);
  model.dispose();
  return out;
}

describe('createLogistic', () => {
  // A moderate start and a saturated, confidently wrong one (where the two losses differ most).
  const starts = [
    [0.8, -1.3, 0.35],
    [-6, -6, 0.5],
  ];

  it.each(['mse', 'bce'] as BinaryLossKind[])('%s: loss and gradient match the definition', async (kind) => {
    for (const params of starts) {
      const { loss, grad } = await tfGradients(kind, params);
      const numeric = finiteDifferences(kind, params);
      expect(Math.max(...numeric.map(Math.abs))).toBeGreaterThan(1e-3);
      expect(loss).toBeCloseTo(definitionLoss(kind, params), 4);
      grad.forEach((g, i) => expect(Math.abs(g - numeric[i]!)).toBeLessThan(2e-4 + 2e-3 * Math.abs(numeric[i]!)));
    }
  });

  it('cross-entropy stays finite where the sigmoid rounds to exactly 0 or 1', async () => {
    const { loss, grad } = await tfGradients('bce', [-60, -60, 0]);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeGreaterThan(10);
    grad.forEach((g) => expect(Number.isFinite(g)).toBe(true));
  });

  it('saturated and wrong, the cross-entropy slope is far larger than the squared-error one', async () => {
    const mse = await tfGradients('mse', [-6, -6, 0.5]);
    const bce = await tfGradients('bce', [-6, -6, 0.5]);
    expect(Math.hypot(...bce.grad)).toBeGreaterThan(10 * Math.hypot(...mse.grad));
  });
});

describe('logisticLossAndGradient', () => {
  const data = makePoints2D('blobs', { n: 40, noise: 0.35, seed: 3 });

  it.each(['mse', 'bce'] as BinaryLossKind[])('%s equals TF.js on the whole dataset', async (kind) => {
    const p = { w1: -2.5, w2: 1.5, b: 0.3 };
    const model = createLogistic(p, kind);
    const xs = tf.tensor2d(data.xs, [data.n, 2]);
    const ys = tf.tensor2d(data.ys, [data.n, 1]);
    const { value, grads } = tf.variableGrads(() => model.loss(xs, ys), model.variables);
    const tfGrad = [...(await grads[model.variables[0]!.name]!.data()), ...(await grads[model.variables[1]!.name]!.data())];
    const ours = logisticLossAndGradient(p, data, kind);
    expect(ours.loss).toBeCloseTo((await value.data())[0]!, 4);
    ours.grad.forEach((g, i) => expect(g).toBeCloseTo(tfGrad[i]!, 4));
    expect(ours.gradNorm).toBeCloseTo(Math.hypot(...tfGrad), 4);
    tf.dispose([xs, ys, value, ...Object.values(grads)]);
    model.dispose();
  });
});

describe('training the two side by side', () => {
  const data = makePoints2D('blobs', { n: 100, noise: 0.35, seed: 7 });
  const start = { w1: -6, w2: -6, b: 0 };
  const make = (loss: BinaryLossKind) =>
    createTrainer({
      build: () => createLogistic(start, loss),
      data,
      hyper: { learningRate: 1, batchSize: 100, optimizer: 'sgd' },
      seed: 7,
    });

  it('repeats with the same seed, keeps the tensor count flat, and cross-entropy escapes first', async () => {
    const [a, b, mse] = [make('bce'), make('bce'), make('mse')];
    await Promise.all([a.ready, b.ready, mse.ready]);
    for (let i = 0; i < 3; i++) await Promise.all([a.step('batch'), b.step('batch'), mse.step('batch')]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 37; i++) await Promise.all([a.step('batch'), b.step('batch'), mse.step('batch')]);
    expect(tf.memory().numTensors).toBe(before);
    expect(a.snapshot?.weights).toEqual(b.snapshot?.weights);

    const accuracy = (w: Float32Array[]) => {
      let right = 0;
      for (let i = 0; i < data.n; i++) {
        const z = w[0]![0]! * data.xs[2 * i]! + w[0]![1]! * data.xs[2 * i + 1]! + w[1]![0]!;
        if (z >= 0 === data.ys[i]! > 0.5) right++;
      }
      return right / data.n;
    };
    // After 40 full-data steps cross-entropy has turned the line around; squared error is still stuck.
    expect(accuracy(a.snapshot!.weights)).toBeGreaterThan(0.9);
    expect(accuracy(mse.snapshot!.weights)).toBeLessThan(0.5);
    [a, b, mse].forEach((t) => t.dispose());
  });
});
