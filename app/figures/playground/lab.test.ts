import { describe, expect, it } from 'vitest';
import { concat, emptyHistory, MAX_CURVE, MAX_SNAPS, planeLabels, recordHistory, score, snapAt, truncateHistory, withoutPoint, withPoint } from './lab';

const point = (step: number) => () => ({ weights: [Float32Array.of(step)], step, epoch: Math.floor(step / 25) });

describe('the lab history', () => {
  it('keeps every moment until full, then halves; snapshots stay few and spread over the run', () => {
    const h = emptyHistory();
    for (let s = 1; s <= 10_000; s++) recordHistory(h, s / 25, 1 / s, 2 / s, point(s));
    expect(h.epochs.length).toBeLessThanOrEqual(MAX_CURVE);
    expect(h.epochs.length).toBeGreaterThan(MAX_CURVE / 2);
    expect(h.epochs.at(-1)).toBe(400);
    expect(h.snaps.length).toBeLessThanOrEqual(MAX_SNAPS);
    expect(h.snaps.length).toBeGreaterThan(MAX_SNAPS / 4);
    // Spread: the first snapshot is early, the last is late.
    expect(h.snaps[0]!.at).toBeLessThan(1);
    expect(h.snaps.at(-1)!.at).toBeGreaterThan(390);
  });

  it('ignores moments that are not later than the last (a reset starts a new history)', () => {
    const h = emptyHistory();
    recordHistory(h, 1, 0.5, 0.6, point(25));
    recordHistory(h, 1, 0.4, 0.6, point(25));
    recordHistory(h, 0.5, 0.4, 0.6, point(12));
    expect(h.epochs).toEqual([1]);
  });

  it('finds the snapshot at or before a moment, and branches by forgetting what came after', () => {
    const h = emptyHistory();
    for (let s = 1; s <= 100; s++) recordHistory(h, s / 25, 1 / s, 2 / s, point(s));
    const snap = snapAt(h, 2.02)!;
    expect(snap.at).toBeLessThanOrEqual(2.02);
    expect(snap.weights[0]![0]).toBe(snap.step);
    expect(snapAt(h, 0.001)).toBeUndefined();
    truncateHistory(h, snap.at);
    expect(h.epochs.at(-1)).toBe(snap.at);
    expect(h.train.length).toBe(h.epochs.length);
    expect(h.snaps.at(-1)).toEqual(snap);
  });
});

describe('score', () => {
  it('binary: cross-entropy and accuracy', () => {
    const r = score(Float32Array.of(0.9, 0.2), Float32Array.of(1, 0), 'sigmoid');
    expect(r.loss).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 6);
    expect(r.accuracy).toBe(1);
  });
  it('three classes: softmax cross-entropy on one-hot rows, accuracy by the largest output', () => {
    const r = score(Float32Array.of(0.7, 0.2, 0.1, 0.2, 0.3, 0.5), Float32Array.of(1, 0, 0, 0, 1, 0), 'softmax', 3);
    expect(r.loss).toBeCloseTo(-(Math.log(0.7) + Math.log(0.3)) / 2, 6);
    expect(r.accuracy).toBe(0.5);
  });
  it('regression: mean squared error and no accuracy', () => {
    const r = score(Float32Array.of(0.5, -0.5), Float32Array.of(1, -1), 'linear');
    expect(r.loss).toBeCloseTo(0.25, 6);
    expect(r.accuracy).toBeNaN();
  });
});

describe('editing the lab\'s points', () => {
  const three = { xs: Float32Array.of(0, 0, 1, 1, 2, 2), ys: Float32Array.of(1, 0, 0, 0, 0, 1, 0, 1, 0), n: 3, inputDim: 2, outputDim: 3 };
  it('adds a point with its target row, removes one, and joins two sets', () => {
    const more = withPoint(three, 0.5, -0.5, Float32Array.of(0, 0, 1));
    expect(more.n).toBe(4);
    expect(Array.from(more.xs.slice(6))).toEqual([0.5, -0.5]);
    expect(Array.from(planeLabels(more))).toEqual([0, 2, 1, 2]);
    const fewer = withoutPoint(more, 1);
    expect(Array.from(fewer.xs)).toEqual([0, 0, 2, 2, 0.5, -0.5]);
    expect(Array.from(planeLabels(fewer))).toEqual([0, 1, 2]);
    const both = concat(three, fewer);
    expect(both.n).toBe(6);
    expect(Array.from(planeLabels(both))).toEqual([0, 2, 1, 0, 1, 2]);
  });
  it('keeps binary labels and regression targets as they are', () => {
    const reg = { xs: Float32Array.of(0, 0, 1, 1), ys: Float32Array.of(-0.4, 0.9), n: 2, inputDim: 2, outputDim: 1 };
    expect(planeLabels(reg)).toBe(reg.ys);
  });
});
