/**
 * How far the generated points are from the real ones: the sliced Wasserstein distance.
 *
 * Project both point sets onto a line, sort each, and the mean gap between the i-th smallest of each is the
 * 1-D Wasserstein (earth mover's) distance along that line. Averaged over evenly spaced directions, it is the
 * sliced Wasserstein-1 distance: 0 when the two sets are the same, and large when the fakes sit in the wrong
 * place, even if they are all on one spot. It needs no randomness (the directions are fixed), so a test can
 * read it as a plain number that falls as the generator learns.
 */

/** Number of directions, evenly spaced over half a turn. */
export const SLICES = 32;

/**
 * Sliced Wasserstein-1 distance between two 2-D point sets of the same size, flat [x0, y0, x1, y1, …].
 *
 * @example
 * slicedWasserstein(Float32Array.of(0, 0), Float32Array.of(1, 0)); // the mean of |cos θ| over θ ≈ 0.64
 */
export function slicedWasserstein(a: Float32Array, b: Float32Array, slices = SLICES): number {
  const n = Math.floor(a.length / 2);
  if (n === 0 || Math.floor(b.length / 2) !== n) {
    throw new Error(`Both point sets need the same, non-zero size (got ${n} and ${Math.floor(b.length / 2)}).`);
  }
  const pa = new Float64Array(n);
  const pb = new Float64Array(n);
  let total = 0;
  for (let s = 0; s < slices; s++) {
    const theta = (Math.PI * s) / slices;
    const cx = Math.cos(theta);
    const cy = Math.sin(theta);
    for (let i = 0; i < n; i++) {
      pa[i] = a[2 * i]! * cx + a[2 * i + 1]! * cy;
      pb[i] = b[2 * i]! * cx + b[2 * i + 1]! * cy;
    }
    pa.sort();
    pb.sort();
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.abs(pa[i]! - pb[i]!);
    total += sum / n;
  }
  return total / slices;
}

/**
 * How many of the 8 Gaussian modes the fakes cover: a mode counts when at least 2% of the points lie within 0.15
 * of its centre. A generator that has collapsed onto one or two modes scores 1 or 2 however close those are.
 *
 * @example
 * modesCovered(fakes, MIXTURE_CENTRES); // 0 … 8
 */
export function modesCovered(points: Float32Array, centres: readonly (readonly [number, number])[], radius = 0.15, share = 0.02): number {
  const n = Math.floor(points.length / 2);
  const counts = new Array<number>(centres.length).fill(0);
  for (let i = 0; i < n; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    centres.forEach(([cx, cy], j) => {
      if (Math.hypot(x - cx, y - cy) < radius) counts[j]!++;
    });
  }
  return counts.filter((c) => c >= Math.max(1, share * n)).length;
}
