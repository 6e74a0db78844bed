/**
 * The deep network of the vanishing-gradient lesson: its gradients against central finite differences of a
 * forward pass written here, independently, in float64 JavaScript; seeded repeatability; a flat tensor count;
 * and the lesson's claim itself: in a deep sigmoid network the first layer's gradient is tiny next to the
 * last layer's, and ReLU, batch norm and skip connections each lift it.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePoints2D } from '../data/points2d';
import { createRng } from '../rng';
import { createTrainer } from '../trainer';
import { readWeights } from '../weights';
import { createDeepNet, isDeepNet, layerGradientSizes, type DeepNetConfig } from './deepNet';

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

const f64 = {
  sigmoid: (z: number) => 1 / (1 + Math.exp(-z)),
  tanh: Math.tanh,
  relu: (z: number) => Math.max(0, z),
};

/**
 * The network from its definition: z₁ = xW₁ + b₁; then z ← [z +] act(norm(z))Wₗ + bₗ, the skip only between
 * hidden layers; norm = batch norm over the rows, (z − mean)/√(var + 1e-5)·γ + β; binary cross-entropy on the
 * final z. Parameters are read in the model's variable order: W, b, (γ, β) per layer.
 */
function referenceLoss(cfg: DeepNetConfig, p: Float64Array): number {
  const { depth, width } = cfg;
  const a = f64[cfg.activation];
  let o = 0;
  const take = (n: number) => {
    const out = p.subarray(o, o + n);
    o += n;
    return out;
  };
  const dense = (rows: number[][], fanIn: number, fanOut: number) => {
    const w = take(fanIn * fanOut);
    const b = take(fanOut);
    return rows.map((r) =>
      Array.from({ length: fanOut }, (_, j) => r.reduce((s, v, i) => s + v * (w[i * fanOut + j] as number), b[j] as number)),
    );
  };
  let z = dense(X, 2, width);
  for (let l = 1; l < depth; l++) {
    let pre = z;
    if (cfg.normalize) {
      const gamma = take(width);
      const beta = take(width);
      pre = z.map((r) => r.slice());
      for (let j = 0; j < width; j++) {
        const col = z.map((r) => r[j] as number);
        const mean = col.reduce((s, v) => s + v, 0) / col.length;
        const variance = col.reduce((s, v) => s + (v - mean) ** 2, 0) / col.length;
        pre.forEach((r, n) => {
          r[j] = (((col[n] as number) - mean) / Math.sqrt(variance + 1e-5)) * (gamma[j] as number) + (beta[j] as number);
        });
      }
    }
    const next = dense(pre.map((r) => r.map(a)), width, l === depth - 1 ? 1 : width);
    z = cfg.residual && l < depth - 1 ? z.map((r, n) => r.map((v, j) => v + (next[n]![j] as number))) : next;
  }
  let total = 0;
  z.forEach((r, n) => {
    const q = f64.sigmoid(r[0] as number);
    const y = Y[n] as number;
    total += -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
  });
  return total / X.length;
}

const base: DeepNetConfig = { depth: 4, width: 3, activation: 'sigmoid', normalize: false, residual: false };

