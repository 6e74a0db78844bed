/**
 * The unrolled-RNN figure's arithmetic, kept out of the component: seeded random (untrained) weights for an RNN
 * that reads one-hot characters, and how far apart two hidden states are.
 */
import { WORD_ALPHABET } from '../../engine/data/words';
import { createRng } from '../../engine/rng';
import type { CellWeights } from '../../engine/seq/cells';

export const UNROLLED_UNITS = 8;

/**
 * Random weights for an RNN over the 27 characters of WORD_ALPHABET: W in ±1 (a one-hot input picks one row, so
 * each letter gets its own clearly visible push), U in ±0.55 (the state carries over without saturating every
 * unit), b in ±0.3.
 *
 * @example
 * const cell = randomRnn(1);   // the same weights for the same seed
 */
export function randomRnn(seed: number, units = UNROLLED_UNITS): CellWeights {
  const rng = createRng(seed);
  const uniform = (n: number, limit: number) => Float32Array.from({ length: n }, () => (rng.next() * 2 - 1) * limit);
  const inputSize = WORD_ALPHABET.length;
  return {
    kind: 'rnn',
    inputSize,
    units,
    kernel: uniform(inputSize * units, 1),
    recurrent: uniform(units * units, 0.55),
    bias: uniform(units, 0.3),
  };
}

/** The Euclidean distance between two hidden states. */
export function stateDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] ?? 0) - (b[i] ?? 0)) ** 2;
  return Math.sqrt(sum);
}

/** A signed number for the formula: two decimals, a real minus sign, negative numbers in brackets when added. */
export function signed(v: number, bracket = false): string {
  const t = v.toFixed(2);
  if (t.startsWith('-')) return bracket ? `(-${t.slice(1)})` : `-${t.slice(1)}`;
  return t;
}
