import { describe, expect, it } from 'vitest';
import { createChannel } from './channel';
import { createSeries } from './ringBuffer';

describe('createSeries', () => {
  it('keeps pairs oldest first and overwrites the oldest when full', () => {
    const s = createSeries(3);
    s.push(1, 10);
    s.push(2, 20);
    expect(s.length).toBe(2);
    expect(s.at(0)).toEqual({ x: 1, y: 10 });
    expect(s.at(-1)).toEqual({ x: 2, y: 20 });
    s.push(3, 30);
    s.push(4, 40);
    expect(s.length).toBe(3);
    const { xs, ys } = s.toArrays();
    expect([...xs]).toEqual([2, 3, 4]);
    expect([...ys]).toEqual([20, 30, 40]);
    expect(s.at(3)).toBeUndefined();
    const v = s.version;
    s.clear();
    expect(s.length).toBe(0);
    expect(s.version).toBeGreaterThan(v);
    expect(s.toArrays().xs.length).toBe(0);
  });
});

describe('createChannel', () => {
  it('delivers to every listener until it unsubscribes', () => {
    const ch = createChannel<number>();
    const got: number[] = [];
    const off = ch.subscribe((n) => got.push(n));
    ch.subscribe((n) => got.push(n * 10));
    expect(ch.size).toBe(2);
    ch.emit(1);
    off();
    ch.emit(2);
    expect(got).toEqual([1, 10, 20]);
    expect(ch.size).toBe(1);
  });
});