describe('deep network gradients', () => {
  const configs: DeepNetConfig[] = [
    base,
    { ...base, activation: 'tanh' },
    { ...base, activation: 'relu' },
    { ...base, normalize: true },
    { ...base, residual: true },
    { ...base, activation: 'relu', normalize: true, residual: true },
    { ...base, depth: 2 },
  ];

  it.each(configs)(
    'depth $depth, $activation, normalize $normalize, residual $residual matches finite differences',
    async (cfg) => {
      const net = createDeepNet(cfg, createRng(5));
      const params = Float64Array.from((await readWeights(net)).flatMap((w) => [...w]));
      const xs = tf.tensor2d(X);
      const ys = tf.tensor2d(Y.map((y) => [y]));
      const { value, grads } = tf.variableGrads(() => net.loss(xs, ys), net.variables);
      const flat = tf.concat(net.variables.map((v) => tf.reshape(grads[v.name] as tf.Tensor, [-1])));
      const analytic = await flat.data();
      // The model's loss itself agrees with the reference forward pass.
      expect((await value.data())[0]).toBeCloseTo(referenceLoss(cfg, params), 4);
      tf.dispose([xs, ys, value, flat, ...Object.values(grads)]);

      const h = 1e-5;
      const numeric = params.map((_, i) => {
        const plus = Float64Array.from(params);
        const minus = Float64Array.from(params);
        plus[i] = (plus[i] as number) + h;
        minus[i] = (minus[i] as number) - h;
        return (referenceLoss(cfg, plus) - referenceLoss(cfg, minus)) / (2 * h);
      });
      expect(analytic.length).toBe(numeric.length);
      expect(Math.max(...numeric.map(Math.abs))).toBeGreaterThan(1e-3);
      numeric.forEach((g, i) => {
        expect(Math.abs((analytic[i] as number) - g)).toBeLessThan(2e-4 + 2e-3 * Math.abs(g));
      });
      net.dispose();
    },
  );

  it('layerGradientSizes is the root mean square of each weight matrix gradient, input layer first', async () => {
    const cfg = { ...base, depth: 3 };
    const net = createDeepNet(cfg, createRng(2));
    const xs = tf.tensor2d(X);
    const ys = tf.tensor2d(Y.map((y) => [y]));
    const sizes = await tf.tidy(() => layerGradientSizes(net, xs, ys)).data();
    const params = Float64Array.from((await readWeights(net)).flatMap((w) => [...w]));
    // Weight matrices sit at offsets 0 (2×3), 2·3+3 (3×3) and 9+3+9+3… computed from the shapes.
    const shapes = net.variables.map((v) => v.size);
    const starts = shapes.map((_, i) => shapes.slice(0, i).reduce((s, n) => s + n, 0));
    const weightVars = [0, 2, 4];
    weightVars.forEach((vi, layer) => {
      let sumSq = 0;
      for (let k = 0; k < (shapes[vi] as number); k++) {
        const i = (starts[vi] as number) + k;
        const plus = Float64Array.from(params);
        const minus = Float64Array.from(params);
        plus[i] = (plus[i] as number) + 1e-5;
        minus[i] = (minus[i] as number) - 1e-5;
        sumSq += ((referenceLoss(cfg, plus) - referenceLoss(cfg, minus)) / 2e-5) ** 2;
      }
      const rms = Math.sqrt(sumSq / (shapes[vi] as number));
      expect(sizes[layer]).toBeCloseTo(rms, 4);
    });
    tf.dispose([xs, ys]);
    net.dispose();
  });
});

