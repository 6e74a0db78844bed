import { describe, expect, it } from 'vitest';
import { accuracyFrom, confusionMatrix } from './metrics';

const f = (values: number[]) => new Float32Array(values);

describe('confusionMatrix', () => {
  it('binary: one probability per example, ≥ 0.5 is class 1; rows are the true class', () => {
    const pred = f([0.9, 0.2, 0.6, 0.5, 0.49, 0.1]);
    const truth = f([1, 0, 0, 1, 1, 0]);
    // true 0: predicted 0 (0.2, 0.1) and 1 (0.6); true 1: predicted 1 (0.9, 0.5) and 0 (0.49).
    expect(confusionMatrix(pred, truth, 2)).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });

  it('three classes: argmax of each row of scores against one-hot rows', () => {
    const pred = f([0.7, 0.2, 0.1, 0.1, 0.1, 0.8, 0.3, 0.4, 0.3, 0.2, 0.5, 0.3]);
    const truth = f([1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0]);
    expect(confusionMatrix(pred, truth, 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  it('ties go to the lower class and a NaN row to class 0', () => {
    const pred = f([0.4, 0.4, 0.2, NaN, NaN, NaN]);
    const truth = f([0, 1, 0, 0, 0, 1]);
    // Truth rows are class 1 and class 2; both predictions read as class 0.
    expect(confusionMatrix(pred, truth, 3)).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [1, 0, 0],
    ]);
    expect(confusionMatrix(f([NaN]), f([1]), 2)).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('with n given, two-column softmax outputs score against 0/1 labels', () => {
    const pred = f([0.8, 0.2, 0.3, 0.7, 0.6, 0.4]);
    const truth = f([0, 0, 1]);
    expect(confusionMatrix(pred, truth, 2, 3)).toEqual([
      [1, 1],
      [1, 0],
    ]);
  });

  it('counts every example exactly once', () => {
    const n = 500;
    const pred = new Float32Array(n * 3).map((_, i) => Math.sin(i * 12.9898) * 0.5 + 0.5);
    const truth = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) truth[i * 3 + (i % 3)] = 1;
    const m = confusionMatrix(pred, truth, 3);
    expect(m.flat().reduce((s, v) => s + v, 0)).toBe(n);
    expect(m.map((row) => row.reduce((s, v) => s + v, 0))).toEqual([167, 167, 166]);
  });

  it('refuses mismatched or malformed inputs', () => {
    expect(() => confusionMatrix(f([0.1, 0.2]), f([0]), 2)).toThrow(/2 examples but truth holds 1/);
    expect(() => confusionMatrix(f([0.1, 0.2, 0.3, 0.4]), f([1, 0, 0]), 3)).toThrow(/not 3 per example/);
    expect(() => confusionMatrix(f([0.1]), f([1]), 1)).toThrow(/at least 2 classes/);
    expect(() => confusionMatrix(f([0.1, 0.2, 0.3]), f([1, 0]), 2, 2)).toThrow(/for 2 examples/);
  });
});

describe('accuracyFrom', () => {
  it('is the diagonal share of all counts', () => {
    expect(accuracyFrom([
      [40, 10],
      [5, 45],
    ])).toBeCloseTo(0.85, 12);
    expect(accuracyFrom([
      [3, 0, 1],
      [0, 2, 0],
      [2, 0, 2],
    ])).toBeCloseTo(0.7, 12);
  });

  it('agrees with counting matches directly', () => {
    const pred = f([0.9, 0.2, 0.6, 0.5, 0.49, 0.1, 0.7]);
    const truth = f([1, 0, 0, 1, 1, 0, 1]);
    let hits = 0;
    pred.forEach((p, i) => (hits += (p >= 0.5 ? 1 : 0) === truth[i] ? 1 : 0));
    expect(accuracyFrom(confusionMatrix(pred, truth, 2))).toBeCloseTo(hits / 7, 12);
  });

  it('is NaN when nothing was counted', () => {
    expect(accuracyFrom([
      [0, 0],
      [0, 0],
    ])).toBeNaN();
  });
});
