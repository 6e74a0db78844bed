/**
 * The regularized network of the overfitting lesson: gradients of the penalised loss against central finite
 * differences of a forward pass written here in float64 JavaScript; dropout masks that act in training and never
 * in predict; settings read at every step; seeded repeatability; a flat tensor count.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePoints2D } from '../data/points2d';
import { createRng } from '../rng';
import { createTrainer } from '../trainer';
import { readWeights } from '../weights';
import { createRegMlp, isRegMlp, type Regularization } from './regMlp';

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
const SIZES = [2, 3, 3, 1];

/**
 * The definition: h ← tanh(h·W + b) ⊙ keep (keep already holds 1/(1 − p) for kept units), logit = h·W + b,
 * mean binary cross-entropy, plus λ·ΣW² or λ·Σ|W| over the weight matrices (not the biases).
 */
function referenceLoss(p: Float64Array, reg: Regularization, keep?: number[]): number {
  let o = 0;
  let penalty = 0;
  let k = 0;
  let h = X.map((r) => r.slice());
  for (let l = 0; l + 1 < SIZES.length; l++) {
    const fanIn = SIZES[l]!;
    const fanOut = SIZES[l + 1]!;
    const w = p.subarray(o, o + fanIn * fanOut);
    const b = p.subarray(o + fanIn * fanOut, o + fanIn * fanOut + fanOut);
    o += fanIn * fanOut + fanOut;
    for (const v of w) penalty += reg.penalty === 'l2' ? v * v : reg.penalty === 'l1' ? Math.abs(v) : 0;
    const last = l + 2 === SIZES.length;
    const scale = Array.from({ length: fanOut }, (_, j) => (last || !keep ? 1 : keep[k + j]!));
    h = h.map((r) =>
      Array.from({ length: fanOut }, (_, j) => {
        const z = r.reduce((s, v, i) => s + v * w[i * fanOut + j]!, b[j]!);
        return last ? z : Math.tanh(z) * scale[j]!;
      }),
    );
    if (!last) k += fanOut;
  }
  let total = 0;
  h.forEach((r, n) => {
    const q = 1 / (1 + Math.exp(-r[0]!));
    total += -(Y[n]! * Math.log(q) + (1 - Y[n]!) * Math.log(1 - q));
  });
  return total / X.length + reg.lambda * penalty;
}

async function gradients(loss: () => tf.Scalar, vars: tf.Variable[]) {
  const { value, grads } = tf.variableGrads(loss, vars);
  const flat = tf.concat(vars.map((v) => tf.reshape(grads[v.name] as tf.Tensor, [-1])));
  const out = { value: (await value.data())[0]!, grad: await flat.data() };
  tf.dispose([value, flat, ...Object.values(grads)]);
  return out;
}

describe('regularized MLP gradients (dropout off)', () => {
  const cases: Regularization[] = [
    { penalty: 'none', lambda: 0, dropout: 0 },
    { penalty: 'l2', lambda: 0.05, dropout: 0 },
    { penalty: 'l1', lambda: 0.05, dropout: 0 },
  ];
  it.each(cases)('penalty $penalty, λ $lambda matches finite differences', async (reg) => {
    const net = createRegMlp(SIZES, createRng(3), reg);
    const params = Float64Array.from((await readWeights(net)).flatMap((w) => [...w]));
    const xs = tf.tensor2d(X);
    const ys = tf.tensor2d(Y.map((y) => [y]));
    const { value, grad } = await gradients(() => net.loss(xs, ys), net.variables);
    expect(value).toBeCloseTo(referenceLoss(params, reg), 4);
    const h = 1e-5;
    params.forEach((v, i) => {
      const plus = Float64Array.from(params);
      const minus = Float64Array.from(params);
      plus[i] = v + h;
      minus[i] = v - h;
      const g = (referenceLoss(plus, reg) - referenceLoss(minus, reg)) / (2 * h);
      expect(Math.abs(grad[i]! - g)).toBeLessThan(2e-4 + 2e-3 * Math.abs(g));
    });
    tf.dispose([xs, ys]);
    net.dispose();
  });

  it('the L2 penalty adds 2λW to each weight gradient and nothing to the biases', async () => {
    const live: Regularization = { penalty: 'none', lambda: 0.1, dropout: 0 };
    const net = createRegMlp(SIZES, createRng(4), () => live);
    const params = (await readWeights(net)).flatMap((w) => [...w]);
    const xs = tf.tensor2d(X);
    const ys = tf.tensor2d(Y.map((y) => [y]));
    const plain = await gradients(() => net.loss(xs, ys), net.variables);
    live.penalty = 'l2'; // no rebuild: the next loss reads the new setting
    const l2 = await gradients(() => net.loss(xs, ys), net.variables);
    const isBias = net.variables.flatMap((v, i) => Array.from({ length: v.size }, () => i % 2 === 1));
    params.forEach((w, i) => {
      const expected = isBias[i] ? 0 : 2 * 0.1 * w;
      expect(l2.grad[i]! - plain.grad[i]!).toBeCloseTo(expected, 5);
    });
    tf.dispose([xs, ys]);
    net.dispose();
  });
});

