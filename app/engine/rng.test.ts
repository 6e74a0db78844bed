import { describe, expect, it } from 'vitest';
import { createRng, mixSeed } from './rng';

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(42, 100)).not.toEqual(draw(43, 100));
  });

  it('draws uniformly in [0, 1)', () => {
    const xs = draw(7, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 1);
    // Each tenth of the interval gets about 10% of the draws.
    const bins = new Array(10).fill(0);
    xs.forEach((x) => bins[Math.floor(x * 10)]++);
    bins.forEach((count) => expect(count / xs.length).toBeGreaterThan(0.09));
    bins.forEach((count) => expect(count / xs.length).toBeLessThan(0.11));
  });

  it('draws normals with the requested mean and standard deviation', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 20_000 }, () => rng.normal(2, 0.5));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(2, 1);
    expect(sd).toBeCloseTo(0.5, 1);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it('int(n) covers 0 … n-1 and nothing else', () => {
    const rng = createRng(5);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(6));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('permutation and shuffle are seeded reorderings', () => {
    const p = createRng(9).permutation(50);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...createRng(9).permutation(50)]).toEqual([...p]);

    const arr = ['a', 'b', 'c', 'd', 'e', 'f'];
    const same = createRng(1).shuffle(arr);
    expect(same).toBe(arr); // in place
    expect([...arr].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(createRng(1).shuffle(['a', 'b', 'c', 'd', 'e', 'f'])).toEqual(arr);
  });

  it('mixSeed derives distinct, repeatable seeds', () => {
    expect(mixSeed(1, 1)).toBe(mixSeed(1, 1));
    const seeds = new Set(Array.from({ length: 100 }, (_, i) => mixSeed(1, i)));
    expect(seeds.size).toBe(100);
  });
});
