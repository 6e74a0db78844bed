/**
 * Two-class point clouds in the plane, the classic playground datasets. Points lie roughly in [-1, 1]², labels
 * are 0/1, the classes are balanced (they differ by at most one point), and each dataset is a pure function of
 * (kind, n, noise, seed).
 */
import { createRng, type Rng } from '../rng';
import type { Dataset } from '../types';

/** Which picture the points make. */
export type Points2DKind = 'blobs' | 'xor' | 'circle' | 'spiral';

/** Options for {@link makePoints2D}. */
export interface Points2DOptions {
  /** Number of points. */
  n: number;
  /**
   * 0 = clean; about 0.5 makes the classes overlap noticeably. Every point is jittered by a Gaussian of standard
   * deviation 0.25 × noise (plane units), and blobs also widen with it.
   */
  noise: number;
  seed: number;
}

/**
 * Centres of the two blobs (class 0, class 1): far enough apart that the clusters are linearly separable at low
 * noise.
 *
 * @example
 * const [[x0, y0], [x1, y1]] = BLOB_CENTRES;
 */
export const BLOB_CENTRES: readonly [readonly [number, number], readonly [number, number]] = [
  [-0.45, -0.35],
  [0.45, 0.4],
];

type Generator = (label: 0 | 1, i: number, perClass: number, rng: Rng, noise: number) => [number, number];

const generators: Record<Points2DKind, Generator> = {
  blobs(label, _i, _perClass, rng, noise) {
    const [cx, cy] = BLOB_CENTRES[label];
    // Cluster spread grows with noise; at noise 0 the clusters are ~5 standard deviations from the midline.
    const std = 0.12 + 0.3 * noise;
    return [rng.normal(cx, std), rng.normal(cy, std)];
  },
  xor(label, _i, _perClass, rng) {
    // Class 1 in the (+,+) and (−,−) quadrants, class 0 in the other two. A small margin keeps clean points off
    // the axes, where the label would be ambiguous.
    const margin = 0.08;
    const sx = rng.next() < 0.5 ? -1 : 1;
    const sy = label === 1 ? sx : -sx;
    return [sx * (margin + rng.next() * (0.95 - margin)), sy * (margin + rng.next() * (0.95 - margin))];
  },
  circle(label, _i, _perClass, rng) {
    // Class 1 fills a disc of radius 0.5; class 0 is a ring from 0.7 to 0.95. sqrt keeps the disc uniform in area.
    const angle = rng.next() * 2 * Math.PI;
    const r = label === 1 ? 0.5 * Math.sqrt(rng.next()) : 0.7 + 0.25 * rng.next();
    return [r * Math.cos(angle), r * Math.sin(angle)];
  },
  spiral(label, i, perClass) {
    // Two interleaved arms, each turning 1.75 times; the second arm is the first rotated by half a turn.
    const t = perClass > 1 ? i / (perClass - 1) : 0;
    const r = 0.05 + 0.9 * t;
    const angle = 1.75 * 2 * Math.PI * t + label * Math.PI;
    return [r * Math.sin(angle), r * Math.cos(angle)];
  },
};

/**
 * Makes a labelled 2-D dataset (inputDim 2, outputDim 1) in shuffled order.
 *
 * @example
 * const data = makePoints2D('xor', { n: 200, noise: 0.1, seed: 7 });
 * data.xs; // Float32Array of 400 coordinates: x0, y0, x1, y1, …
 * data.ys; // Float32Array of 200 labels, each 0 or 1
 */
export function makePoints2D(kind: Points2DKind, { n, noise, seed }: Points2DOptions): Dataset {
  if (!Number.isInteger(n) || n < 2) throw new Error(`A 2-D dataset needs at least 2 points (got ${n}).`);
  const generate = generators[kind];
  if (!generate) throw new Error(`Unknown dataset kind "${String(kind)}".`);
  const rng = createRng(seed);
  const jitter = 0.25 * Math.max(0, noise);

  // Class 0 takes the extra point when n is odd.
  const counts = [Math.ceil(n / 2), Math.floor(n / 2)] as const;
  const points: { x: number; y: number; label: 0 | 1 }[] = [];
  for (const label of [0, 1] as const) {
    const perClass = counts[label];
    for (let i = 0; i < perClass; i++) {
      const [x, y] = generate(label, i, perClass, rng, noise);
      // Blobs already widen with noise; the other shapes are clean, so they get the jitter.
      const extra = kind === 'blobs' ? 0 : jitter;
      points.push({ x: extra > 0 ? rng.normal(x, extra) : x, y: extra > 0 ? rng.normal(y, extra) : y, label });
    }
  }
  // Shuffle so that any prefix of the data (e.g. a first batch, or a plot of the first 50) mixes both classes.
  rng.shuffle(points);

  const xs = new Float32Array(n * 2);
  const ys = new Float32Array(n);
  points.forEach((p, i) => {
    xs[2 * i] = p.x;
    xs[2 * i + 1] = p.y;
    ys[i] = p.label;
  });
  return { xs, ys, n, inputDim: 2, outputDim: 1 };
}
