/**
 * Point clouds in the plane, the playground datasets. Every dataset is a pure function of (kind, n, noise, seed)
 * and its points lie roughly in [-1, 1]².
 *
 * - Two classes ('blobs', 'xor', 'circle', 'spiral'): outputDim 1, labels 0/1, balanced (the classes differ by
 *   at most one point).
 * - Three classes ('spiral3'): outputDim 3, each label a one-hot row, balanced the same way.
 * - Regression ('plane', 'gauss-reg'): outputDim 1, each label a real target in [-1, 1].
 *
 * {@link POINTS2D_KINDS} says which is which, so a caller never has to know the list by heart.
 */
import { createRng, type Rng } from '../rng';
import type { Dataset } from '../types';

/** Which picture the points make. */
export type Points2DKind = 'blobs' | 'xor' | 'circle' | 'spiral' | 'spiral3' | 'plane' | 'gauss-reg';

/** What a dataset kind asks a network to do. */
export interface Points2DKindInfo {
  /** 'classification': predict a class; 'regression': predict a real number in [-1, 1]. */
  problem: 'classification' | 'regression';
  /** Number of classes: 2 or 3 for classification, 0 for regression. */
  classes: number;
  /** Columns of `ys` per point: 1 (a 0/1 label, or a real target) or 3 (a one-hot row). */
  outputDim: 1 | 3;
  /** A short name for a menu. */
  label: string;
}

/**
 * Every dataset kind with its problem type, class count, label width and a menu name, in menu order.
 *
 * @example
 * const { problem, classes, outputDim } = POINTS2D_KINDS['spiral3']; // 'classification', 3, 3
 * const kinds = Object.keys(POINTS2D_KINDS) as Points2DKind[];
 * const regression = kinds.filter((k) => POINTS2D_KINDS[k].problem === 'regression'); // ['plane', 'gauss-reg']
 */
export const POINTS2D_KINDS: Readonly<Record<Points2DKind, Readonly<Points2DKindInfo>>> = {
  circle: { problem: 'classification', classes: 2, outputDim: 1, label: 'Circle' },
  xor: { problem: 'classification', classes: 2, outputDim: 1, label: 'Exclusive or' },
  blobs: { problem: 'classification', classes: 2, outputDim: 1, label: 'Two blobs' },
  spiral: { problem: 'classification', classes: 2, outputDim: 1, label: 'Spiral' },
  spiral3: { problem: 'classification', classes: 3, outputDim: 3, label: 'Three spirals' },
  plane: { problem: 'regression', classes: 0, outputDim: 1, label: 'Plane' },
  'gauss-reg': { problem: 'regression', classes: 0, outputDim: 1, label: 'Hills and valleys' },
};

