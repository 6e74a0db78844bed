import { describe, expect, it } from 'vitest';
import {
  finiteExtent,
  formatValue,
  keyStep,
  lastFinite,
  mergeExtent,
  movingAverage,
  nearestIndex,
  pathData,
  strideFor,
  xDomain,
  yDomain,
} from './lineChartMath';

describe('finiteExtent', () => {
  it('skips NaN and infinities, and non-positive values on request', () => {
    expect(finiteExtent([3, NaN, -1, Infinity, 7, -Infinity])).toEqual([-1, 7]);
    expect(finiteExtent([0, -2, 0.5, 4], true)).toEqual([0.5, 4]);
    expect(finiteExtent([NaN, Infinity])).toBeNull();
    expect(finiteExtent([])).toBeNull();
    expect(finiteExtent(Float32Array.of(2))).toEqual([2, 2]);
  });

  it('merges extents, either of which may be missing', () => {
    expect(mergeExtent([1, 3], [0, 2])).toEqual([0, 3]);
    expect(mergeExtent(null, [0, 2])).toEqual([0, 2]);
    expect(mergeExtent([1, 3], null)).toEqual([1, 3]);
    expect(mergeExtent(null, null)).toBeNull();
  });
});

describe('xDomain', () => {
  it('starts at the first x unless told, and reaches at least atLeast', () => {
    expect(xDomain([3, 50])).toEqual([3, 50]);
    expect(xDomain([3, 5], { atLeast: 10 })).toEqual([3, 10]);
    expect(xDomain([3, 50], { min: 0 })).toEqual([0, 50]);
  });

  it('is never empty or reversed', () => {
    expect(xDomain(null)).toEqual([0, 1]);
    expect(xDomain([4, 4])).toEqual([4, 5]);
    expect(xDomain([0, 0.5], { min: 2 })).toEqual([2, 3]);
  });
});

describe('yDomain', () => {
  it('starts a linear axis at zero by default', () => {
    expect(yDomain([0.2, 0.7], 'linear')).toEqual([0, 0.7]);
    expect(yDomain([-0.5, 0.7], 'linear')).toEqual([-0.5, 0.7]);
    expect(yDomain([0.2, 0.7], 'linear', false)).toEqual([0.2, 0.7]);
  });

  it('opens a flat or missing extent', () => {
    expect(yDomain(null, 'linear')).toEqual([0, 1]);
    expect(yDomain([0, 0], 'linear')).toEqual([0, 1]);
    expect(yDomain([2, 2], 'linear', false)).toEqual([1, 3]);
  });

  it('gives a log axis at least a factor of 10, centred on the data', () => {
    expect(yDomain([1e-6, 0.1], 'log')).toEqual([1e-6, 0.1]);
    const [lo, hi] = yDomain([0.5, 2], 'log');
    expect(hi / lo).toBeCloseTo(10, 10);
    expect(Math.sqrt(lo * hi)).toBeCloseTo(1, 10);
    expect(yDomain(null, 'log')).toEqual([0.01, 1]);
  });
});

describe('nearestIndex', () => {
  const xs = [0, 10, 20, 30];

  it('finds the nearest x by binary search, at either end too', () => {
    expect(nearestIndex(xs, 14)).toBe(1);
    expect(nearestIndex(xs, 16)).toBe(2);
    expect(nearestIndex(xs, -100)).toBe(0);
    expect(nearestIndex(xs, 1e9)).toBe(3);
    expect(nearestIndex(xs, 30)).toBe(3);
  });

  it('agrees with a linear scan on uneven steps', () => {
    const uneven = [1, 2, 4, 8, 16, 17, 40, 41, 100];
    for (let t = -5; t <= 110; t += 0.75) {
      let best = 0;
      for (let i = 1; i < uneven.length; i++) if (Math.abs(uneven[i]! - t) < Math.abs(uneven[best]! - t)) best = i;
      expect(nearestIndex(uneven, t)).toBe(best);
    }
  });

  it('has no answer for no points or a non-finite target', () => {
    expect(nearestIndex([], 3)).toBeNull();
    expect(nearestIndex(xs, NaN)).toBeNull();
    expect(nearestIndex([5], 100)).toBe(0);
  });
});

