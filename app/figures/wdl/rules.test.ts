import { describe, expect, it } from 'vitest';
import { BLOB_CENTRES, makePoints2D } from '../../engine';
import { BEST, NOISE, TEST_POINTS, makeOverfitData } from './overfitData';
import { probAccuracy, ruleAccuracy, ruleSaysBlue, type HandRule } from './rules';

const base: HandRule = { shape: 'line', angle: 0, offset: 0, cx: 0, cy: 0, r: 0.6, w: 0.3, h: 0.3 };

describe('hand rules', () => {
  it('a line at angle 0 calls the right half blue, and 180° flips it', () => {
    expect(ruleSaysBlue(base, 0.5, 0.9)).toBe(true);
    expect(ruleSaysBlue(base, -0.5, 0.9)).toBe(false);
    expect(ruleSaysBlue({ ...base, angle: 180 }, -0.5, 0.9)).toBe(true);
    expect(ruleSaysBlue({ ...base, angle: 90, offset: 0.5 }, 0, 0.6)).toBe(true);
    expect(ruleSaysBlue({ ...base, angle: 90, offset: 0.5 }, 0, 0.4)).toBe(false);
  });

  it('circle and box test the inside', () => {
    const circle = { ...base, shape: 'circle' as const, cx: 0.2, r: 0.3 };
    expect(ruleSaysBlue(circle, 0.45, 0)).toBe(true);
    expect(ruleSaysBlue(circle, -0.15, 0)).toBe(false);
    const box = { ...base, shape: 'box' as const, w: 0.5, h: 0.1 };
    expect(ruleSaysBlue(box, 0.45, 0.05)).toBe(true);
    expect(ruleSaysBlue(box, 0.1, 0.2)).toBe(false);
  });

  it('a circle of radius 0.6 sorts the circle data almost perfectly; a line cannot', () => {
    const data = makePoints2D('circle', { n: 200, noise: 0.1, seed: 1 });
    expect(ruleAccuracy({ ...base, shape: 'circle' }, data.xs, data.ys)).toBeGreaterThan(0.95);
    for (let angle = -180; angle < 180; angle += 15) {
      for (let offset = -1; offset <= 1; offset += 0.1) {
        expect(ruleAccuracy({ ...base, angle, offset }, data.xs, data.ys)).toBeLessThan(0.8);
      }
    }
  });

  it('counts probabilities against labels', () => {
    expect(probAccuracy([0.9, 0.2, 0.6, 0.4], [1, 0, 0, 0])).toBe(0.75);
    expect(probAccuracy([], [])).toBe(0);
  });
});

describe('the too-little-data figure', () => {
  it('its "best possible" mark matches the halfway line on many fresh points', () => {
    const data = makePoints2D('blobs', { n: 40000, noise: NOISE, seed: 3 });
    const [[ax, ay], [bx, by]] = BLOB_CENTRES;
    // Blue where the point is nearer the class-1 centre: the perpendicular bisector of the two centres.
    const w1 = bx - ax;
    const w2 = by - ay;
    const c = (bx * bx + by * by - ax * ax - ay * ay) / 2;
    let right = 0;
    for (let i = 0; i < data.n; i++) if (w1 * data.xs[2 * i]! + w2 * data.xs[2 * i + 1]! > c === data.ys[i]! > 0.5) right++;
    expect(Math.abs(right / data.n - BEST)).toBeLessThan(0.01);
  });

  it('keeps the test points apart from the training points', () => {
    const { train, test } = makeOverfitData(10, 1);
    expect(train.n).toBe(10);
    expect(test.n).toBe(TEST_POINTS);
    expect(Array.from(test.xs.slice(0, 20))).not.toEqual(Array.from(train.xs));
  });
});
