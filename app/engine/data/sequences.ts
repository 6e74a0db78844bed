/**
 * Procedural sequences for the recurrent lessons, seeded (same seed, same data):
 *
 * - **Noisy sine waves** (`sineDataset`): windows of a wave of random period and phase plus Gaussian noise; the
 *   target at every step is the next noisy value. A model that learns it has learned the wave, not the noise.
 * - **Recall the first letter** (`recallDataset`): a key (a, b, c or d) followed by `length − 1` random letters
 *   a–h; the answer is the key. The keys turn up again later in the sequence, so the model cannot tell the answer
 *   from the letter alone: it must carry the first one across the whole sequence, the classic test of long-range
 *   memory.
 */
import { createRng, mixSeed } from '../rng';
import type { Dataset } from '../types';

/** Periods of the sine waves, in time steps. */
export const SINE_PERIODS = { min: 12, max: 28 } as const;

export interface SineOptions {
  n: number;
  /** Time steps per window (the model's input length). */
  steps: number;
  /** Standard deviation of the noise added to a wave of amplitude 1. */
  noise: number;
  seed: number;
}

/**
 * One noisy wave of `length` values (the first sample's `period` and `phase` are drawn from the seed).
 *
 * @example
 * const { values, clean, period } = sineSeries({ length: 80, noise: 0.1, seed: 3 });
 */
export function sineSeries({ length, noise, seed }: { length: number; noise: number; seed: number }) {
  const rng = createRng(seed);
  const period = SINE_PERIODS.min + rng.next() * (SINE_PERIODS.max - SINE_PERIODS.min);
  const phase = rng.next() * 2 * Math.PI;
  const clean = Float32Array.from({ length }, (_, t) => Math.sin((2 * Math.PI * t) / period + phase));
  const values = clean.map((v) => v + rng.normal(0, noise));
  return { values, clean, period, phase };
}

/**
 * Windows of noisy waves: xs[t] = value t, ys[t] = value t + 1 (inputDim = outputDim = steps).
 *
 * @example
 * const data = sineDataset({ n: 512, steps: 40, noise: 0.1, seed: 1 });
 */
export function sineDataset({ n, steps, noise, seed }: SineOptions): Dataset {
  const xs = new Float32Array(n * steps);
  const ys = new Float32Array(n * steps);
  for (let i = 0; i < n; i++) {
    const { values } = sineSeries({ length: steps + 1, noise, seed: mixSeed(seed, i) });
    xs.set(values.subarray(0, steps), i * steps);
    ys.set(values.subarray(1), i * steps);
  }
  return { xs, ys, n, inputDim: steps, outputDim: steps };
}

/** The recall task's letters; the first four are the keys. One-hot index = position in this string. */
export const RECALL_SYMBOLS = 'abcdefgh';
export const RECALL_KEYS = 4;

/** Shortest and longest recall sequences the lessons offer. */
export const RECALL_LENGTHS = { min: 2, max: 60 } as const;

export interface RecallData extends Dataset {
  length: number;
  /** Each sequence's symbols (n × length indices into RECALL_SYMBOLS). */
  symbols: Uint8Array;
  /** Each sequence's key (0 … 3), the answer. */
  keys: Uint8Array;
}

/**
 * `n` recall sequences of `length` symbols, one-hot (inputDim = length · 12, outputDim = 4).
 *
 * @example
 * const data = recallDataset({ n: 2048, length: 30, seed: 1 });
 * RECALL_SYMBOLS[data.symbols[0]];   // "A" … "D": the answer is data.keys[0]
 */
export function recallDataset({ n, length, seed }: { n: number; length: number; seed: number }): RecallData {
  if (!Number.isInteger(length) || length < RECALL_LENGTHS.min || length > RECALL_LENGTHS.max) {
    throw new Error(`A recall sequence has ${RECALL_LENGTHS.min} to ${RECALL_LENGTHS.max} symbols (got ${length}).`);
  }
  const v = RECALL_SYMBOLS.length;
  const rng = createRng(mixSeed(seed, length));
  const symbols = new Uint8Array(n * length);
  const keys = new Uint8Array(n);
  const xs = new Float32Array(n * length * v);
  const ys = new Float32Array(n * RECALL_KEYS);
  for (let i = 0; i < n; i++) {
    const key = rng.int(RECALL_KEYS);
    keys[i] = key;
    ys[i * RECALL_KEYS + key] = 1;
    for (let t = 0; t < length; t++) {
      const s = t === 0 ? key : rng.int(v);
      symbols[i * length + t] = s;
      xs[(i * length + t) * v + s] = 1;
    }
  }
  return { xs, ys, n, inputDim: length * v, outputDim: RECALL_KEYS, length, symbols, keys };
}

