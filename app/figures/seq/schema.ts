import { int, num, type Field, type ValuesOf } from '../../state/schema';

/** A short text (a word the reader typed), at most `maxLength` characters. */
export function shortText(maxLength: number, defaultValue: string): Field<string> {
  return {
    defaultValue,
    parse(text) {
      return [...text].length <= maxLength ? { ok: true, value: text } : { ok: false, why: `"${text}" is longer than ${maxLength} characters` };
    },
    format: (value) => value,
  };
}

/** Characters the unrolled RNN reads at most (one column each). */
export const MAX_WORD = 16;

/** "Recurrent networks", figure 1: the word read and the seed of the random weights. */
export const unrolledSchema = {
  word: shortText(MAX_WORD, 'hello'),
  seed: int(1, 99999, 1),
};
export type UnrolledSettings = ValuesOf<typeof unrolledSchema>;

/** Figure 2: the noise on the waves, the model's seed, and which held-out wave is drawn. */
export const sineSchema = {
  noise: num(0, 0.5, 0.1, 0.05),
  seed: int(1, 99999, 1),
  wave: int(1, 99999, 1),
};
export type SineSettings = ValuesOf<typeof sineSchema>;
