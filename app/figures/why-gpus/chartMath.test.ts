import { describe, expect, it } from 'vitest';
import { decades, logScale, tickLabel } from './chartMath';

describe('log–log chart arithmetic', () => {
  it('covers the data with whole decades', () => {
    expect(decades(0.03, 4)).toEqual([0.01, 0.1, 1, 10]);
    expect(decades(2, 3)).toEqual([1, 10]);
    expect(decades(0, 3)).toEqual([0.1, 1]);
  });
  it('maps equal ratios to equal distances', () => {
    const x = logScale(16, 1024, 0, 600);
    expect(x(16)).toBeCloseTo(0);
    expect(x(1024)).toBeCloseTo(600);
    expect(x(128)).toBeCloseTo(300);
    expect(x(32) - x(16)).toBeCloseTo(x(1024) - x(512));
  });
  it('labels ticks', () => {
    expect(tickLabel(1000)).toBe('1k');
    expect(tickLabel(0.1)).toBe('0.1');
  });
});
