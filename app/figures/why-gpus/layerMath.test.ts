import { describe, expect, it } from 'vitest';
import { COLS, ROWS, input, lanes, opState, opTick, opsDone, partialSum, totalTicks, weight, type LayerMode } from './layerMath';

const MODES: LayerMode[] = ['loop', 'parallel', 'blocks'];

describe('the work in one layer', () => {
  it('takes 256 ticks one at a time, 16 with a thread per output, 32 with two units of 4-row blocks', () => {
    expect(totalTicks('loop')).toBe(256);
    expect(totalTicks('parallel')).toBe(16);
    expect(totalTicks('blocks')).toBe(32);
    // Ticks × lanes = the 256 multiply-adds, whatever the mode.
    for (const m of MODES) expect(totalTicks(m) * lanes(m)).toBe(ROWS * COLS);
  });

  it('never does more multiply-adds in one tick than it has lanes, and does each exactly once', () => {
    for (const m of MODES) {
      const perTick = new Map<number, number>();
      for (let i = 0; i < ROWS; i++) for (let j = 0; j < COLS; j++) perTick.set(opTick(m, i, j), (perTick.get(opTick(m, i, j)) ?? 0) + 1);
      expect(Math.max(...perTick.values())).toBeLessThanOrEqual(lanes(m));
      expect([...perTick.values()].reduce((a, b) => a + b)).toBe(256);
      expect(opsDone(m, totalTicks(m))).toBe(256);
    }
  });

  it('ends with y = W x, computed independently', () => {
    for (const m of MODES) {
      for (let i = 0; i < ROWS; i++) {
        let y = 0;
        for (let j = 0; j < COLS; j++) y += weight(i, j) * input(j);
        expect(partialSum(m, i, totalTicks(m))).toBe(y);
      }
    }
  });

  it('marks the current tick’s multiply-adds, and none once finished', () => {
    expect(opState('loop', 0, 2, 3)).toBe('now');
    expect(opState('loop', 0, 1, 3)).toBe('done');
    expect(opState('loop', 1, 0, 3)).toBe('waiting');
    // In parallel, tick 1 is column 0 of every row.
    const now = Array.from({ length: ROWS }, (_, i) => opState('parallel', i, 0, 1));
    expect(now.every((s) => s === 'now')).toBe(true);
    // Blocks 2 and 3 (rows 8–15) wait for the first wave.
    expect(opState('blocks', 8, 0, 16)).toBe('waiting');
    expect(opState('blocks', 8, 0, 17)).toBe('now');
    expect(opState('parallel', 5, 15, 16)).toBe('done');
  });
});
