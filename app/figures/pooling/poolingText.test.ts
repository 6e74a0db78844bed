import { describe, expect, it } from 'vitest';
import { tiling } from './poolingText';

describe('tiling', () => {
  it('calls side-by-side windows with nothing left over even', () => {
    expect(tiling(26, 2, 2)).toEqual({ formula: '⌊(26 − 2) / 2⌋ + 1 = 13', side: 13, even: true, problems: [] });
  });

  it('names every way the windows fail to tile: leftover cells, overlaps, gaps', () => {
    const leftover = tiling(26, 3, 3);
    expect(leftover.side).toBe(8);
    expect(leftover.even).toBe(false);
    expect(leftover.problems).toEqual(['26 − 3 = 23 is not a multiple of 3: the last 2 columns and rows are never read (hatched).']);
    expect(tiling(28, 3, 3).problems[0]).toMatch(/the last column and the last row are never read/);
    expect(tiling(26, 3, 2).problems).toHaveLength(2); // overlap by 1, and 23 is odd
    expect(tiling(26, 3, 2).problems[0]).toMatch(/overlap by 1 cell,/);
    expect(tiling(28, 2, 3).problems[0]).toMatch(/gap of 1 cell between/);
  });
});
