/**
 * A small seeded random number generator. Every random choice the engine makes (initial weights, datasets,
 * shuffles) goes through one of these, so a lesson replays identically for a given seed. TF.js's own random ops
 * are never used: their seeds are not honoured the same way on every backend.
 */

/**
 * A seeded stream of random numbers.
 *
 * @example
 * const rng: Rng = createRng(1);
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Gaussian with the given mean and standard deviation (Box–Muller). */
  normal(mean?: number, std?: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(arr: T[]): T[];
  /** A random ordering of 0 … n−1. */
  permutation(n: number): Int32Array;
}

/**
 * Creates a mulberry32 generator: 32 bits of state, fast, and good enough for teaching demos
 * (it is not cryptographic). Equal seeds give equal sequences.
 *
 * @example
 * const rng = createRng(42);
 * const x = rng.next();           // in [0, 1)
 * const w = rng.normal(0, 0.1);   // Gaussian
 * const order = rng.permutation(10);
 */
export function createRng(seed: number): Rng {
  // `>>> 0` keeps negative and fractional seeds valid while staying a pure function of the seed.
  let state = Math.floor(seed) >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const normal = (mean = 0, std = 1): number => {
    // 1 - next() is in (0, 1], so the logarithm is finite. No cached second value: the stream then depends
    // only on how many numbers were drawn, which keeps replays simple to reason about.
    const u1 = 1 - next();
    const u2 = next();
    return mean + std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };

  const int = (n: number): number => Math.floor(next() * n);

  const shuffle = <T>(arr: T[]): T[] => {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = int(i + 1);
      const tmp = arr[i] as T;
      arr[i] = arr[j] as T;
      arr[j] = tmp;
    }
    return arr;
  };

  const permutation = (n: number): Int32Array => {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = int(i + 1);
      const tmp = out[i] as number;
      out[i] = out[j] as number;
      out[j] = tmp;
    }
    return out;
  };

  return { next, normal, int, shuffle, permutation };
}

/**
 * Combines a seed with a salt into a new, well-scrambled seed, so independent streams (e.g. one shuffle per
 * epoch) can be derived from one user-visible seed without the streams overlapping.
 *
 * @example
 * const epochRng = createRng(mixSeed(seed, epoch));
 */
export function mixSeed(seed: number, salt: number): number {
  // A murmur3-style finaliser over the two inputs.
  let h = (Math.floor(seed) >>> 0) ^ Math.imul(Math.floor(salt) >>> 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
