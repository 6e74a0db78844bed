/**
 * The arithmetic of one attention read-out, in plain JavaScript so the attention figures load without TF.js:
 *
 *   scores  sᵢ = q · kᵢ
 *   scaled  sᵢ / √d          (d: the length of q and of every key)
 *   weights w  = softmax(β · sᵢ / √d)     (β = 1 in a transformer; the figure lets the reader turn it)
 *   output  o  = Σᵢ wᵢ vᵢ
 *
 * and the draws of the scaling figure: a random query and keys with unit-variance entries, whose raw scores
 * spread like √d.
 */
import { createRng } from '../../engine/rng';

export type Vec = readonly number[];

/** q · k. */
export function dot(a: Vec, b: Vec): number {
  if (a.length !== b.length) throw new Error(`Cannot take the dot product of vectors of length ${a.length} and ${b.length}.`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * Softmax, computed stably (the largest score is subtracted first, so e^x never overflows).
 *
 * @example
 * softmax([0, Math.log(3)]); // [0.25, 0.75]
 */
export function softmax(scores: Vec): number[] {
  if (scores.length === 0) return [];
  const top = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

export interface Attention {
  /** q · kᵢ */
  scores: number[];
  /** β · q · kᵢ / √d: what softmax reads. */
  scaled: number[];
  /** softmax(scaled): how much of each value goes into the output. */
  weights: number[];
  /** Σ wᵢ vᵢ */
  output: number[];
}

/**
 * One query attending over keys and their values.
 *
 * @example
 * const { weights, output } = attend([1, 0], [[1, 0], [0, 1]], [[2, 0], [0, 2]]);
 */
export function attend(q: Vec, keys: readonly Vec[], values: readonly Vec[], sharpness = 1): Attention {
  if (keys.length !== values.length) throw new Error(`Every key needs a value (${keys.length} keys, ${values.length} values).`);
  const d = q.length;
  const scores = keys.map((k) => dot(q, k));
  const scaled = scores.map((s) => (sharpness * s) / Math.sqrt(d));
  const weights = softmax(scaled);
  const dv = values[0]?.length ?? 0;
  const output = new Array<number>(dv).fill(0);
  values.forEach((v, i) => {
    for (let j = 0; j < dv; j++) output[j]! += weights[i]! * v[j]!;
  });
  return { scores, scaled, weights, output };
}

/**
 * The largest entry of softmax's Jacobian, max over i of ∂wᵢ/∂sᵢ = wᵢ(1 − wᵢ). It is 1/4 at most (two scores tied)
 * and near 0 when one weight has taken nearly everything: then no score gets a useful gradient.
 */
export function largestSoftmaxSlope(weights: Vec): number {
  let best = 0;
  for (const w of weights) best = Math.max(best, w * (1 - w));
  return best;
}

/** The population standard deviation of some numbers. */
export function spread(xs: Vec): number {
  if (xs.length === 0) return 0;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
}

/** The largest dimension the scaling figure draws: every smaller d reads the first d entries of the same draw. */
export const MAX_DIMS = 512;

export interface ScalingDraw {
  d: number;
  raw: number[];
  scaled: number[];
  rawWeights: number[];
  scaledWeights: number[];
}

/**
 * A query and `keys` keys whose entries are independent, mean 0, variance 1, from one seed. A draw at dimension d
 * uses the first d entries of the 512 drawn, so moving the d slider grows the same vectors instead of redrawing.
 *
 * @example
 * const draw = drawScaling(1, 8);
 * scalingAt(draw, 64).raw; // 8 scores with a spread near 8
 */
export function drawScaling(seed: number, keys = 8): { q: Float64Array; keys: Float64Array[] } {
  const rng = createRng(seed);
  const vec = () => Float64Array.from({ length: MAX_DIMS }, () => rng.normal());
  const q = vec();
  return { q, keys: Array.from({ length: keys }, vec) };
}

/** The raw and scaled scores of a draw at dimension d, and the softmax of each. */
export function scalingAt(draw: { q: Float64Array; keys: Float64Array[] }, d: number): ScalingDraw {
  if (!Number.isInteger(d) || d < 1 || d > draw.q.length) throw new Error(`d must be a whole number from 1 to ${draw.q.length} (got ${d}).`);
  const q = Array.from(draw.q.subarray(0, d));
  const raw = draw.keys.map((k) => dot(q, Array.from(k.subarray(0, d))));
  const scaled = raw.map((s) => s / Math.sqrt(d));
  return { d, raw, scaled, rawWeights: softmax(raw), scaledWeights: softmax(scaled) };
}
