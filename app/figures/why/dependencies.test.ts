import { describe, expect, it } from 'vitest';
import { hiddenState, layerState, rnnState, stepCounts, subscript, visibleColumns } from './dependencies';

describe('the dependency diagram', () => {
  it('draws every position when they fit, else the first and last ones around an ellipsis', () => {
    expect(visibleColumns(4, 8)).toEqual([1, 2, 3, 4]);
    expect(visibleColumns(8, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(visibleColumns(50, 8)).toEqual([1, 2, 3, null, 47, 48, 49, 50]);
    expect(visibleColumns(60, 12)).toEqual([1, 2, 3, 4, 5, null, 55, 56, 57, 58, 59, 60]);
    for (const n of [9, 13, 60]) expect(visibleColumns(n, 9)).toHaveLength(9);
  });

  it('computes one hidden state per step for the RNN and one whole layer per step for the transformer', () => {
    // After 3 steps of the clock: the RNN is on h₃, the transformer (2 layers) has finished both layers.
    expect([1, 2, 3, 4].map((t) => rnnState(t, 3))).toEqual(['done', 'done', 'now', 'waiting']);
    expect([1, 2].map((l) => layerState(l, 3))).toEqual(['done', 'done']);
    expect([1, 2].map((l) => layerState(l, 1))).toEqual(['now', 'waiting']);
    expect(rnnState(1, 0)).toBe('waiting');
  });

  it('marks the ellipsis as in progress while the clock is inside the positions it stands for', () => {
    expect(hiddenState(4, 46, 3)).toBe('waiting');
    expect(hiddenState(4, 46, 4)).toBe('now');
    expect(hiddenState(4, 46, 46)).toBe('now');
    expect(hiddenState(4, 46, 47)).toBe('done');
  });

  it('counts the chain: T steps for the RNN, one per layer for the transformer, T² pairs for attention', () => {
    expect(stepCounts(50, 1)).toEqual({ rnnSteps: 50, transformerSteps: 1, pairs: 2500 });
    expect(stepCounts(10, 3).transformerSteps).toBe(3);
    expect(subscript(50)).toBe('₅₀');
  });
});
