/**
 * Gradient checks: TF.js's analytic gradients against central finite differences of a loss written here,
 * independently, in float64 JavaScript from the definitions in the brief (not from the code under test).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { TrainableModel } from '../types';
import { readWeights } from '../weights';
import { createMlp, type MlpConfig } from './mlp';
import { createNeuron, type NeuronActivation } from './neuron';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// A small batch with labels 0/1, away from activation kinks.
const X = [
  [0.3, -0.7],
  [-0.5, 0.2],
  [0.9, 0.4],
  [-0.2, -0.6],
  [0.1, 0.8],
];
const Y = [1, 0, 1, 0, 1];

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

async function analyticGradients(model: TrainableModel): Promise<Float64Array> {
  const xs = tf.tensor2d(X);
  const ys = tf.tensor2d(Y.map((y) => [y]));
  const { value, grads } = tf.variableGrads(() => model.loss(xs, ys), model.variables);
  const flat = tf.concat(model.variables.map((v) => tf.reshape(grads[v.name] as tf.Tensor, [-1])));
  const out = Float64Array.from(await flat.data());
  tf.dispose([xs, ys, value, flat, ...Object.values(grads)]);
  return out;
}

function finiteDifferences(params: Float64Array, loss: (p: Float64Array) => number): Float64Array {
  const h = 1e-5;
  return params.map((_, i) => {
    const plus = Float64Array.from(params);
    const minus = Float64Array.from(params);
    plus[i] = (plus[i] as number) + h;
    minus[i] = (minus[i] as number) - h;
    return (loss(plus) - loss(minus)) / (2 * h);
  });
}

function expectClose(analytic: Float64Array, numeric: Float64Array) {
  expect(analytic.length).toBe(numeric.length);
  // The gradients must not be trivially zero, or the comparison would prove nothing.
  expect(Math.max(...numeric.map(Math.abs))).toBeGreaterThan(1e-3);
  analytic.forEach((g, i) => {
    expect(Math.abs(g - (numeric[i] as number))).toBeLessThan(2e-4 + 2e-3 * Math.abs(numeric[i] as number));
  });
}

describe('neuron loss gradient', () => {
  // out for the loss: step trains through its sigmoid surrogate; tanh compares against −1/+1 targets.
  const lossOut: Record<NeuronActivation, (z: number) => number> = {
    step: sigmoid,
    sigmoid,
    tanh: Math.tanh,
    relu: (z) => Math.max(0, z),
    linear: (z) => z,
  };

  it.each(['sigmoid', 'tanh', 'relu', 'step', 'linear'] as NeuronActivation[])('%s matches finite differences', async (act) => {
    const model = createNeuron({ w1: 0.8, w2: -1.3, b: 0.35 }, act);
    const loss = (p: Float64Array) => {
      let sum = 0;
      X.forEach(([x1, x2], i) => {
        const z = (p[0] as number) * (x1 as number) + (p[1] as number) * (x2 as number) + (p[2] as number);
        const target = act === 'tanh' ? 2 * (Y[i] as number) - 1 : (Y[i] as number);
        sum += (lossOut[act](z) - target) ** 2;
      });
      return sum / X.length;
    };
    const params = Float64Array.from([0.8, -1.3, 0.35]);
    expectClose(await analyticGradients(model), finiteDifferences(params, loss));
    model.dispose();
  });
});

describe('MLP loss gradient', () => {
  const configs: MlpConfig[] = [
    { sizes: [2, 3, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' },
    { sizes: [2, 4, 3, 1], activation: 'sigmoid', output: 'sigmoid', loss: 'mse' },
    { sizes: [2, 3, 1], activation: 'relu', output: 'linear', loss: 'mse' },
  ];

  it.each(configs)('$activation / $output / $loss matches finite differences', async (config) => {
    const model = createMlp(config, createRng(11));
    const shapes = model.variables.map((v) => v.shape);
    const params = Float64Array.from((await readWeights(model)).flatMap((w) => [...w]));
    const act = (z: number) =>
      ({ relu: Math.max(0, z), tanh: Math.tanh(z), sigmoid: sigmoid(z), linear: z })[config.activation];

    const loss = (p: Float64Array) => {
      let total = 0;
      X.forEach((x, n) => {
        let h = x.slice();
        let offset = 0;
        for (let l = 0; l < shapes.length / 2; l++) {
          const [fanIn, fanOut] = shapes[2 * l] as [number, number];
          const bOffset = offset + fanIn * fanOut;
          const z = Array.from({ length: fanOut }, (_, j) => {
            let s = p[bOffset + j] as number;
            for (let i = 0; i < fanIn; i++) s += (h[i] as number) * (p[offset + i * fanOut + j] as number);
            return s;
          });
          offset = bOffset + fanOut;
          h = l + 1 < shapes.length / 2 ? z.map(act) : z;
        }
        const logit = h[0] as number;
        const y = Y[n] as number;
        if (config.loss === 'bce') {
          const q = sigmoid(logit);
          total += -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
        } else {
          const out = config.output === 'sigmoid' ? sigmoid(logit) : logit;
          total += (out - y) ** 2;
        }
      });
      return total / X.length;
    };
    expectClose(await analyticGradients(model), finiteDifferences(params, loss));
    model.dispose();
  });

  it('draws the same Glorot weights for the same seed, zero biases, within the Glorot limit', async () => {
    const cfg: MlpConfig = { sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' };
    const a = createMlp(cfg, createRng(3));
    const b = createMlp(cfg, createRng(3));
    const c = createMlp(cfg, createRng(4));
    const [wa, wb, wc] = await Promise.all([readWeights(a), readWeights(b), readWeights(c)]);
    expect(wa).toEqual(wb);
    expect(wa[0]).not.toEqual(wc[0]);
    expect([...(wa[1] as Float32Array)].every((v) => v === 0)).toBe(true);
    const limit = Math.sqrt(6 / (2 + 8));
    expect(Math.max(...[...(wa[0] as Float32Array)].map(Math.abs))).toBeLessThanOrEqual(limit);
    [a, b, c].forEach((m) => m.dispose());
  });
});
