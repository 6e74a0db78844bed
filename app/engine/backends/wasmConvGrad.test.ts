// The wasm convolution gradients against the cpu backend's own kernels, and against a finite difference, in Node
// (the wasm backend runs there too, from its package's .wasm files).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { registerWasmConvGradients } from './wasmConvGrad';

type Pad = 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];
interface Case {
  name: string;
  x: [number, number, number, number];
  k: number;
  co: number;
  stride: number;
  pad: Pad;
}

const cases: Case[] = [
  { name: '5×5 same, 1 → 8 channels', x: [3, 12, 12, 1], k: 5, co: 8, stride: 1, pad: 'same' },
  { name: '5×5 same, 8 → 16 channels', x: [2, 7, 9, 8], k: 5, co: 16, stride: 1, pad: 'same' },
  { name: '3×3 valid', x: [2, 10, 8, 3], k: 3, co: 4, stride: 1, pad: 'valid' },
  { name: '4×4 same (uneven padding)', x: [2, 9, 9, 2], k: 4, co: 3, stride: 1, pad: 'same' },
  { name: 'explicit padding', x: [1, 8, 8, 2], k: 3, co: 2, stride: 1, pad: [[0, 0], [2, 0], [1, 2], [0, 0]] },
  { name: 'stride 2, same', x: [2, 11, 11, 2], k: 3, co: 4, stride: 2, pad: 'same' },
  { name: 'stride 2, valid (rows the forward pass never read)', x: [2, 12, 10, 2], k: 3, co: 4, stride: 2, pad: 'valid' },
  { name: 'stride 3, 5×5 same', x: [1, 14, 14, 3], k: 5, co: 2, stride: 3, pad: 'same' },
];

function random(shape: number[], seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.next() * 2 - 1);
}

/** Gradients of Σ r ⊙ conv2d(x, w) with respect to x and w, on the current backend. */
function gradients(c: Case) {
  const w = random([c.k, c.k, c.x[3], c.co], 2);
  const xv = random(c.x, 1);
  return tf.tidy(() => {
    const x = tf.tensor4d(xv, c.x);
    const filter = tf.tensor4d(w, [c.k, c.k, c.x[3], c.co]);
    const outShape = tf.conv2d(x, filter, c.stride, c.pad).shape;
    const r = tf.tensor(random(outShape, 3), outShape);
    const [dx, dw] = tf.grads((a, b) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad), r)))([
      x,
      filter,
    ]);
    return { dx: dx!.dataSync(), dw: dw!.dataSync() };
  });
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

beforeAll(async () => {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  registerWasmConvGradients();
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('wasm convolution gradients', () => {
  it('wasm has no filter gradient of its own (what this module exists for)', () => {
    // If a TF.js upgrade brings one, registerWasmConvGradients keeps it: this test then says to re-measure.
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')?.kernelFunc.name).toBe('filterGradient');
  });

  for (const c of cases) {
    it(`equal the cpu backend's: ${c.name}`, async () => {
      await tf.setBackend('cpu');
      const cpu = gradients(c);
      await tf.setBackend('wasm');
      const before = tf.memory().numTensors;
      const wasm = gradients(c);
      expect(tf.memory().numTensors).toBe(before);
      expect(maxDiff(wasm.dw, cpu.dw)).toBeLessThan(1e-4);
      expect(maxDiff(wasm.dx, cpu.dx)).toBeLessThan(1e-4);
    });
  }

  it('match a central finite difference of the loss (wasm)', async () => {
    await tf.setBackend('wasm');
    const c = cases[0]!;
    const { dw, dx } = gradients(c);
    const w = random([c.k, c.k, c.x[3], c.co], 2);
    const xv = random(c.x, 1);
    const outShape = [c.x[0], c.x[1], c.x[2], c.co];
    const r = random(outShape, 3);
    const loss = (xs: Float32Array, ws: Float32Array) =>
      tf.tidy(() =>
        tf
          .sum(
            tf.mul(
              tf.conv2d(tf.tensor4d(xs, c.x), tf.tensor4d(ws, [c.k, c.k, c.x[3], c.co]), 1, c.pad),
              tf.tensor(r, outShape),
            ),
          )
          .dataSync()[0]!,
      );
    const h = 1e-2; // the loss is linear in each argument, so the central difference is exact up to rounding
    for (const i of [0, 7, 55, w.length - 1]) {
      const up = w.slice();
      const down = w.slice();
      up[i]! += h;
      down[i]! -= h;
      expect(dw[i]).toBeCloseTo((loss(xv, up) - loss(xv, down)) / (2 * h), 2);
    }
    for (const i of [0, 100, xv.length - 1]) {
      const up = xv.slice();
      const down = xv.slice();
      up[i]! += h;
      down[i]! -= h;
      expect(dx[i]).toBeCloseTo((loss(up, w) - loss(down, w)) / (2 * h), 2);
    }
  });
});
