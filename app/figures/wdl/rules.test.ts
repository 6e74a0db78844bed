import { describe, expect, it } from 'vitest';
import { makePoints2D } from '../../engine';
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
