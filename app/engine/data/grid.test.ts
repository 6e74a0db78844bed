import { describe, expect, it } from 'vitest';
import { gridPoints } from './grid';

describe('gridPoints', () => {
  it('lists cell centres row by row from the top, left to right', () => {
    const g = gridPoints(2, -1, 1);
    expect([...g]).toEqual([-0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, -0.5]);
    expect(gridPoints(48, -1.2, 1.2)).toHaveLength(48 * 48 * 2);
  });
});
