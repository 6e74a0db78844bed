/**
 * Reading a trained character model in plain JavaScript, from its weights: the probability of each next
 * character after a prefix, and new words sampled one character at a time.
 *
 *   "." q u ──► cell, cell, cell ──► read-out ──► softmax(logits / T) ──► p(next = a … z, or "." = the end)
 *   sample: draw a character from p, feed it back in, repeat until "." (or the length cap)
 */
import { BOUNDARY, WORD_ALPHABET } from '../data/words';
import type { Rng } from '../rng';
import { cellStep, readout, softmax, type CellWeights, type Readout, type StepTrace } from './cells';

/** A character model's two parts, as `toCellWeights` returns them. */
export interface CharModel {
  cell: CellWeights;
  out: Readout;
}

/** Runs "." + the prefix through the cell; returns the state after the last character. */
function readPrefix(model: CharModel, prefix: readonly number[]): StepTrace {
  let state = cellStep(model.cell, BOUNDARY);
  for (const k of prefix) state = cellStep(model.cell, k, state.h, state.c);
  return state;
}

/**
 * p(next character | "." + prefix) at a temperature; index 0 is the end of the word.
 *
 * @example
 * const p = nextCharProbabilities(model, readText('qu').indices, 1);   // p[WORD_ALPHABET.indexOf('e')]
 */
export function nextCharProbabilities(model: CharModel, prefix: readonly number[], temperature = 1): Float32Array {
  return softmax(readout(model.out, readPrefix(model, prefix).h), temperature);
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

/**
 * A new word: the prefix, then characters drawn from the model until it ends the word or `maxLetters` is reached.
 *
 * @example
 * sampleWord(model, { temperature: 0.8, rng: createRng(1) });                 // e.g. "stoner"
 * sampleWord(model, { temperature: 0.8, rng, prefix: readText('qu').indices }); // e.g. "quilt"
 */
export function sampleWord(model: CharModel, opts: { temperature: number; rng: Rng; prefix?: readonly number[]; maxLetters?: number }): string {
  const prefix = opts.prefix ?? [];
  const max = opts.maxLetters ?? 14;
  let state = readPrefix(model, prefix);
  let word = prefix.map((k) => WORD_ALPHABET[k]).join('');
  while (word.length < max) {
    const k = draw(softmax(readout(model.out, state.h), opts.temperature), opts.rng);
    if (k === BOUNDARY) break;
    word += WORD_ALPHABET[k];
    state = cellStep(model.cell, k, state.h, state.c);
  }
  return word;
}