/**
 * One random recall sequence as text: a key a–d, then letters a–h.
 *
 * @example
 * randomRecallSequence(8, 1);   // e.g. "cbhaegdf": the answer is "c"
 */
export function randomRecallSequence(length: number, seed: number): string {
  const rng = createRng(seed);
  let s = RECALL_SYMBOLS[rng.int(RECALL_KEYS)]!;
  for (let t = 1; t < length; t++) s += RECALL_SYMBOLS[rng.int(RECALL_SYMBOLS.length)];
  return s;
}

/** What `readRecall` made of a typed recall sequence. */
export interface ReadRecall {
  /** Indices into RECALL_SYMBOLS. */
  symbols: number[];
  /** Characters that are not symbols of the task (each once). */
  dropped: string[];
  /** Set when the sequence cannot be used, written for the reader. */
  problem: string | null;
}

/**
 * A reader's recall sequence: letters a–h (capitals lowered), the first of them a key a–d; spaces are ignored
 * and anything else is dropped and listed.
 *
 * @example
 * readRecall('C abba hh');   // { symbols: [2, 0, 1, 1, 0, 7, 7], dropped: [], problem: null }
 */
export function readRecall(raw: string): ReadRecall {
  const dropped: string[] = [];
  const symbols: number[] = [];
  for (const ch of raw.replace(/\s+/g, '')) {
    const s = RECALL_SYMBOLS.indexOf(ch.toLowerCase());
    if (s >= 0 && (symbols.length > 0 || s < RECALL_KEYS)) symbols.push(s);
    else if (!dropped.includes(ch)) dropped.push(ch);
  }
  let problem: string | null = null;
  if (symbols.length === 0) problem = 'Type a sequence that starts with a key: a, b, c or d.';
  else if (symbols.length > RECALL_LENGTHS.max) problem = `Use at most ${RECALL_LENGTHS.max} letters.`;
  return { symbols, dropped, problem };
}

/** The reversal task's tokens: the ten digits. */
export const REVERSE_SYMBOLS = '0123456789';
/** Digits per reversal sequence. */
export const REVERSE_LENGTH = 8;

export interface ReverseData extends Dataset {
  /** Each sequence's digits, [n, length]. */
  digits: Uint8Array;
}

/**
 * Reverse a sequence: inputs are `length` random digits (one-hot), targets the same digits in reverse order (one
 * one-hot per position), so output position i must find input position length − 1 − i. Sequences in `exclude`
 * (as digit strings) are skipped, so held-out data can be kept apart from training data.
 *
 * @example
 * const train = reverseDataset({ n: 4096, seed: 1 });
 * const heldOut = reverseDataset({ n: 512, seed: 2, exclude: sequenceSet(train) });
 */
export function reverseDataset({ n, seed, length = REVERSE_LENGTH, exclude }: { n: number; seed: number; length?: number; exclude?: Set<string> }): ReverseData {
  const v = REVERSE_SYMBOLS.length;
  const rng = createRng(mixSeed(seed, 7 * length));
  const digits = new Uint8Array(n * length);
  const xs = new Float32Array(n * length * v);
  const ys = new Float32Array(n * length * v);
  for (let i = 0; i < n; ) {
    const seq = Array.from({ length }, () => rng.int(v));
    if (exclude?.has(seq.join(''))) continue;
    seq.forEach((d, t) => {
      digits[i * length + t] = d;
      xs[(i * length + t) * v + d] = 1;
      ys[(i * length + (length - 1 - t)) * v + d] = 1;
    });
    i++;
  }
  return { xs, ys, n, inputDim: length * v, outputDim: length * v, digits };
}

/** The sequences of a reversal data set as digit strings. */
export function sequenceSet(data: ReverseData): Set<string> {
  const length = data.inputDim / REVERSE_SYMBOLS.length;
  return new Set(Array.from({ length: data.n }, (_, i) => Array.from(data.digits.subarray(i * length, (i + 1) * length)).join('')));
}
