/**
 * The pure arithmetic of createDrawPad: how a stroke's points become smooth curve segments, how keys move the
 * keyboard pen, where a pointer is on the pad, and how ink values become a canvas's alpha. Unit-tested in Node.
 *
 * A smooth stroke is drawn through the midpoints of its points, each point the control of a quadratic curve, so
 * it bends where the hand turned instead of breaking into corners:
 *
 * ```
 *   p0 ──── m1 ╮            segment 1: p0 → m1 (straight)
 *               p1          segment 2: m1 → m2, bent towards p1
 *          m2 ╯             segment 3: m2 → m3, bent towards p2 …   m = midpoint of two points
 *   p2 ╯                    end: m(n−1) → p(n−1) (straight)
 * ```
 */

export interface Point {
  x: number;
  y: number;
}

/** One piece of a stroke: a round dot (a stroke's start), or a quadratic curve (a straight line when ctrl = from). */
export type Segment = { kind: 'dot'; at: Point } | { kind: 'curve'; from: Point; ctrl: Point; to: Point };

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * The segment to draw when point `i` of a stroke arrives: a dot for the first point; then, for a smooth stroke, a
 * curve from the last midpoint to the new one, bent towards the previous point; for a straight one (the keyboard
 * pen), a line from the previous point.
 *
 * @example
 * segmentFor([{ x: 0, y: 0 }, { x: 10, y: 0 }], 1, true); // curve (0,0) → (5,0), straight
 */
export function segmentFor(points: readonly Point[], i: number, smooth: boolean): Segment {
  const p = points[i];
  if (!p) throw new RangeError(`A stroke of ${points.length} points has no point ${i}.`);
  if (i === 0) return { kind: 'dot', at: p };
  const prev = points[i - 1]!;
  if (!smooth) return { kind: 'curve', from: prev, ctrl: prev, to: p };
  if (i === 1) return { kind: 'curve', from: prev, ctrl: prev, to: mid(prev, p) };
  return { kind: 'curve', from: mid(points[i - 2]!, prev), ctrl: prev, to: mid(prev, p) };
}

/**
 * The segment that finishes a smooth stroke (from its last midpoint to its last point), or null when none is
 * needed (one point, or a straight stroke, which already reaches its last point).
 *
 * @example
 * endSegment([{ x: 0, y: 0 }, { x: 10, y: 0 }], true); // curve (5,0) → (10,0)
 */
export function endSegment(points: readonly Point[], smooth: boolean): Segment | null {
  const n = points.length;
  if (!smooth || n < 2) return null;
  const last = points[n - 1]!;
  return { kind: 'curve', from: mid(points[n - 2]!, last), ctrl: last, to: last };
}

/**
 * Every segment of a finished stroke, in drawing order: what the pad draws again when it redraws from scratch.
 *
 * @example
 * strokeSegments(points, true).forEach((s) => draw(ctx, s));
 */
export function strokeSegments(points: readonly Point[], smooth: boolean): Segment[] {
  const out = points.map((_, i) => segmentFor(points, i, smooth));
  const end = endSegment(points, smooth);
  if (end) out.push(end);
  return out;
}

/**
 * The point at parameter t (0 … 1) of a curve segment (the dot's centre for a dot).
 *
 * @example
 * pointOnSegment({ kind: 'curve', from: a, ctrl: c, to: b }, 0.5);
 */
export function pointOnSegment(s: Segment, t: number): Point {
  if (s.kind === 'dot') return s.at;
  const u = 1 - t;
  return {
    x: u * u * s.from.x + 2 * u * t * s.ctrl.x + t * t * s.to.x,
    y: u * u * s.from.y + 2 * u * t * s.ctrl.y + t * t * s.to.y,
  };
}

const MOVES: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * Where an arrow key moves the keyboard pen: `step` pad pixels (four times that with Shift), kept on the pad.
 * Returns null for any other key.
 *
 * @example
 * moveCursor({ x: 140, y: 140 }, 'ArrowUp', false, 280, 10); // { x: 140, y: 130 }
 */
export function moveCursor(p: Point, key: string, shift: boolean, size: number, step: number): Point | null {
  const move = MOVES[key];
  if (!move) return null;
  const d = shift ? step * 4 : step;
  const clamp = (v: number) => Math.min(size, Math.max(0, v));
  return { x: clamp(p.x + move[0] * d), y: clamp(p.y + move[1] * d) };
}

/**
 * A pointer's position in pad pixels (0 … size), whatever size CSS shows the pad at, kept on the pad.
 *
 * @example
 * clientToPad(e.clientX, e.clientY, canvas.getBoundingClientRect(), 280);
 */
export function clientToPad(
  clientX: number,
  clientY: number,
  rect: { left: number; top: number; width: number; height: number },
  size: number,
): Point {
  const clamp = (v: number) => Math.min(size, Math.max(0, v));
  return {
    x: clamp(((clientX - rect.left) / (rect.width || 1)) * size),
    y: clamp(((clientY - rect.top) / (rect.height || 1)) * size),
  };
}

/**
 * The alpha channel of RGBA bytes (a canvas's `ImageData.data`): the ink, 0 … 255, one byte per pixel.
 *
 * @example
 * alphaChannel(ctx.getImageData(0, 0, 280, 280).data); // Uint8ClampedArray(78400)
 */
export function alphaChannel(rgba: Uint8ClampedArray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(rgba.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = rgba[4 * i + 3]!;
  return out;
}

/**
 * Ink values as RGBA bytes of white with that alpha: bytes are 0 … 255; floats 0 … 1, or 0 … 255 if any is above 1
 * (the rule of the engine's `preprocessDrawing`).
 *
 * @example
 * new ImageData(inkToRgba(digit), 28, 28);
 */
export function inkToRgba(ink: Float32Array | Uint8ClampedArray | Uint8Array): Uint8ClampedArray<ArrayBuffer> {
  let scale = 255;
  if (!(ink instanceof Float32Array)) scale = 1;
  else for (let i = 0; i < ink.length; i++) if (ink[i]! > 1) { scale = 1; break; }
  const out = new Uint8ClampedArray(ink.length * 4);
  for (let i = 0; i < ink.length; i++) {
    out[4 * i] = out[4 * i + 1] = out[4 * i + 2] = 255;
    out[4 * i + 3] = Math.round(ink[i]! * scale);
  }
  return out;
}
