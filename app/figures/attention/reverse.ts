/**
 * What the reversal figures share: the models' ids and configs, reading the digits a reader types, the live
 * model's forward pass on them (from its latest weights, in plain JS) and how much attention lands on the mirror
 * position, the one each output must read.
 */
import { transformerTrace, type TransformerTrace } from '../../engine/attention/forward';
import type { PositionKind, TransformerSpec } from '../../engine/attention/spec';
import { REVERSE_LENGTH, REVERSE_SYMBOLS } from '../../engine/data/sequences';
import { createRng } from '../../engine/rng';
import { isTransformer, type SeqModelConfig } from '../../engine/seq/tasks';
import type { LiveSeqModel } from '../seq/sequenceModels';

/** The reversal model of "Attention", which the later lessons open again. */
export const REVERSE_ID = 'reverse';

export const reverseConfig = (positions: PositionKind = 'learned', heads = 2): SeqModelConfig => ({ task: 'reverse', cell: 'transformer', positions, heads });

export interface ReadDigits {
  digits: number[] | null;
  /** Why the text cannot be used, if it cannot. */
  problem: string | null;
  /** Characters that were left out (not digits). */
  dropped: string[];
}

/**
 * The digits of what a reader typed: anything else is left out and listed; exactly REVERSE_LENGTH must remain.
 *
 * @example
 * readDigits('3141 5926'); // { digits: [3, 1, 4, 1, 5, 9, 2, 6], problem: null, dropped: [' '] }
 */
export function readDigits(raw: string): ReadDigits {
  const dropped: string[] = [];
  const digits: number[] = [];
  for (const ch of raw) {
    const d = REVERSE_SYMBOLS.indexOf(ch);
    if (d < 0) dropped.push(ch);
    else digits.push(d);
  }
  if (digits.length !== REVERSE_LENGTH) {
    return { digits: null, dropped, problem: `Type exactly ${REVERSE_LENGTH} digits (0–9): this has ${digits.length}.` };
  }
  return { digits, dropped, problem: null };
}

/** A random sequence of digits, as text. */
export function randomDigits(seed: number): string {
  const rng = createRng(seed);
  return Array.from({ length: REVERSE_LENGTH }, () => REVERSE_SYMBOLS[rng.int(REVERSE_SYMBOLS.length)]).join('');
}

/** The live model's forward pass on `digits` from its latest weights (null before its first view). */
export function traceLive(model: LiveSeqModel | null, digits: readonly number[] | null, over?: Partial<TransformerSpec>): TransformerTrace | null {
  if (!model?.spec || !model.view || !digits || !isTransformer(model.spec)) return null;
  return transformerTrace({ ...model.spec, ...over }, model.view.weights, digits);
}

/** The digits a trace predicts, one per position. */
export function predicted(trace: TransformerTrace): number[] {
  const o = REVERSE_SYMBOLS.length;
  return Array.from({ length: trace.tokens.length }, (_, i) => {
    let best = 0;
    for (let c = 1; c < o; c++) if (trace.probs[i * o + c]! > trace.probs[i * o + best]!) best = c;
    return best;
  });
}

/** One head's [T, T] weights out of a block's [H, T, T]. */
export const headWeights = (weights: Float32Array, head: number, t: number) => weights.subarray(head * t * t, (head + 1) * t * t);

/** The heads' mean [T, T]. */
export function headMean(weights: Float32Array, heads: number, t: number): Float32Array {
  const out = new Float32Array(t * t);
  for (let h = 0; h < heads; h++) for (let i = 0; i < t * t; i++) out[i]! += weights[h * t * t + i]! / heads;
  return out;
}

/** The mean weight a [T, T] map puts on the mirror position (row i, column T − 1 − i): 1/T when even, 1 when aligned. */
export function mirrorShare(map: ArrayLike<number>, t: number): number {
  let s = 0;
  for (let i = 0; i < t; i++) s += map[i * t + (t - 1 - i)]!;
  return s / t;
}

/** The models of "Positional encoding"'s comparison, one per kind of position, trained together. */
export const POSITION_IDS = { none: 'pos-none', sinusoidal: 'pos-sinusoidal', learned: 'pos-learned' } as const satisfies Record<PositionKind, string>;

/**
 * The cosine similarity of every pair of rows of a [rows, dims] table (1 on the diagonal).
 *
 * @example
 * cosineMatrix(Float32Array.of(1, 0, 0, 1), 2, 2); // [1, 0, 0, 1]
 */
export function cosineMatrix(table: Float32Array, rows: number, dims: number): Float32Array {
  const norms = Array.from({ length: rows }, (_, i) => {
    let s = 0;
    for (let k = 0; k < dims; k++) s += table[i * dims + k]! ** 2;
    return Math.sqrt(s) || 1;
  });
  const out = new Float32Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < rows; j++) {
      let s = 0;
      for (let k = 0; k < dims; k++) s += table[i * dims + k]! * table[j * dims + k]!;
      out[i * rows + j] = s / (norms[i]! * norms[j]!);
    }
  }
  return out;
}

/**
 * A seeded reordering of 0 … n−1 that moves at least one place (Fisher–Yates, drawn again if it moved nothing).
 *
 * @example
 * shuffleOrder(8, 3); // e.g. [5, 0, 7, 2, 1, 6, 3, 4]: place 0 now holds what was at place 5
 */
export function shuffleOrder(n: number, seed: number): number[] {
  const rng = createRng(seed);
  for (;;) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    if (n < 2 || order.some((v, i) => v !== i)) return order;
  }
}
