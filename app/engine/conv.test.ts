import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { conv2dValid, convOutputSize, windowAt, type Grid } from './conv';
import { createRng } from './rng';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function randomGrid(rows: number, cols: number, seed: number): Grid {
  const rng = createRng(seed);
  return { rows, cols, values: Float32Array.from({ length: rows * cols }, () => rng.next() * 2 - 1) };
}

describe('conv2dValid', () => {
  it('matches tf.conv2d (valid padding, stride 1) on random images and kernels', () => {
    for (const [rows, cols, k, seed] of [[28, 28, 3, 1], [9, 13, 5, 2], [4, 4, 1, 3], [5, 7, 3, 4]] as const) {
      const image = randomGrid(rows, cols, seed);
      const kernel = randomGrid(k, k, seed + 100).values;
      const ours = conv2dValid(image, kernel, k);
      const theirs = tf.tidy(() =>
        tf.conv2d(tf.tensor4d(image.values, [1, rows, cols, 1]), tf.tensor4d(kernel, [k, k, 1, 1]), 1, 'valid').dataSync(),
      );
      expect(ours.rows).toBe(rows - k + 1);
      expect(ours.cols).toBe(cols - k + 1);
      expect(ours.values.length).toBe(theirs.length);
      for (let i = 0; i < theirs.length; i++) expect(ours.values[i]).toBeCloseTo(theirs[i]!, 4);
    }
  });

  it('does not flip the kernel (cross-correlation), as deep learning libraries do', () => {
    const image = { rows: 3, cols: 3, values: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]) };
    expect(Array.from(conv2dValid(image, [1, 0, 0, 0], 2).values)).toEqual([1, 2, 4, 5]);
    expect(Array.from(conv2dValid(image, [1, 0, 0, -1], 2).values)).toEqual([-4, -4, -4, -4]);
  });

  it('leaves an image unchanged under the identity kernel, apart from the lost border', () => {
    const image = randomGrid(6, 6, 7);
    const out = conv2dValid(image, [0, 0, 0, 0, 1, 0, 0, 0, 0], 3);
    for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) expect(out.values[r * 4 + c]).toBe(image.values[(r + 1) * 6 + c + 1]);
  });

  it('rejects a kernel of the wrong length or one larger than the image', () => {
    expect(() => conv2dValid(randomGrid(5, 5, 1), [1, 2, 3], 3)).toThrow(/9 numbers/);
    expect(() => conv2dValid(randomGrid(2, 2, 1), new Array(9).fill(0), 3)).toThrow(/does not fit/);
  });

  it('windowAt returns the numbers the output cell multiplies', () => {
    const image = randomGrid(8, 8, 9);
    const kernel = randomGrid(3, 3, 10).values;
    const out = conv2dValid(image, kernel, 3);
    const w = windowAt(image, 2, 4, 3);
    expect(w.reduce((s, x, i) => s + x * kernel[i]!, 0)).toBeCloseTo(out.values[2 * 6 + 4]!, 5);
  });
});

describe('convOutputSize', () => {
  it('gives ⌊(n + 2p − k)/s⌋ + 1, and agrees with tf.conv2d shapes', () => {
    expect(convOutputSize(28, 3, 0, 1)).toEqual({ size: 26, leftover: 0, fits: true });
    expect(convOutputSize(28, 3, 1, 1)).toEqual({ size: 28, leftover: 0, fits: true });
    expect(convOutputSize(28, 5, 2, 2)).toEqual({ size: 14, leftover: 1, fits: true });
    expect(convOutputSize(7, 3, 0, 2)).toEqual({ size: 3, leftover: 0, fits: true });
    for (const [n, k, p, s] of [[7, 3, 0, 3], [10, 4, 0, 3], [9, 2, 0, 2]] as const) {
      const shape = tf.tidy(() => tf.conv2d(tf.zeros([1, n + 2 * p, n + 2 * p, 1]) as tf.Tensor4D, tf.zeros([k, k, 1, 1]) as tf.Tensor4D, s, 'valid').shape);
      expect(convOutputSize(n, k, p, s).size).toBe(shape[1]);
    }
  });

  it('reports the cells a stride that does not fit evenly skips', () => {
    expect(convOutputSize(7, 3, 0, 3)).toEqual({ size: 2, leftover: 1, fits: true });
    expect(convOutputSize(8, 3, 0, 2).leftover).toBe(1);
  });

  it('says when the kernel is larger than the padded input, and rejects nonsense', () => {
    expect(convOutputSize(2, 5, 1, 1)).toEqual({ size: 0, leftover: 0, fits: false });
    expect(convOutputSize(2, 5, 2, 1).fits).toBe(true);
    expect(() => convOutputSize(5, 3, 0, 0)).toThrow();
    expect(() => convOutputSize(5.5, 3, 0, 1)).toThrow();
  });
});
