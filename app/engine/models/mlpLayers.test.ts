/**
 * The per-layer read-outs must be the model's real values: the JavaScript forward pass and the TF.js layer
 * outputs are compared with model.predict, with a hand computation written here, and with finite differences.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { readWeights, writeWeights } from '../weights';
import { createMlp, type MlpActivation } from './mlp';
import { gridPoints } from '../data/grid';
import { mlpForward, mlpLayerOutputs, mlpLayerProbes, mlpSizes } from './mlpLayers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const POINTS = [
  [0.3, -0.7],
  [-0.5, 0.2],
  [0.9, 0.4],
  [-1.1, -0.6],
  [0.05, 1.15],
];

function randomWeights(sizes: number[], seed: number): Float32Array[] {
  // Larger than Glorot, with non-zero biases, so that every layer and every bias matters.
  const rng = createRng(seed);
  const out: Float32Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l] as number;
    const fanOut = sizes[l + 1] as number;
    out.push(Float32Array.from({ length: fanIn * fanOut }, () => rng.next() * 3 - 1.5));
    out.push(Float32Array.from({ length: fanOut }, () => rng.next() - 0.5));
  }
  return out;
}

describe('mlpForward (JavaScript) against the TF.js model', () => {
  for (const activation of ['tanh', 'relu', 'sigmoid', 'linear'] as MlpActivation[]) {
    it(`equals model.predict for a 2-4-3-1 ${activation} network`, async () => {
      const sizes = [2, 4, 3, 1];
      const model = createMlp({ sizes, activation, output: 'sigmoid', loss: 'bce' }, createRng(3));
      writeWeights(model, randomWeights(sizes, 11));
      const weights = await readWeights(model);
      const predicted = tf.tidy(() => model.predict(tf.tensor2d(POINTS)));
      const expected = await predicted.data();
      predicted.dispose();
      POINTS.forEach((p, k) => {
        const layers = mlpForward(weights, p, activation, 'sigmoid');
        expect(layers.map((l) => l.a.length)).toEqual([4, 3, 1]);
        expect(layers[2]!.a[0]).toBeCloseTo(expected[k]!, 5);
      });
      model.dispose();
    });
  }

  it('matches a hand computation of a 2-2-1 network', () => {
    // W1 = [[1, -2], [0.5, 3]] (row i = input i), b1 = [0.1, -0.2]; W2 = [[2], [-1]], b2 = [0.3].
    const weights = [
      Float32Array.of(1, -2, 0.5, 3),
      Float32Array.of(0.1, -0.2),
      Float32Array.of(2, -1),
      Float32Array.of(0.3),
    ];
    const [x1, x2] = [0.4, -0.3];
    const h1 = Math.tanh(1 * x1 + 0.5 * x2 + 0.1);
    const h2 = Math.tanh(-2 * x1 + 3 * x2 - 0.2);
    const y = 1 / (1 + Math.exp(-(2 * h1 - 1 * h2 + 0.3)));
    const [hidden, out] = mlpForward(weights, [x1, x2], 'tanh', 'sigmoid');
    expect(hidden!.z[0]).toBeCloseTo(1 * x1 + 0.5 * x2 + 0.1, 6);
    expect(hidden!.a[0]).toBeCloseTo(h1, 6);
    expect(hidden!.a[1]).toBeCloseTo(h2, 6);
    expect(out!.a[0]).toBeCloseTo(y, 6);
    expect(mlpSizes(weights)).toEqual([2, 2, 1]);
  });

  it('refuses weights that do not fit the input', () => {
    expect(() => mlpForward([Float32Array.of(1, 2, 3), Float32Array.of(0)], [1, 2], 'tanh', 'linear')).toThrow(/expects 3 inputs/);
    expect(() => mlpForward([Float32Array.of(1)], [1], 'tanh', 'linear')).toThrow(/pairs/);
  });
});

describe('mlpLayerOutputs (TF.js)', () => {
  it('gives every layer, the last equal to model.predict, the hidden ones equal to the JavaScript pass', async () => {
    const sizes = [2, 6, 4, 1];
    const model = createMlp({ sizes, activation: 'tanh', output: 'sigmoid', loss: 'bce' }, createRng(5));
    writeWeights(model, randomWeights(sizes, 23));
    const weights = await readWeights(model);
    const [layers, predicted] = tf.tidy(() => {
      const xs = tf.tensor2d(POINTS);
      return [mlpLayerOutputs(model.variables, xs, 'tanh', 'sigmoid'), model.predict(xs)] as const;
    });
    expect(layers.map((t) => t.shape)).toEqual([
      [5, 6],
      [5, 4],
      [5, 1],
    ]);
    const values = await Promise.all(layers.map((t) => t.data()));
    const expected = await predicted.data();
    POINTS.forEach((p, k) => {
      expect(values[2]![k]).toBeCloseTo(expected[k]!, 6);
      const js = mlpForward(weights, p, 'tanh', 'sigmoid');
      js.forEach((layer, l) => {
        const units = layer.a.length;
        for (let u = 0; u < units; u++) expect(values[l]![k * units + u]).toBeCloseTo(layer.a[u]!, 5);
      });
    });
    tf.dispose([...layers, predicted]);
    model.dispose();
  });

  it('has the slope finite differences of the JavaScript pass predict', async () => {
    // d(output)/d(input) through TF.js's autodiff of the layer outputs, against central differences of
    // mlpForward: the two paths share no code.
    const sizes = [2, 4, 4, 1];
    const weights = randomWeights(sizes, 31);
    const vars = weights.map((w, i) => tf.tensor(w, i % 2 === 0 ? [sizes[i / 2]!, sizes[i / 2 + 1]!] : [w.length]));
    const x = [0.35, -0.45];
    const grad = tf.grad((xs: tf.Tensor) => {
      const layers = mlpLayerOutputs(vars, xs as tf.Tensor2D, 'tanh', 'sigmoid');
      return tf.sum(layers[layers.length - 1]!);
    });
    const g = grad(tf.tensor2d([x]));
    const analytic = await g.data();
    const h = 1e-4;
    const f = (p: number[]) => mlpForward(weights, p, 'tanh', 'sigmoid')[2]!.a[0]!;
    const numeric = [0, 1].map((i) => {
      const plus = [...x];
      const minus = [...x];
      plus[i]! += h;
      minus[i]! -= h;
      return (f(plus) - f(minus)) / (2 * h);
    });
    expect(Math.max(...numeric.map(Math.abs))).toBeGreaterThan(1e-2);
    numeric.forEach((n, i) => expect(Math.abs(analytic[i]! - n)).toBeLessThan(2e-3 + 1e-2 * Math.abs(n)));
    tf.dispose([g, ...vars]);
  });

  it('leaves no tensors behind when used inside tidy, however often it runs', () => {
    const model = createMlp({ sizes: [2, 4, 4, 1], activation: 'relu', output: 'sigmoid', loss: 'bce' }, createRng(9));
    const xs = tf.tensor2d(POINTS);
    const run = () => tf.tidy(() => tf.concat(mlpLayerOutputs(model.variables, xs, 'relu', 'sigmoid').map((t) => t.flatten())));
    run().dispose();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) run().dispose();
    expect(tf.memory().numTensors).toBe(before);
    xs.dispose();
    model.dispose();
  });

  it('is repeatable: the same seed gives the same activations', async () => {
    const read = async () => {
      const model = createMlp({ sizes: [2, 4, 4, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' }, createRng(42));
      const t = tf.tidy(() => mlpLayerOutputs(model.variables, tf.tensor2d(POINTS), 'tanh', 'sigmoid')[0]!);
      const v = await t.data();
      t.dispose();
      model.dispose();
      return Array.from(v);
    };
    expect(await read()).toEqual(await read());
  });

  it('as a probe over a grid, names each layer and lays out each neuron\'s map point by point', async () => {
    const model = createMlp({ sizes: [2, 3, 2, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' }, createRng(8));
    const grid = gridPoints(5, -1, 1);
    const weights = await readWeights(model);
    const probes = tf.tidy(() => mlpLayerProbes(model, grid, 'tanh', 'sigmoid'));
    expect(Object.keys(probes)).toEqual(['layer1', 'layer2', 'layer3']);
    const layer2 = await probes.layer2!.data();
    const p = 7; // any grid point
    const js = mlpForward(weights, [grid[2 * p]!, grid[2 * p + 1]!], 'tanh', 'sigmoid');
    expect(layer2[p * 2 + 1]).toBeCloseTo(js[1]!.a[1]!, 5);
    tf.dispose(Object.values(probes));
    model.dispose();
  });
});
