/**
 * The pure arithmetic behind createLineChart: extents, scale domains, the nearest point to the pointer, moving
 * averages, keyboard steps and SVG path data. No DOM and no d3, so it runs (and is tested) in Node.
 *
 * @example
 * xDomain(finiteExtent([3, 5, 9]), { atLeast: 10 }); // [3, 10]
 * nearestIndex([0, 10, 20], 14); // 1
 */

/** The smallest and largest finite numbers in `values` (positive ones only if `positive`), or null if none. */
export function finiteExtent(values: ArrayLike<number>, positive = false): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v) || (positive && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** The extent of two extents (either may be null). */
export function mergeExtent(a: [number, number] | null, b: [number, number] | null): [number, number] | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

export interface XDomainOptions {
  /** Fixed start of the x axis; by default the first x in the data (0 with no data). */
  min?: number;
  /** The x axis reaches at least this far, so a young run does not fill the chart after two steps. */
  atLeast?: number;
}

/** The x domain for data spanning `extent`: never empty, never reversed. */
export function xDomain(extent: [number, number] | null, { min, atLeast }: XDomainOptions = {}): [number, number] {
  const lo = min ?? extent?.[0] ?? 0;
  let hi = Math.max(extent?.[1] ?? lo, atLeast ?? -Infinity);
  if (!(hi > lo)) hi = lo + 1;
  return [lo, hi];
}

export type YScaleKind = 'linear' | 'log';

/**
 * The y domain for data spanning `extent` (for 'log', the extent of the positive values). A linear axis starts at
 * zero unless `zero` is false, so that "the loss fell" is never an illusion of a zoomed axis; a log axis spans at
 * least a factor of 10.
 */
export function yDomain(extent: [number, number] | null, kind: YScaleKind, zero = true): [number, number] {
  if (kind === 'log') {
    if (!extent) return [0.01, 1];
    const [lo, hi] = extent;
    const mid = Math.sqrt(lo * hi);
    return hi / lo >= 10 ? [lo, hi] : [Math.min(lo, mid / Math.sqrt(10)), Math.max(hi, mid * Math.sqrt(10))];
  }
  if (!extent) return [0, 1];
  let [lo, hi] = extent;
  if (zero) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (hi === lo) return hi === 0 ? [0, 1] : [lo - Math.abs(lo) * 0.5, hi + Math.abs(hi) * 0.5];
  return [lo, hi];
}

/**
 * The index of the x nearest to `target` in `xs`, which must be increasing (non-finite entries are skipped), or
 * null if `xs` has no finite entry. Binary search: O(log n) for the pointer's every move.
 */
export function nearestIndex(xs: ArrayLike<number>, target: number): number | null {
  const n = xs.length;
  if (n === 0 || !Number.isFinite(target)) return null;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  // lo is the first index with xs[lo] >= target (or the last index); its left neighbour may be nearer.
  let best: number | null = null;
  let bestDist = Infinity;
  for (let i = Math.max(0, lo - 1); i <= Math.min(n - 1, lo); i++) {
    const d = Math.abs(xs[i]! - target);
    if (d < bestDist) {
      best = i;
      bestDist = d;
    }
  }
  if (best !== null) return best;
  // Non-finite x around the target: fall back to a scan.
  for (let i = 0; i < n; i++) {
    const d = Math.abs(xs[i]! - target);
    if (d < bestDist) {
      best = i;
      bestDist = d;
    }
  }
  return best;
}

/**
 * A centred moving average over `half` points on each side (so the curve does not lag behind training).
 * Non-finite values are left out of each mean; a point with no finite neighbour stays NaN.
 */
export function movingAverage(values: ArrayLike<number>, half: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (half <= 0) {
    for (let i = 0; i < n; i++) out[i] = values[i]!;
    return out;
  }
  // Running sums over the finite values: O(n) whatever the window.
  const sum = new Float64Array(n + 1);
  const count = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const ok = Number.isFinite(v);
    sum[i + 1] = sum[i]! + (ok ? v : 0);
    count[i + 1] = count[i]! + (ok ? 1 : 0);
  }
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - half);
    const b = Math.min(n, i + half + 1);
    const c = count[b]! - count[a]!;
    out[i] = c > 0 ? (sum[b]! - sum[a]!) / c : NaN;
  }
  return out;
}

/** Where the keyboard moves a cursor at `index` (null: none yet) among `n` points, or undefined for other keys. */
export function keyStep(key: string, index: number | null, n: number): number | undefined {
  if (n === 0) return undefined;
  const page = Math.max(1, Math.round(n / 10));
  const at = index ?? n - 1;
  const clamp = (i: number) => Math.max(0, Math.min(n - 1, i));
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(index === null ? n - 1 : at - 1);
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(index === null ? n - 1 : at + 1);
    case 'PageDown':
      return clamp(at - page);
    case 'PageUp':
      return clamp(at + page);
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    default:
      return undefined;
  }
}

/**
 * SVG path data through the points (sx(xs[i]), sy(ys[i])), taking every `stride`-th point (thousands of steps on a
 * 400-pixel line need no more than about two points per pixel). A point whose x or y is not finite, or whose y
 * maps to a non-finite pixel (zero on a log axis), ends the line: the next finite point starts a new piece, so a
 * NaN shows as a gap. Null when there is nothing to draw.
 */
export function pathData(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  sx: (x: number) => number,
  sy: (y: number) => number,
  stride = 1,
): string | null {
  const n = Math.min(xs.length, ys.length);
  const step = Math.max(1, Math.floor(stride));
  let d = '';
  let pen = false;
  for (let i = 0; i < n; i += step) {
    const px = sx(xs[i]!);
    const py = Number.isFinite(ys[i]!) ? sy(ys[i]!) : NaN;
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
    pen = true;
  }
  return d || null;
}

/** The stride that keeps about two points per pixel for `n` points across `pixels`. */
export function strideFor(n: number, pixels: number): number {
  return Math.max(1, Math.floor(n / (pixels * 2)));
}

/** A number for a screen reader or a read-out: 3 significant digits, small and large ones in e-notation. */
export function formatValue(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return 'no value';
  if (!Number.isFinite(v)) return v > 0 ? 'infinity' : 'minus infinity';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2);
  return String(Number(v.toPrecision(3)));
}

/** The last finite value in `values` and its index, or null. */
export function lastFinite(values: ArrayLike<number>): { index: number; value: number } | null {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i]!)) return { index: i, value: values[i]! };
  return null;
}
