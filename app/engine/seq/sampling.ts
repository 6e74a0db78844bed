/**
 * Reading a trained character model in plain JavaScript, from its weights: the probability of each next
 * character after a prefix, and new words sampled one character at a time.
 *
 *   "." q u ──► cell, cell, cell ──► read-out ──► softmax(logits / T) ──► p(next = a … z, or "." = the end)
 *   sample: draw a character from p, feed it back in, repeat until "." (or the length cap)
 *
 * It runs on the page's thread many times a second while the model trains, so it uses the allocation-free
 * `createStepper` (the same arithmetic as `cellStep`).
 */
import { BOUNDARY, WORD_ALPHABET } from '../data/words';
import type { Rng } from '../rng';
import { createStepper, readoutInto, type CellWeights, type Readout, type Stepper } from './cells';

/** A character model's two parts, as `toCellWeights` returns them. */
export interface CharModel {
  cell: CellWeights;
  out: Readout;
}

/** Draws an index from a probability vector. */
export function draw(p: ArrayLike<number>, rng: Rng): number {
  let u = rng.next();
  for (let i = 0; i < p.length; i++) {
    u -= p[i]!;
    if (u < 0) return i;
  }
  return p.length - 1;
}

/** softmax(logits / T) in place. */
function softmaxInPlace(v: Float32Array, temperature: number): Float32Array {
  const t = Math.max(1e-6, temperature);
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) max = Math.max(max, v[i]! / t);
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] = Math.exp(v[i]! / t - max);
  for (let i = 0; i < v.length; i++) v[i]! /= sum;
  return v;
}

/** A reader of one model: steppers and buffers made once, reused for every word. */
function reader(model: CharModel) {
  const start = createStepper(model.cell);
  const s = createStepper(model.cell);
  const logits = new Float32Array(model.out.bias.length);
  const begin = (prefix: readonly number[]): Stepper => {
    start.reset();
    start.step(BOUNDARY);
    for (const k of prefix) start.step(k);
    return start;
  };
  return { s, logits, begin };
}

/**
 * p(next character | "." + prefix) at a temperature; index 0 is the end of the word.
 *
 * @example
 * const p = nextCharProbabilities(model, readText('qu').indices, 1);   // p[WORD_ALPHABET.indexOf('e')]
 */
export function nextCharProbabilities(model: CharModel, prefix: readonly number[], temperature = 1): Float32Array {
  const r = reader(model);
  const state = r.begin(prefix);
  return softmaxInPlace(readoutInto(model.out, state.h, r.logits), temperature);
}

/**
 * `count` new words: each the prefix, then characters drawn from the model until it ends the word or
 * `maxLetters` is reached.
 *
 * @example
 * sampleWords(model, 5, { temperature: 0.8, rng: createRng(1) });                  // e.g. ["stoner", …]
 * sampleWords(model, 3, { temperature: 0.8, rng, prefix: readText('qu').indices }); // e.g. ["quilt", …]
 */
export function sampleWords(
  model: CharModel,
  count: number,
  opts: { temperature: number; rng: Rng; prefix?: readonly number[]; maxLetters?: number },
): string[] {
  const prefix = opts.prefix ?? [];
  const max = opts.maxLetters ?? 14;
  const r = reader(model);
  const start = r.begin(prefix);
  const head = prefix.map((k) => WORD_ALPHABET[k]).join('');
  const words: string[] = [];
  for (let n = 0; n < count; n++) {
    r.s.copyFrom(start);
    let word = head;
    while (word.length < max) {
      const k = draw(softmaxInPlace(readoutInto(model.out, r.s.h, r.logits), opts.temperature), opts.rng);
      if (k === BOUNDARY) break;
      word += WORD_ALPHABET[k];
      r.s.step(k);
    }
    words.push(word);
  }
  return words;
}

/** One new word (see `sampleWords`). */
export function sampleWord(model: CharModel, opts: { temperature: number; rng: Rng; prefix?: readonly number[]; maxLetters?: number }): string {
  return sampleWords(model, 1, opts)[0]!;
}
