/**
 * The shipped word list (public/datasets/words.bin.gz, made by scripts/make-words.mjs: 12,000 English words of
 * 3–9 letters from the npm package `word-list`) and the characters the spelling models read and write.
 *
 *   "cat" ─► inputs  . c a t       (the "." starts a word)
 *            targets c a t .       (… and ends it: the model learns when to stop)
 *
 * `readText` turns what a reader types into model characters, visibly: capitals are lowered, anything else
 * outside the 26 letters is reported back, never silently passed to a model.
 */
import type { Dataset } from '../types';
import { DatasetFileError, fetchGzipped } from './fetchGzipped';

/** The spelling models' characters: the word boundary "." then a … z. */
export const WORD_ALPHABET = '.abcdefghijklmnopqrstuvwxyz';
export const BOUNDARY = 0;

export interface WordList {
  words: string[];
  /** The first `train` words are for training, the rest held out. */
  train: number;
  /** Letters in the longest word. */
  maxLength: number;
}

const HEADER = 24;
const MAGIC = 'WRDS';
const hasMagic = (b: Uint8Array) => b.length >= 4 && String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!) === MAGIC;

function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193) >>> 0;
  return hash;
}

/**
 * Reads an unpacked word-list file, checking it (magic, version, checksum, letters only).
 *
 * @example
 * const { words, train } = parseWords(bytes);
 */
export function parseWords(bytes: Uint8Array): WordList {
  const damaged = (why: string) => new DatasetFileError(`The word list is damaged (${why}). Reload the page to fetch it again.`);
  if (bytes.length < HEADER) throw damaged(`only ${bytes.length} bytes`);
  if (!hasMagic(bytes)) throw damaged('it does not start like this course’s word list');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [version, n, train, maxLength, checksum] = [4, 8, 12, 16, 20].map((o) => view.getUint32(o, true)) as [number, number, number, number, number];
  if (version !== 1) throw damaged(`version ${version}, expected 1`);
  const body = bytes.subarray(HEADER);
  if (fnv1a(body) !== checksum) throw damaged('its checksum does not match');
  const words = new TextDecoder('ascii').decode(body).split('\n');
  if (words.pop() !== '') throw damaged('it was cut short');
  if (words.length !== n || train > n) throw damaged(`${words.length} words where the header says ${n}`);
  const bad = words.find((w) => !/^[a-z]+$/.test(w) || w.length > maxLength);
  if (bad !== undefined) throw damaged(`the word “${bad}” is not ${maxLength} or fewer letters a–z`);
  return { words, train, maxLength };
}

/**
 * Fetches the shipped word list, with progress (0 … 1).
 *
 * @example
 * const list = await loadWords(`${import.meta.env.BASE_URL}datasets/words.bin.gz`);
 */
export async function loadWords(url: string, opts: { onProgress?: (f: number) => void; signal?: AbortSignal } = {}): Promise<WordList> {
  return parseWords(await fetchGzipped(url, { ...opts, noun: 'word list', unpacked: hasMagic }));
}

/** What `readText` made of a reader's text. */
export interface ReadText {
  /** The text as the model reads it (lowercase letters only). */
  text: string;
  /** Model character indices of `text` (1 … 26). */
  indices: number[];
  /** Characters left out because the model has no such character, in order of appearance, each once. */
  dropped: string[];
  /** True when capitals were lowered. */
  lowered: boolean;
}

/**
 * A reader's text as model characters: capitals lowered, other characters (digits, spaces, accents, "."…)
 * dropped and listed.
 *
 * @example
 * readText('Qu1ck');   // { text: 'quck', indices: [17, 21, 3, 11], dropped: ['1'], lowered: true }
 */
export function readText(raw: string): ReadText {
  const dropped: string[] = [];
  let text = '';
  let lowered = false;
  for (const ch of raw) {
    const lower = ch.toLowerCase();
    if (lower.length === 1 && lower >= 'a' && lower <= 'z') {
      if (lower !== ch) lowered = true;
      text += lower;
    } else if (!dropped.includes(ch)) {
      dropped.push(ch);
    }
  }
  return { text, indices: [...text].map((c) => WORD_ALPHABET.indexOf(c)), dropped, lowered };
}

/**
 * One-hot training pairs for next-character prediction: each word padded to `maxLength + 1` steps. Inputs are
 * "." + the word (then zeros), targets the word + "." (then all-zero rows, which the loss ignores).
 *
 * @example
 * const data = wordDataset(list.words.slice(0, list.train), list.maxLength);   // inputDim = outputDim = 10 · 27
 */
export function wordDataset(words: readonly string[], maxLength: number): Dataset {
  const v = WORD_ALPHABET.length;
  const steps = maxLength + 1;
  const width = steps * v;
  const xs = new Float32Array(words.length * width);
  const ys = new Float32Array(words.length * width);
  words.forEach((word, n) => {
    const codes = [...word].map((c) => WORD_ALPHABET.indexOf(c));
    if (codes.length > maxLength || codes.some((k) => k < 1)) throw new Error(`“${word}” is not ${maxLength} or fewer letters a–z.`);
    const inputs = [BOUNDARY, ...codes];
    const targets = [...codes, BOUNDARY];
    inputs.forEach((k, t) => (xs[n * width + t * v + k] = 1));
    targets.forEach((k, t) => (ys[n * width + t * v + k] = 1));
  });
  return { xs, ys, n: words.length, inputDim: width, outputDim: width };
}
