import { describe, expect, it } from 'vitest';
import { attend, dot, drawScaling, largestSoftmaxSlope, scalingAt, softmax, spread } from './qkvMath';

describe('softmax', () => {
  it('gives positive weights that sum to 1, in the order of the scores', () => {
    const w = softmax([2, -1, 0.5, 3]);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(w.every((x) => x > 0)).toBe(true);
    expect(w[3]).toBeGreaterThan(w[0]!);
    expect(w[0]).toBeGreaterThan(w[2]!);
    expect(w[2]).toBeGreaterThan(w[1]!);
  });

  it('matches e^s / Σ e^s, and stays finite for huge scores', () => {
    const s = [0.3, -1.2, 2];
    const z = s.reduce((a, x) => a + Math.exp(x), 0);
    softmax(s).forEach((w, i) => expect(w).toBeCloseTo(Math.exp(s[i]!) / z, 12));
    const big = softmax([1000, 999]);
    expect(big[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
  });

  it('is unchanged by adding a constant to every score', () => {
    const a = softmax([1, 2, 3]);
    const b = softmax([11, 12, 13]);
    a.forEach((w, i) => expect(w).toBeCloseTo(b[i]!, 12));
  });
});

describe('attend', () => {
  const q = [1.5, -0.5];
  const keys = [[1, 0], [0, 1], [-1, -1], [2, 1]];
  const values = [[1, 2], [-2, 0.5], [0, -1], [3, 3]];

  it('scores are dot products, scaled by 1/√d', () => {
    const a = attend(q, keys, values);
    expect(a.scores).toEqual([1.5, -0.5, -1, 2.5]);
    a.scaled.forEach((s, i) => expect(s).toBeCloseTo(a.scores[i]! / Math.SQRT2, 12));
  });

  it('the output is the weighted sum of the values', () => {
    const a = attend(q, keys, values);
    expect(a.weights.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    for (let j = 0; j < 2; j++) {
      const expected = values.reduce((sum, v, i) => sum + a.weights[i]! * v[j]!, 0);
      expect(a.output[j]).toBeCloseTo(expected, 12);
    }
  });

  it('the key most aligned with the query gets the most weight', () => {
    const a = attend(q, keys, values);
    expect(a.weights.indexOf(Math.max(...a.weights))).toBe(3);
  });

  it('a longer query (or a larger sharpness) makes the weights sharper', () => {
    const soft = attend(q, keys, values);
    const sharp = attend(q.map((x) => 3 * x), keys, values);
    const sharp2 = attend(q, keys, values, 3);
    expect(Math.max(...sharp.weights)).toBeGreaterThan(Math.max(...soft.weights));
    sharp.weights.forEach((w, i) => expect(w).toBeCloseTo(sharp2.weights[i]!, 12));
  });

  it('equal scores average the values', () => {
    const a = attend([0, 0], keys, values);
    a.weights.forEach((w) => expect(w).toBeCloseTo(0.25, 12));
    expect(a.output[0]).toBeCloseTo((1 - 2 + 0 + 3) / 4, 12);
  });

  it('refuses keys without values and vectors of different lengths', () => {
    expect(() => attend(q, keys, values.slice(1))).toThrow(/Every key needs a value/);
    expect(() => dot([1, 2], [1, 2, 3])).toThrow(/length 2 and 3/);
  });
});

describe('largestSoftmaxSlope', () => {
  it('is 1/4 for two tied scores and near 0 for a saturated softmax', () => {
    expect(largestSoftmaxSlope(softmax([0, 0]))).toBeCloseTo(0.25, 12);
    expect(largestSoftmaxSlope(softmax([40, 0, 0]))).toBeLessThan(1e-12);
  });

  it('equals a finite-difference slope of softmax', () => {
    const s = [0.4, 1.1, -0.3];
    const w = softmax(s);
    const h = 1e-6;
    const slopes = s.map((_, i) => {
      const up = softmax(s.map((x, j) => (j === i ? x + h : x)))[i]!;
      const down = softmax(s.map((x, j) => (j === i ? x - h : x)))[i]!;
      return (up - down) / (2 * h);
    });
    expect(largestSoftmaxSlope(w)).toBeCloseTo(Math.max(...slopes), 6);
  });
});

describe('the scaling draw', () => {
  it('raw scores spread like the query’s length, which is about √d; scaled ones spread about 1', () => {
    // 400 keys, so the spread of the scores is measured, not guessed from eight. For one fixed query, q · k has
    // standard deviation |q|, and |q|² is a sum of d squares: close to d once d is large.
    const draw = drawScaling(7, 400);
    for (const d of [4, 64, 512]) {
      const at = scalingAt(draw, d);
      const length = Math.hypot(...draw.q.subarray(0, d));
      expect(spread(at.raw) / length).toBeGreaterThan(0.85);
      expect(spread(at.raw) / length).toBeLessThan(1.15);
      expect(spread(at.scaled) / (length / Math.sqrt(d))).toBeCloseTo(spread(at.raw) / length, 10);
    }
    for (const d of [64, 512]) {
      const at = scalingAt(draw, d);
      expect(spread(at.raw) / Math.sqrt(d)).toBeGreaterThan(0.75);
      expect(spread(at.raw) / Math.sqrt(d)).toBeLessThan(1.25);
      expect(spread(at.scaled)).toBeGreaterThan(0.75);
      expect(spread(at.scaled)).toBeLessThan(1.25);
    }
  });

  it('unscaled softmax saturates at large d; scaled softmax does not', () => {
    const at = scalingAt(drawScaling(1), 512);
    expect(Math.max(...at.rawWeights)).toBeGreaterThan(0.99);
    expect(Math.max(...at.scaledWeights)).toBeLessThan(0.9);
    expect(largestSoftmaxSlope(at.rawWeights)).toBeLessThan(0.01);
    expect(largestSoftmaxSlope(at.scaledWeights)).toBeGreaterThan(0.05);
  });

  it('repeats for a seed, changes with the seed, and grows the same vectors with d', () => {
    expect(scalingAt(drawScaling(3), 16).raw).toEqual(scalingAt(drawScaling(3), 16).raw);
    expect(scalingAt(drawScaling(4), 16).raw).not.toEqual(scalingAt(drawScaling(3), 16).raw);
    const draw = drawScaling(3);
    const k0 = Array.from(draw.keys[0]!.subarray(0, 3));
    expect(scalingAt(draw, 3).raw[0]).toBeCloseTo(dot(Array.from(draw.q.subarray(0, 3)), k0), 12);
    expect(() => scalingAt(draw, 513)).toThrow(/d must be/);
  });
});
