import { describe, expect, it } from 'vitest';
import { cosineMatrix, headMean, mirrorShare, readDigits, shuffleOrder } from './reverse';

describe('the reversal figures’ helpers', () => {
  it('reads exactly eight digits, listing what it leaves out', () => {
    expect(readDigits('3141 5926')).toEqual({ digits: [3, 1, 4, 1, 5, 9, 2, 6], problem: null, dropped: [' '] });
    expect(readDigits('123').problem).toMatch(/exactly 8 digits.*3/);
    expect(readDigits('1234567890').digits).toBeNull();
  });

  it('measures the weight on the mirror position: 1 for a perfect reversal, 1/T for even attention', () => {
    const t = 4;
    const mirror = new Float32Array(t * t);
    for (let i = 0; i < t; i++) mirror[i * t + (t - 1 - i)] = 1;
    expect(mirrorShare(mirror, t)).toBe(1);
    expect(mirrorShare(new Float32Array(t * t).fill(1 / t), t)).toBeCloseTo(1 / t);
    const two = new Float32Array(2 * t * t);
    two.set(mirror);
    expect(mirrorShare(headMean(two, 2, t), t)).toBeCloseTo(0.5);
  });

  it('gives cosine 1 on the diagonal and 0 for orthogonal rows, whatever their length', () => {
    expect(Array.from(cosineMatrix(Float32Array.of(2, 0, 0, 3, 1, 1), 3, 2)).map((x) => +x.toFixed(3))).toEqual([1, 0, 0.707, 0, 1, 0.707, 0.707, 0.707, 1]);
  });

  it('shuffles into a seeded permutation that moves something', () => {
    for (let seed = 1; seed < 50; seed++) {
      const order = shuffleOrder(8, seed);
      expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(order.some((v, i) => v !== i)).toBe(true);
      expect(shuffleOrder(8, seed)).toEqual(order);
    }
  });
});