describe('movingAverage', () => {
  it('averages a centred window, shrinking at the ends', () => {
    const out = movingAverage([1, 2, 3, 4, 5], 1);
    expect([...out]).toEqual([1.5, 2, 3, 4, 4.5]);
  });

  it('leaves non-finite values out, and a point with no finite neighbour NaN', () => {
    const out = movingAverage([1, NaN, 3, NaN, NaN, NaN, 9], 1);
    expect(out[1]).toBe(2);
    expect(out[2]).toBe(3);
    expect(out[4]).toBeNaN();
    expect(out[5]).toBe(9);
  });

  it('with no window copies the values', () => {
    expect([...movingAverage([1, 5, 2], 0)]).toEqual([1, 5, 2]);
  });

  it('equals the windowed mean computed directly', () => {
    const v = Array.from({ length: 50 }, (_, i) => Math.sin(i) * 3 + i / 7);
    const out = movingAverage(v, 5);
    for (let i = 0; i < v.length; i++) {
      const win = v.slice(Math.max(0, i - 5), Math.min(v.length, i + 6));
      expect(out[i]).toBeCloseTo(win.reduce((a, b) => a + b, 0) / win.length, 10);
    }
  });
});

describe('keyStep', () => {
  it('walks, jumps to the ends and stays inside', () => {
    expect(keyStep('ArrowLeft', 5, 10)).toBe(4);
    expect(keyStep('ArrowRight', 5, 10)).toBe(6);
    expect(keyStep('ArrowRight', 9, 10)).toBe(9);
    expect(keyStep('ArrowLeft', 0, 10)).toBe(0);
    expect(keyStep('Home', 5, 10)).toBe(0);
    expect(keyStep('End', 5, 10)).toBe(9);
    expect(keyStep('PageDown', 50, 100)).toBe(40);
    expect(keyStep('PageUp', 95, 100)).toBe(99);
  });

  it('starts at the latest point, and ignores other keys and empty charts', () => {
    expect(keyStep('ArrowLeft', null, 10)).toBe(9);
    expect(keyStep('ArrowRight', null, 10)).toBe(9);
    expect(keyStep('a', 3, 10)).toBeUndefined();
    expect(keyStep('ArrowLeft', null, 0)).toBeUndefined();
  });
});

describe('pathData', () => {
  const id = (v: number) => v;

  it('draws the points in order', () => {
    expect(pathData([0, 1, 2], [5, 6, 7], id, id)).toBe('M0.0,5.0L1.0,6.0L2.0,7.0');
  });

  it('breaks the line at NaN, Infinity and unmappable values, leaving a gap', () => {
    expect(pathData([0, 1, 2, 3], [5, NaN, 7, 8], id, id)).toBe('M0.0,5.0M2.0,7.0L3.0,8.0');
    expect(pathData([0, 1, 2], [5, Infinity, 7], id, id)).toBe('M0.0,5.0M2.0,7.0');
    expect(pathData([0, 1, 2], [1, 0, 1], id, Math.log10)).toBe('M0.0,0.0M2.0,0.0');
  });

  it('thins by stride and has nothing to draw for no finite point', () => {
    expect(pathData([0, 1, 2, 3, 4], [0, 1, 2, 3, 4], id, id, 2)).toBe('M0.0,0.0L2.0,2.0L4.0,4.0');
    expect(pathData([0, 1], [NaN, NaN], id, id)).toBeNull();
    expect(pathData([], [], id, id)).toBeNull();
  });

  it('keeps about two points per pixel', () => {
    expect(strideFor(100, 400)).toBe(1);
    expect(strideFor(8000, 400)).toBe(10);
  });
});

describe('formatValue and lastFinite', () => {
  it('formats for a reader', () => {
    expect(formatValue(0.123456)).toBe('0.123');
    expect(formatValue(1200)).toBe('1200');
    expect(formatValue(2e-5)).toBe('2.00e-5');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(NaN)).toBe('no value');
    expect(formatValue(Infinity)).toBe('infinity');
  });

  it('finds the last finite value', () => {
    expect(lastFinite([1, 2, NaN])).toEqual({ index: 1, value: 2 });
    expect(lastFinite([NaN])).toBeNull();
  });
});
