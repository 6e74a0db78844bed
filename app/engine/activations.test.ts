/**
 * The JavaScript activations the figure draws must be the ones TF.js runs: values against TF.js's ops, slopes
 * against TF.js's gradients (tf.grad), and both against definitions written here independently (float64 formulas
 * and central finite differences).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  activationCurve,
  activationSlope,
  activationValue,
  softmax,
  softmaxSlope,
  type ScalarActivation,
} from './activations';
import { activationTf } from './activationsTf';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const NAMES: ScalarActivation[] = ['relu', 'leaky-relu', 'sigmoid', 'tanh', 'gelu'];
// Includes the kink (0), both tails and points where sigmoid and tanh saturate.
const XS = [-8, -4, -2.5, -1, -0.3, -0.01, 0, 0.01, 0.3, 1, 2.5, 4, 8];

async function tfValuesAndSlopes(name: ScalarActivation, xs: number[]) {
  const x = tf.tensor1d(xs);
  const y = activationTf(name, x);
  // The gradient of Σ f(x_i) with respect to x is the vector of f′(x_i): TF.js's own backward pass.
  const g = tf.grad((t: tf.Tensor) => activationTf(name, t).sum())(x);
  const [values, slopes] = [Array.from(await y.data()), Array.from(await g.data())];
  tf.dispose([x, y, g]);
  return { values, slopes };
}

// Independent float64 definitions, straight from the textbook formulas.
const reference: Record<ScalarActivation, (x: number) => number> = {
  relu: (x) => (x > 0 ? x : 0),
  'leaky-relu': (x) => (x > 0 ? x : 0.1 * x),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: (x) => (Math.exp(x) - Math.exp(-x)) / (Math.exp(x) + Math.exp(-x)),
  // GELU = x·Φ(x); Φ by numerically integrating the normal density (Simpson's rule), no erf approximation.
  gelu: (x) => x * normalCdfBySimpson(x),
};

function normalCdfBySimpson(x: number): number {
  const a = -12;
  const n = 4000;
  const h = (x - a) / n;
  const pdf = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  let s = pdf(a) + pdf(x);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * pdf(a + i * h);
  return (s * h) / 3;
}

describe('scalar activations', () => {
  for (const name of NAMES) {
    it(`${name}: JavaScript values and slopes match TF.js's ops and gradients`, async () => {
      const { values, slopes } = await tfValuesAndSlopes(name, XS);
      XS.forEach((x, i) => {
        expect(activationValue(name, x)).toBeCloseTo(values[i]!, 5);
        expect(activationSlope(name, x)).toBeCloseTo(slopes[i]!, 5);
      });
    });

    it(`${name}: values match the textbook formula and slopes match finite differences`, () => {
      const f = reference[name];
      const h = 1e-4;
      for (const x of XS) {
        if (x === 0 && (name === 'relu' || name === 'leaky-relu')) continue; // no derivative at the kink
        expect(activationValue(name, x)).toBeCloseTo(f(x), 6);
        expect(activationSlope(name, x)).toBeCloseTo((f(x + h) - f(x - h)) / (2 * h), 5);
      }
    });
  }

  it('ReLU is dead for negative inputs and saturating functions are flat in their tails', () => {
    expect(activationSlope('relu', -3)).toBe(0);
    expect(activationSlope('leaky-relu', -3)).toBeCloseTo(0.1, 10);
    expect(activationSlope('sigmoid', 8)).toBeLessThan(0.001);
    expect(activationSlope('tanh', -8)).toBeLessThan(0.001);
    expect(activationSlope('sigmoid', 0)).toBeCloseTo(0.25, 10);
  });

  it('samples a curve evenly from lo to hi', () => {
    const c = activationCurve('tanh', -4, 4, 5);
    expect(Array.from(c.xs)).toEqual([-4, -2, 0, 2, 4]);
    expect(c.ys[2]).toBe(0);
    expect(c.slopes[2]).toBe(1);
  });

  it('leaves no tensors behind', async () => {
    await tfValuesAndSlopes('gelu', XS);
    const before = tf.memory().numTensors;
    for (const name of NAMES) await tfValuesAndSlopes(name, XS);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('softmax', () => {
  const cases: { z: number[]; t: number }[] = [
    { z: [2, 1, 0], t: 1 },
    { z: [-1, 3, 0.5], t: 0.3 },
    { z: [4, 4, -4], t: 3 },
    { z: [100, 0, -100], t: 1 }, // would overflow exp without the max shift
  ];

  it('gives positive probabilities that sum to 1 and match tf.softmax', async () => {
    for (const { z, t } of cases) {
      const p = softmax(z, t);
      expect(p.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
      const y = tf.tidy(() => tf.softmax(tf.div(tf.tensor1d(z), t)));
      const expected = Array.from(await y.data());
      y.dispose();
      p.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
    }
  });

  it('slopes match TF.js gradients and finite differences', async () => {
    for (const { z, t } of cases.slice(0, 3)) {
      for (let i = 0; i < 3; i++) {
        const zt = tf.tensor1d(z);
        const g = tf.grad((v: tf.Tensor) => tf.softmax(tf.div(v, t)).slice([i], [1]).sum())(zt);
        const tfRow = Array.from(await g.data());
        tf.dispose([zt, g]);
        for (let j = 0; j < 3; j++) {
          expect(softmaxSlope(z, i, j, t)).toBeCloseTo(tfRow[j]!, 5);
          const h = 1e-5;
          const up = [...z];
          const down = [...z];
          up[j]! += h;
          down[j]! -= h;
          const pUp = Math.exp(up[i]! / t) / up.reduce((a, v) => a + Math.exp(v / t), 0);
          const pDown = Math.exp(down[i]! / t) / down.reduce((a, v) => a + Math.exp(v / t), 0);
          expect(softmaxSlope(z, i, j, t)).toBeCloseTo((pUp - pDown) / (2 * h), 6);
        }
      }
    }
  });

  it('temperature sharpens or flattens', () => {
    const z = [2, 1, 0];
    expect(softmax(z, 0.2)[0]).toBeGreaterThan(0.99);
    expect(Math.max(...softmax(z, 100)) - Math.min(...softmax(z, 100))).toBeLessThan(0.02);
  });
});
