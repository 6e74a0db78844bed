/**
 * The backpropagation figure's numbers: TF.js's gradients against central finite differences of the network's
 * loss written here independently in float64, the chain-rule products the figure prints against those gradients,
 * and the SGD update against w − η·g.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKPROP_START, backpropStep, type BackpropParams } from './backprop';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const X: [number, number] = [1, 0.5];
const Y = 1;
const LR = 0.5;

// Flatten in a fixed order: w11 w12 w21 w22 b1 b2 v1 v2 c.
const flat = (p: BackpropParams) => [p.w[0][0], p.w[0][1], p.w[1][0], p.w[1][1], p.b[0], p.b[1], p.v[0], p.v[1], p.c];

function lossOf(q: number[]): number {
  const [w11, w12, w21, w22, b1, b2, v1, v2, c] = q as [number, number, number, number, number, number, number, number, number];
  const h1 = Math.tanh(w11 * X[0] + w12 * X[1] + b1);
  const h2 = Math.tanh(w21 * X[0] + w22 * X[1] + b2);
  const yhat = 1 / (1 + Math.exp(-(v1 * h1 + v2 * h2 + c)));
  return (yhat - Y) ** 2;
}

describe('backpropStep', () => {
  it('gives gradients that match finite differences', async () => {
    const step = await backpropStep(BACKPROP_START, X, Y, LR);
    const q = flat(BACKPROP_START);
    const h = 1e-5;
    const numeric = q.map((_, i) => {
      const plus = [...q];
      const minus = [...q];
      plus[i]! += h;
      minus[i]! -= h;
      return (lossOf(plus) - lossOf(minus)) / (2 * h);
    });
    expect(Math.min(...numeric.map(Math.abs))).toBeGreaterThan(1e-3); // every gradient is far from zero
    flat(step.grads).forEach((g, i) => expect(g).toBeCloseTo(numeric[i]!, 4));
    expect(step.loss).toBeCloseTo(lossOf(q), 6);
  });

  it('prints chain-rule products that multiply out to TF.js’s gradients', async () => {
    const s = await backpropStep(BACKPROP_START, X, Y, LR);
    const delta2 = s.dLdyhat * s.dyhatdz2; // ∂L/∂z₂
    expect(s.grads.c).toBeCloseTo(delta2, 6);
    for (const j of [0, 1] as const) {
      expect(s.grads.v[j]).toBeCloseTo(delta2 * s.h[j], 6);
      const delta1 = delta2 * BACKPROP_START.v[j] * s.dhdz1[j]; // ∂L/∂z₁ⱼ
      expect(s.grads.b[j]).toBeCloseTo(delta1, 6);
      for (const k of [0, 1] as const) expect(s.grads.w[j][k]).toBeCloseTo(delta1 * X[k], 6);
    }
    // The local slopes are the textbook ones.
    expect(s.dLdyhat).toBeCloseTo(2 * (s.yhat - Y), 6);
    expect(s.dyhatdz2).toBeCloseTo(s.yhat * (1 - s.yhat), 6);
    expect(s.dhdz1[0]).toBeCloseTo(1 - s.h[0] ** 2, 6);
  });

  it('updates every parameter by w − η·∂L/∂w, lowers the loss, and leaves no tensors', async () => {
    await backpropStep(BACKPROP_START, X, Y, LR); // warm up any lazily created tensors
    const before = tf.memory().numTensors;
    const s = await backpropStep(BACKPROP_START, X, Y, LR);
    expect(tf.memory().numTensors).toBe(before);
    const g = flat(s.grads);
    flat(s.next).forEach((w, i) => expect(w).toBeCloseTo(flat(BACKPROP_START)[i]! - LR * g[i]!, 6));
    expect(lossOf(flat(s.next))).toBeLessThan(s.loss);
    const again = await backpropStep(BACKPROP_START, X, Y, LR);
    expect(flat(again.next)).toEqual(flat(s.next));
  });
});
