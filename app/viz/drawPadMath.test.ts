import { describe, expect, it } from 'vitest';
import { alphaChannel, clientToPad, endSegment, inkToRgba, moveCursor, pointOnSegment, segmentFor, strokeSegments, type Point, type Segment } from './drawPadMath';

const zigzag: Point[] = [
  { x: 10, y: 10 },
  { x: 50, y: 80 },
  { x: 90, y: 20 },
  { x: 140, y: 100 },
  { x: 200, y: 30 },
];
const curves = (segs: Segment[]) => segs.filter((s): s is Extract<Segment, { kind: 'curve' }> => s.kind === 'curve');

describe('stroke segments', () => {
  it('start with a dot and join end to start, from the first point to the last', () => {
    for (const smooth of [true, false]) {
      const segs = strokeSegments(zigzag, smooth);
      expect(segs[0]).toEqual({ kind: 'dot', at: zigzag[0] });
      const c = curves(segs);
      expect(c[0]!.from).toEqual(zigzag[0]);
      expect(c.at(-1)!.to).toEqual(zigzag.at(-1));
      for (let i = 1; i < c.length; i++) expect(c[i]!.from).toEqual(c[i - 1]!.to);
    }
  });

  it('stay inside the points’ bounding box when smooth (a quadratic curve stays in its control triangle)', () => {
    for (const s of curves(strokeSegments(zigzag, true))) {
      for (let t = 0; t <= 1; t += 0.05) {
        const p = pointOnSegment(s, t);
        expect(p.x).toBeGreaterThanOrEqual(10 - 1e-9);
        expect(p.x).toBeLessThanOrEqual(200 + 1e-9);
        expect(p.y).toBeGreaterThanOrEqual(10 - 1e-9);
        expect(p.y).toBeLessThanOrEqual(100 + 1e-9);
      }
    }
  });

  it('bend towards the hand’s turning points but pass through the midpoints between them', () => {
    const c = curves(strokeSegments(zigzag, true));
    // Segment 2 runs from the midpoint of p0 p1 to that of p1 p2, pulled towards p1.
    expect(c[1]!.from).toEqual({ x: 30, y: 45 });
    expect(c[1]!.to).toEqual({ x: 70, y: 50 });
    expect(c[1]!.ctrl).toEqual(zigzag[1]);
    expect(pointOnSegment(c[1]!, 0.5).y).toBeGreaterThan(50); // towards p1 (y 80), beyond the chord (y ≈ 47.5)
  });

  it('keep collinear points on their line, and draw straight strokes point to point', () => {
    const line = [0, 1, 2, 3, 4].map((i) => ({ x: 10 + 20 * i, y: 5 + 10 * i }));
    for (const s of curves(strokeSegments(line, true))) {
      for (let t = 0; t <= 1; t += 0.1) {
        const p = pointOnSegment(s, t);
        expect(p.y - 5).toBeCloseTo((p.x - 10) / 2, 9);
      }
    }
    const straight = curves(strokeSegments(zigzag, false));
    expect(straight).toHaveLength(zigzag.length - 1);
    straight.forEach((s, i) => expect([s.from, s.to]).toEqual([zigzag[i], zigzag[i + 1]]));
    expect(endSegment(zigzag, false)).toBeNull();
    expect(endSegment(zigzag.slice(0, 1), true)).toBeNull();
    expect(() => segmentFor(zigzag, 5, true)).toThrow(RangeError);
  });
});

describe('the keyboard pen and the pointer', () => {
  it('moves by a step, four with Shift, and stays on the pad', () => {
    expect(moveCursor({ x: 140, y: 140 }, 'ArrowUp', false, 280, 10)).toEqual({ x: 140, y: 130 });
    expect(moveCursor({ x: 140, y: 140 }, 'ArrowRight', true, 280, 10)).toEqual({ x: 180, y: 140 });
    expect(moveCursor({ x: 5, y: 275 }, 'ArrowLeft', false, 280, 10)).toEqual({ x: 0, y: 275 });
    expect(moveCursor({ x: 5, y: 275 }, 'ArrowDown', false, 280, 10)).toEqual({ x: 5, y: 280 });
    expect(moveCursor({ x: 5, y: 5 }, 'a', false, 280, 10)).toBeNull();
  });

  it('maps a pointer to pad pixels at any displayed size, clamped to the pad', () => {
    const rect = { left: 100, top: 50, width: 140, height: 140 }; // shown at half size
    expect(clientToPad(170, 120, rect, 280)).toEqual({ x: 140, y: 140 });
    expect(clientToPad(50, 400, rect, 280)).toEqual({ x: 0, y: 280 });
  });
});

describe('ink bytes', () => {
  it('take the alpha channel, and turn ink back into white with that alpha', () => {
    expect(Array.from(alphaChannel(Uint8ClampedArray.of(1, 2, 3, 40, 5, 6, 7, 255)))).toEqual([40, 255]);
    expect(Array.from(inkToRgba(Float32Array.of(0, 0.5, 1)))).toEqual([255, 255, 255, 0, 255, 255, 255, 128, 255, 255, 255, 255]);
    expect(Array.from(alphaChannel(inkToRgba(Uint8Array.of(0, 17, 255))))).toEqual([0, 17, 255]);
    expect(Array.from(alphaChannel(inkToRgba(Float32Array.of(0, 17, 255))))).toEqual([0, 17, 255]);
  });
});
