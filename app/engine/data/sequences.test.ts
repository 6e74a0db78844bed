import { describe, expect, it } from 'vitest';
import { readRecall, recallDataset, RECALL_KEYS, RECALL_SYMBOLS, sineDataset, sineSeries, SINE_PERIODS } from './sequences';

describe('recallDataset', () => {
  it('is seeded: the same seed gives the same sequences, another seed others', () => {
    const a = recallDataset({ n: 50, length: 12, seed: 3 });
    const b = recallDataset({ n: 50, length: 12, seed: 3 });
    const c = recallDataset({ n: 50, length: 12, seed: 4 });
    expect(Array.from(a.symbols)).toEqual(Array.from(b.symbols));
    expect(Array.from(a.symbols)).not.toEqual(Array.from(c.symbols));
  });

  it('asks for the first letter: a key a–d, then letters a–h, one-hot, with the key as the answer', () => {
    const length = 20;
    const d = recallDataset({ n: 400, length, seed: 1 });
    const v = RECALL_SYMBOLS.length;
    expect(d.inputDim).toBe(length * v);
    expect(d.outputDim).toBe(RECALL_KEYS);
    const keyCounts = new Array(RECALL_KEYS).fill(0);
    const letterCounts = new Array(v).fill(0);
    for (let i = 0; i < d.n; i++) {
      const key = d.keys[i]!;
      keyCounts[key]++;
      expect(d.symbols[i * length]).toBe(key);
      expect(Array.from(d.ys.subarray(i * RECALL_KEYS, (i + 1) * RECALL_KEYS))).toEqual([0, 1, 2, 3].map((k) => (k === key ? 1 : 0)));
      for (let t = 0; t < length; t++) {
        const s = d.symbols[i * length + t]!;
        if (t > 0) letterCounts[s]++;
        const row = Array.from(d.xs.subarray((i * length + t) * v, (i * length + t + 1) * v));
        expect(row.indexOf(1)).toBe(s);
        expect(row.reduce((a, b) => a + b, 0)).toBe(1);
      }
    }
    // Every key and every letter turns up: the answer cannot be read off anything but the first symbol.
    expect(keyCounts.every((c) => c > 60)).toBe(true);
    expect(letterCounts.every((c) => c > 700)).toBe(true);
  });

  it('refuses lengths outside the lessons’ range', () => {
    expect(() => recallDataset({ n: 1, length: 1, seed: 1 })).toThrow(/2 to 60 symbols/);
    expect(() => recallDataset({ n: 1, length: 61, seed: 1 })).toThrow(/got 61/);
  });
});

describe('readRecall', () => {
  it('raises the key, ignores spaces, and lists what it dropped', () => {
    expect(readRecall('C ab ba hh')).toEqual({ symbols: [2, 0, 1, 1, 0, 7, 7], dropped: [], problem: null });
    expect(readRecall('xDx9a')).toEqual({ symbols: [3, 0], dropped: ['x', '9'], problem: null });
    // The first letter must be a key: e–h before it are dropped.
    expect(readRecall('eb').symbols).toEqual([1]);
  });

  it('refuses a sequence without a key, and one too long', () => {
    expect(readRecall('').problem).toMatch(/starts with a key/);
    expect(readRecall('xyz').problem).toMatch(/starts with a key/);
    expect(readRecall('a' + 'b'.repeat(60)).problem).toMatch(/at most 60/);
  });
});

describe('sine waves', () => {
  it('are seeded, within their periods, and pair each value with the next', () => {
    const s = sineSeries({ length: 60, noise: 0, seed: 5 });
    expect(s.period).toBeGreaterThanOrEqual(SINE_PERIODS.min);
    expect(s.period).toBeLessThanOrEqual(SINE_PERIODS.max);
    expect(Array.from(s.values)).toEqual(Array.from(s.clean));
    const d = sineDataset({ n: 8, steps: 30, noise: 0.2, seed: 2 });
    expect(Array.from(d.xs)).toEqual(Array.from(sineDataset({ n: 8, steps: 30, noise: 0.2, seed: 2 }).xs));
    for (let i = 0; i < 8; i++) {
      for (let t = 0; t + 1 < 30; t++) expect(d.ys[i * 30 + t]).toBe(d.xs[i * 30 + t + 1]);
    }
  });

  it('add noise of the asked size', () => {
    const noisy = sineSeries({ length: 4000, noise: 0.3, seed: 1 });
    let sq = 0;
    for (let t = 0; t < 4000; t++) sq += (noisy.values[t]! - noisy.clean[t]!) ** 2;
    expect(Math.sqrt(sq / 4000)).toBeCloseTo(0.3, 1);
  });
});