describe('dropout', () => {
  it('masks hidden units in training, scaled by 1/(1 − p), and never in predict', async () => {
    const live: Regularization = { penalty: 'none', lambda: 0, dropout: 0.5 };
    const net = createRegMlp(SIZES, createRng(9), () => live);
    const params = Float64Array.from((await readWeights(net)).flatMap((w) => [...w]));
    const xs = tf.tensor2d(X);
    const ys = tf.tensor2d(Y.map((y) => [y]));
    const masks: number[][] = [];
    for (let s = 0; s < 20; s++) {
      const loss = net.loss(xs, ys);
      const mask = [...net.lastMask()];
      masks.push(mask);
      expect(mask.length).toBe(6);
      // The training loss is the forward pass with exactly this mask applied, kept units scaled by 2.
      expect((await loss.data())[0]).toBeCloseTo(referenceLoss(params, live, mask.map((m) => m * 2)), 4);
      loss.dispose();
    }
    const dropped = masks.flat().filter((m) => m === 0).length;
    expect(dropped).toBeGreaterThan(30); // about half of 120 draws
    expect(dropped).toBeLessThan(90);
    expect(new Set(masks.map((m) => m.join(''))).size).toBeGreaterThan(5); // a fresh mask each step

    // predict and dataLoss see every unit: they equal the unmasked reference and do not change between calls.
    const p1 = await net.predict(xs).data();
    const p2 = await net.predict(xs).data();
    expect([...p1]).toEqual([...p2]);
    const clean = net.dataLoss(xs, ys);
    expect((await clean.data())[0]).toBeCloseTo(referenceLoss(params, { penalty: 'none', lambda: 0, dropout: 0 }), 4);

    // Turning dropout off takes effect at the next step: the mask is all ones again.
    live.dropout = 0;
    net.loss(xs, ys).dispose();
    expect([...net.lastMask()]).toEqual([1, 1, 1, 1, 1, 1]);
    tf.dispose([xs, ys, clean]);
    net.dispose();
  });

  it('rejects a dropout rate of 1 and a negative λ', () => {
    const net = createRegMlp(SIZES, createRng(1), { penalty: 'l2', lambda: -1, dropout: 0 });
    const xs = tf.tensor2d(X);
    const ys = tf.tensor2d(Y.map((y) => [y]));
    expect(() => net.loss(xs, ys)).toThrow(/λ/);
    net.setRegularization({ penalty: 'none', lambda: 0, dropout: 1 });
    expect(() => net.loss(xs, ys)).toThrow(/dropout/);
    tf.dispose([xs, ys]);
    net.dispose();
  });
});

describe('training', () => {
  const data = makePoints2D('xor', { n: 30, noise: 0.8, seed: 2 });
  const reg: Regularization = { penalty: 'l2', lambda: 0.001, dropout: 0.3 };
  const run = async () => {
    let masks = '';
    const trainer = createTrainer({
      build: (rng) => createRegMlp([2, 8, 8, 1], rng, reg),
      data,
      hyper: { learningRate: 0.01, batchSize: 30, optimizer: 'adam' },
      seed: 7,
      probes: (m) => ({ mask: tf.tensor1d(isRegMlp(m) ? m.lastMask() : []) }),
    });
    await trainer.ready;
    for (let i = 0; i < 5; i++) {
      await trainer.step('batch');
      masks += [...trainer.snapshot!.probes.mask!].join('');
    }
    const weights = trainer.snapshot!.weights.map((w) => [...w]);
    trainer.dispose();
    return { masks, weights };
  };

  it('is repeatable with the same seed, dropout masks included', async () => {
    const a = await run();
    const b = await run();
    expect(a.masks).toContain('0');
    expect(a.masks).toBe(b.masks);
    expect(a.weights).toEqual(b.weights);
  });

  it('keeps the tensor count flat while training with a penalty and dropout', async () => {
    const net = createRegMlp([2, 8, 8, 1], createRng(1), reg);
    const opt = tf.train.adam(0.01);
    const xs = tf.tensor2d(data.xs, [data.n, 2]);
    const ys = tf.tensor2d(data.ys, [data.n, 1]);
    const step = () => tf.tidy(() => void opt.minimize(() => net.loss(xs, ys), false, net.variables));
    step(); // Adam creates its moment variables on the first step
    const before = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) step();
    tf.tidy(() => {
      net.predict(xs);
      net.dataLoss(xs, ys);
      net.penalty();
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([xs, ys]);
    opt.dispose();
    net.dispose();
  });

  it('a strong L2 penalty shrinks the weights', async () => {
    const train = async (lambda: number) => {
      const net = createRegMlp([2, 8, 8, 1], createRng(1), { penalty: 'l2', lambda, dropout: 0 });
      const opt = tf.train.adam(0.02);
      const xs = tf.tensor2d(data.xs, [data.n, 2]);
      const ys = tf.tensor2d(data.ys, [data.n, 1]);
      for (let i = 0; i < 200; i++) tf.tidy(() => void opt.minimize(() => net.loss(xs, ys), false, net.variables));
      const w = await readWeights(net);
      const norm = w.filter((_, i) => i % 2 === 0).reduce((s, a) => s + a.reduce((t, v) => t + v * v, 0), 0);
      tf.dispose([xs, ys]);
      opt.dispose();
      net.dispose();
      return norm;
    };
    expect(await train(0.05)).toBeLessThan((await train(0)) * 0.5);
  });
});