describe('deep network behaviour', () => {
  it('draws the same weights for the same seed and different ones for another', async () => {
    const cfg = { ...base, depth: 6, width: 5 };
    const [a, b, c] = [createDeepNet(cfg, createRng(9)), createDeepNet(cfg, createRng(9)), createDeepNet(cfg, createRng(10))];
    const [wa, wb, wc] = await Promise.all([readWeights(a), readWeights(b), readWeights(c)]);
    expect(wa).toEqual(wb);
    expect(wa[0]).not.toEqual(wc[0]);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('predicts with batch norm statistics of the training inputs, so one point does not depend on its batch', async () => {
    const cfg = { ...base, normalize: true };
    const reference = Float32Array.from(X.flat());
    const net = createDeepNet(cfg, createRng(4), { reference });
    const xs = tf.tensor2d(X);
    const ys = tf.tensor2d(Y.map((y) => [y]));
    // On the training inputs themselves, prediction equals the training-mode output.
    const predicted = await net.predict(xs).data();
    const loss = await net.loss(xs, ys).data();
    let bce = 0;
    predicted.forEach((q, n) => (bce += -((Y[n] as number) * Math.log(q) + (1 - (Y[n] as number)) * Math.log(1 - q))));
    expect(bce / X.length).toBeCloseTo(loss[0] as number, 5);
    // A point predicted alone or next to others gets the same answer.
    const alone = await net.predict(tf.tensor2d([[0.2, 0.1]])).data();
    const together = await net.predict(tf.tensor2d([[0.2, 0.1], [5, -5]])).data();
    expect(together[0]).toBeCloseTo(alone[0] as number, 6);
    tf.dispose([xs, ys]);
    net.dispose();
  });

  it('repeats a seeded training run exactly, and keeps the tensor count flat with the gradient probe', async () => {
    const data = makePoints2D('circle', { n: 60, noise: 0.1, seed: 1 });
    const cfg: DeepNetConfig = { depth: 6, width: 6, activation: 'relu', normalize: true, residual: true };
    const run = async () => {
      const t = createTrainer({
        build: (rng) => createDeepNet(cfg, rng, { reference: data.xs }),
        data,
        hyper: { learningRate: 0.03, batchSize: 10, optimizer: 'momentum' },
        seed: 3,
        probes: (m) => {
          const xs = tf.tensor2d(data.xs, [data.n, 2]);
          const ys = tf.tensor2d(data.ys, [data.n, 1]);
          return { grads: isDeepNet(m) ? layerGradientSizes(m, xs, ys) : tf.zeros([1]) };
        },
      });
      await t.ready;
      await t.step('batch'); // momentum creates its per-weight state on the first step
      const baseline = tf.memory().numTensors;
      for (let i = 0; i < 40; i++) await t.step('batch');
      expect(tf.memory().numTensors).toBe(baseline);
      const out = { losses: Array.from(t.losses.toArrays().ys), grads: Array.from(t.snapshot!.probes.grads!) };
      t.dispose();
      return out;
    };
    const first = await run();
    const second = await run();
    expect(first.grads).toHaveLength(6);
    expect(first.grads.every((g) => g > 0 && Number.isFinite(g))).toBe(true);
    expect(second).toEqual(first);
  });

  describe('the lesson’s claim at initialisation (depth 10, width 8, circle data)', () => {
    const data = makePoints2D('circle', { n: 200, noise: 0.1, seed: 1 });
    const sigmoid10: DeepNetConfig = { depth: 10, width: 8, activation: 'sigmoid', normalize: false, residual: false };

    async function sizes(cfg: DeepNetConfig, seed: number): Promise<Float32Array> {
      const net = createDeepNet(cfg, createRng(seed), { reference: data.xs });
      const out = tf.tidy(() =>
        layerGradientSizes(net, tf.tensor2d(data.xs, [data.n, 2]), tf.tensor2d(data.ys, [data.n, 1])),
      );
      const values = (await out.data()) as Float32Array;
      out.dispose();
      net.dispose();
      return values;
    }
    const ratio = (g: Float32Array) => (g[0] as number) / (g[g.length - 1] as number);

    it.each([1, 2, 3])('sigmoid: the first layer gets under 1/10,000 of the last layer’s gradient (seed %i)', async (seed) => {
      const g = await sizes(sigmoid10, seed);
      expect(ratio(g)).toBeLessThan(1e-4);
      // And it shrinks on the way back: each hidden layer gets less than the layer after it.
      for (let l = 0; l + 2 < g.length; l++) expect(g[l]).toBeLessThan(g[l + 1] as number);
    });

    it.each([
      ['ReLU', { activation: 'relu' }],
      ['batch norm', { normalize: true }],
      ['skip connections', { residual: true }],
    ] as const)('%s lifts the first layer’s share at least 100-fold', async (_name, fix) => {
      for (const seed of [1, 2, 3]) {
        const before = ratio(await sizes(sigmoid10, seed));
        const after = ratio(await sizes({ ...sigmoid10, ...fix }, seed));
        expect(after).toBeGreaterThan(100 * before);
        expect(after).toBeGreaterThan(1e-2);
      }
    });
  });
});