/** Options for {@link makePoints2D}. */
export interface Points2DOptions {
  /** Number of points. */
  n: number;
  /**
   * 0 = clean; about 0.5 makes the classes overlap noticeably. Classification: every point's position is jittered
   * by a Gaussian of standard deviation 0.25 × noise (plane units), and blobs also widen with it. Regression: the
   * positions stay exact and the target gets the jitter instead (a Gaussian of standard deviation 0.25 × noise,
   * then clipped to [-1, 1]).
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
type TwoClassKind = 'blobs' | 'xor' | 'circle' | 'spiral';

const generators: Record<TwoClassKind, Generator> = {
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
 * Makes a labelled 2-D dataset (inputDim 2; outputDim from {@link POINTS2D_KINDS}) in shuffled order.
 *
 * @example
 * const data = makePoints2D('xor', { n: 200, noise: 0.1, seed: 7 });
 * data.xs; // Float32Array of 400 coordinates: x0, y0, x1, y1, …
 * data.ys; // Float32Array of 200 labels, each 0 or 1
 * makePoints2D('spiral3', { n: 300, noise: 0.1, seed: 7 }).ys;   // 900 values: one one-hot row per point
 * makePoints2D('gauss-reg', { n: 200, noise: 0, seed: 7 }).ys;   // 200 real targets in [-1, 1]
 */
export function makePoints2D(kind: Points2DKind, { n, noise, seed }: Points2DOptions): Dataset {
  if (!Number.isInteger(n) || n < 2) throw new Error(`A 2-D dataset needs at least 2 points (got ${n}).`);
  if (kind === 'spiral3') return makeSpiral3(n, noise, seed);
  if (kind === 'plane' || kind === 'gauss-reg') return makeRegression(kind, n, noise, seed);
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

/** How many turns each arm of 'spiral3' makes: fewer than the two-arm spiral's 1.75, as three arms sit closer. */
const SPIRAL3_TURNS = 1.25;

function makeSpiral3(n: number, noise: number, seed: number): Dataset {
  if (n < 3) throw new Error(`A three-class dataset needs at least 3 points (got ${n}).`);
  const rng = createRng(seed);
  const jitter = 0.25 * Math.max(0, noise);
  const points: { x: number; y: number; label: number }[] = [];
  for (let label = 0; label < 3; label++) {
    // The first n mod 3 classes take one extra point each.
    const perClass = Math.floor(n / 3) + (label < n % 3 ? 1 : 0);
    for (let i = 0; i < perClass; i++) {
      // Three interleaved arms, each the first rotated by a third of a turn.
      const t = perClass > 1 ? i / (perClass - 1) : 0;
      const r = 0.1 + 0.85 * t;
      const angle = SPIRAL3_TURNS * 2 * Math.PI * t + (label * 2 * Math.PI) / 3;
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      points.push({ x: jitter > 0 ? rng.normal(x, jitter) : x, y: jitter > 0 ? rng.normal(y, jitter) : y, label });
    }
  }
  rng.shuffle(points);
  const xs = new Float32Array(n * 2);
  const ys = new Float32Array(n * 3);
  points.forEach((p, i) => {
    xs[2 * i] = p.x;
    xs[2 * i + 1] = p.y;
    ys[3 * i + p.label] = 1;
  });
  return { xs, ys, n, inputDim: 2, outputDim: 3 };
}

/**
 * The clean target of the 'plane' dataset: 0.6·x₁ + 0.4·x₂, which stays in [-1, 1] over [-1, 1]² (the weights'
 * sizes add up to 1). The two weights differ, so the slope's direction is something to learn.
 *
 * @example
 * planeTarget(1, 1); // 1
 * planeTarget(0.5, -1); // -0.1
 */
export function planeTarget(x1: number, x2: number): number {
  return 0.6 * x1 + 0.4 * x2;
}

/**
 * The bumps of the 'gauss-reg' dataset: [centre x₁, centre x₂, sign], a 3 × 2 checkerboard of hills (+1) and
 * valleys (−1), each a Gaussian of standard deviation {@link GAUSS_BUMP_STD}.
 *
 * @example
 * const hills = GAUSS_BUMPS.filter(([, , sign]) => sign > 0).length; // 3
 */
export const GAUSS_BUMPS: readonly (readonly [number, number, 1 | -1])[] = [
  [-0.65, 0.45, 1],
  [0, 0.45, -1],
  [0.65, 0.45, 1],
  [-0.65, -0.45, -1],
  [0, -0.45, 1],
  [0.65, -0.45, -1],
];

/** Standard deviation of each bump in {@link GAUSS_BUMPS}, in plane units. */
export const GAUSS_BUMP_STD = 0.2;

/**
 * The clean target of the 'gauss-reg' dataset: the sum of the signed Gaussian bumps, clipped to [-1, 1]. Each
 * bump peaks at ±1 on its centre; the others add less than 0.01 there, as they sit over three standard
 * deviations away.
 *
 * @example
 * gaussTarget(-0.65, 0.45); // ≈ 1 (a hill)
 * gaussTarget(0, 0.45);     // ≈ −1 (a valley)
 */
export function gaussTarget(x1: number, x2: number): number {
  let sum = 0;
  for (const [cx, cy, sign] of GAUSS_BUMPS) {
    const d2 = (x1 - cx) ** 2 + (x2 - cy) ** 2;
    sum += sign * Math.exp(-d2 / (2 * GAUSS_BUMP_STD * GAUSS_BUMP_STD));
  }
  return clip(sum);
}

const clip = (v: number): number => Math.max(-1, Math.min(1, v));

function makeRegression(kind: 'plane' | 'gauss-reg', n: number, noise: number, seed: number): Dataset {
  const rng = createRng(seed);
  const jitter = 0.25 * Math.max(0, noise);
  const target = kind === 'plane' ? planeTarget : gaussTarget;
  const xs = new Float32Array(n * 2);
  const ys = new Float32Array(n);
  // Positions are uniform over [-1, 1]² and already in random order, so no shuffle is needed.
  for (let i = 0; i < n; i++) {
    const x1 = 2 * rng.next() - 1;
    const x2 = 2 * rng.next() - 1;
    const clean = target(x1, x2);
    xs[2 * i] = x1;
    xs[2 * i + 1] = x2;
    ys[i] = jitter > 0 ? clip(rng.normal(clean, jitter)) : clean;
  }
  return { xs, ys, n, inputDim: 2, outputDim: 1 };
}
