import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Grid } from './conv';
import { pool2d, poolOutputSize, poolWindow, relu } from './pool';
import { createRng } from './rng';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function randomGrid(rows: number, cols: number, seed: number): Grid {
  const rng = createRng(seed);
  return { rows, cols, values: Float32Array.from({ length: rows * cols }, () => rng.next() * 2 - 1) };
}

// [rows, cols, window, stride]: even tilings, strides that leave cells over, windows that overlap, non-square maps.
const CASES = [
  [26, 26, 2, 2],
  [26, 26, 3, 3],
  [28, 28, 3, 2],
  [28, 28, 2, 3],
  [7, 9, 2, 3],
  [5, 5, 3, 3],
  [6, 4, 3, 1],
  [4, 4, 4, 2],
] as const;

describe('pool2d', () => {
  it('equals tf.maxPool and tf.avgPool (valid padding), also when the stride does not divide evenly', () => {
    CASES.forEach(([rows, cols, size, stride], seed) => {
      const map = randomGrid(rows, cols, seed + 1);
      for (const mode of ['max', 'average'] as const) {
        const ours = pool2d(map, mode, size, stride);
        const theirs = tf.tidy(() => {
          const x = tf.tensor4d(map.values, [1, rows, cols, 1]);
          const y = mode === 'max' ? tf.maxPool(x, size, stride, 'valid') : tf.avgPool(x, size, stride, 'valid');
          return { shape: y.shape, values: y.dataSync() };
        });
        expect([ours.rows, ours.cols], `${mode} ${rows}×${cols} k${size} s${stride}`).toEqual([theirs.shape[1], theirs.shape[2]]);
        expect(ours.values.length).toBe(theirs.values.length);
        for (let i = 0; i < theirs.values.length; i++) expect(ours.values[i]).toBeCloseTo(theirs.values[i]!, 5);
      }
    });
  });

  it('names the cell that won each max window, as tf.maxPoolWithArgmax does', () => {
    CASES.forEach(([rows, cols, size, stride], seed) => {
      const map = randomGrid(rows, cols, seed + 50);
      const ours = pool2d(map, 'max', size, stride);
      const indexes = tf.tidy(() => {
        const { indexes } = tf.maxPoolWithArgmax(tf.tensor4d(map.values, [1, rows, cols, 1]), size, stride, 'valid');
        return Array.from(indexes!.dataSync());
      });
      expect(Array.from(ours.winners!)).toEqual(indexes);
      // And the winner holds the window's value, and lies inside the window.
      for (let r = 0; r < ours.rows; r++) {
        for (let c = 0; c < ours.cols; c++) {
          const at = ours.winners![r * ours.cols + c]!;
          expect(map.values[at]).toBe(ours.values[r * ours.cols + c]);
          expect(poolWindow(map, r, c, size, stride)).toContain(at);
        }
      }
    });
  });

  it('averages the window it shows: the sum of poolWindow’s cells over their count', () => {
    const map = randomGrid(9, 9, 3);
    const out = pool2d(map, 'average', 3, 2);
    const cells = poolWindow(map, 2, 1, 3, 2);
    expect(cells).toHaveLength(9);
    expect(cells.reduce((s, i) => s + map.values[i]!, 0) / 9).toBeCloseTo(out.values[2 * out.cols + 1]!, 6);
  });

  it('takes the first cell in reading order on a tie, and has no winners for average pooling', () => {
    const map = { rows: 2, cols: 2, values: Float32Array.from([0, 1, 1, 0]) };
    expect(Array.from(pool2d(map, 'max', 2, 2).winners!)).toEqual([1]);
    expect(pool2d(map, 'average', 2, 2).winners).toBeNull();
  });

  it('rejects a window larger than the map', () => {
    expect(() => pool2d(randomGrid(2, 5, 1), 'max', 3, 1)).toThrow(/does not fit/);
  });
});

describe('poolOutputSize and poolWindow', () => {
  it('gives ⌊(n − k)/s⌋ + 1 and the cells left over', () => {
    expect(poolOutputSize(26, 2, 2)).toEqual({ size: 13, leftover: 0, fits: true });
    expect(poolOutputSize(26, 3, 3)).toEqual({ size: 8, leftover: 2, fits: true });
    expect(poolOutputSize(28, 3, 3)).toEqual({ size: 9, leftover: 1, fits: true });
    expect(poolOutputSize(2, 3, 2).fits).toBe(false);
  });

  it('lists the window’s cells row by row', () => {
    expect(poolWindow({ cols: 4 }, 1, 0, 2, 2)).toEqual([8, 9, 12, 13]);
    expect(poolWindow({ cols: 5 }, 0, 1, 3, 2)).toEqual([2, 3, 4, 7, 8, 9, 12, 13, 14]);
  });
});

describe('relu', () => {
  it('equals tf.relu', () => {
    const map = randomGrid(5, 6, 9);
    const theirs = tf.tidy(() => tf.relu(tf.tensor1d(map.values)).dataSync());
    expect(Array.from(relu(map).values)).toEqual(Array.from(theirs));
  });
});
