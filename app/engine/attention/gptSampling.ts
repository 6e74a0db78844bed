/**
 * Reading the tiny GPT (a causal transformer over the word alphabet) in plain JavaScript, from its weights: the
 * probability of each next character after a prefix, reshaped by a temperature and cut to the top k, and new
 * words sampled one character at a time.
 *
 *   "." m a k ──► embed + position ──► blocks (each position attends to itself and earlier ones) ──► logits
 *     ──► z / T ──► keep the k largest ──► softmax ──► p(next = a … z, or "." = the end)
 *   sample: draw a character from p, append it, repeat until "." or 9 letters (10 positions: "." + 9)
 *
 * It runs on the page's thread many times a second while the model trains, so it does not call
 * `transformerTrace` (which recomputes every position and keeps every vector). `createGptStepper` is the same
 * arithmetic done incrementally: each new token computes only its own row, against the keys and values of the
 * earlier positions kept in a cache (a causal model's earlier rows never change when a token is appended).
 */
import { BOUNDARY, WORD_ALPHABET } from '../data/words';
import type { Rng } from '../rng';
import { draw } from '../seq/sampling';
import { layerNormInto } from './forward';
import { headSize, toTransformerWeights, type TransformerSpec, type TransformerWeights } from './spec';

/** Letters a sampled word may have: the model has 10 positions, "." and 9 letters. */
export const MAX_LETTERS = 9;

/** How to turn logits into the distribution a character is drawn from. */
export interface SamplingOptions {
  /** Divides the logits before softmax; 0 (or below) means always the likeliest character. */
  temperature: number;
  /** Keep only the k likeliest characters (renormalised); undefined, 0 or ≥ the vocabulary keeps them all. */
  topK?: number;
}

/** An incremental reader of one causal transformer: push tokens one by one, read the logits after each. */
export interface GptStepper {
  /** Tokens pushed so far. */
  readonly length: number;
  /** Forgets every token. */
  reset(): void;
  /** Appends a token and returns the logits of the next one (a view into a reused buffer). */
  push(token: number): Float32Array;
  /** The logits after the last token pushed. */
  readonly logits: Float32Array;
  /** Becomes a copy of `other` (same weights), so a shared prefix is read once. */
  copyFrom(other: GptStepper): void;
}

/** out = x [n] · m [n, cols] (+ bias). */
function vecMat(x: Float32Array, m: Float32Array, cols: number, out: Float32Array, bias?: Float32Array) {
  const n = x.length;
  for (let c = 0; c < cols; c++) out[c] = bias ? bias[c]! : 0;
  for (let j = 0; j < n; j++) {
    const xj = x[j]!;
    if (xj === 0) continue;
    const row = j * cols;
    for (let c = 0; c < cols; c++) out[c]! += xj * m[row + c]!;
  }
}

/** Each stepper's key/value cache, for `copyFrom`. */
const caches = new WeakMap<GptStepper, { keys: Float32Array[]; values: Float32Array[]; readonly t: number }>();

/**
 * A stepper for a causal transformer (`spec.causal`, read-out 'every'). Buffers are made once; `push` allocates
 * nothing.
 *
 * @example
 * const s = createGptStepper(spec, view.weights);
 * s.push(0); s.push(13);            // "." then "m"
 * s.logits;                         // the scores of the character after "m"
 */
export function createGptStepper(spec: TransformerSpec, weights: readonly Float32Array[] | TransformerWeights): GptStepper {
  if (!spec.causal || spec.readout !== 'every') throw new Error('Only a causal transformer with a read-out at every position can be read incrementally.');
  const w = Array.isArray(weights) || !('blocks' in weights) ? toTransformerWeights(spec, weights as Float32Array[]) : weights;
  const { dModel: d, heads: h, ffn, length: maxT, outputSize: o } = spec;
  const dh = headSize(spec);
  const scale = 1 / Math.sqrt(dh);
  const keys = w.blocks.map(() => new Float32Array(maxT * d));
  const values = w.blocks.map(() => new Float32Array(maxT * d));
  const x = new Float32Array(d);
  const ln = new Float32Array(d);
  const q = new Float32Array(d);
  const mixed = new Float32Array(d);
  const tmp = new Float32Array(d);
  const hidden = new Float32Array(ffn);
  const scores = new Float32Array(maxT);
  const logits = new Float32Array(o);
  let t = 0;

  const stepper: GptStepper = {
    get length() {
      return t;
    },
    logits,
    reset() {
      t = 0;
      logits.fill(0);
    },
    push(token) {
      if (t >= maxT) throw new Error(`This transformer reads at most ${maxT} tokens.`);
      if (token < 0 || token >= spec.inputSize) throw new Error(`Token ${token} is outside the vocabulary of ${spec.inputSize}.`);
      x.set(w.tokenEmbedding.subarray(token * d, (token + 1) * d));
      if (w.positionEmbedding) for (let j = 0; j < d; j++) x[j]! += w.positionEmbedding[t * d + j]!;
      else if (spec.positions === 'sinusoidal') throw new Error('The incremental reader handles learned positions only.');
      w.blocks.forEach((b, l) => {
        const K = keys[l]!;
        const V = values[l]!;
        layerNormInto(x, b.ln1Gain, b.ln1Bias, ln);
        vecMat(ln, b.wq, d, q);
        vecMat(ln, b.wk, d, tmp);
        K.set(tmp, t * d);
        vecMat(ln, b.wv, d, tmp);
        V.set(tmp, t * d);
        mixed.fill(0);
        for (let head = 0; head < h; head++) {
          const c0 = head * dh;
          let max = -Infinity;
          for (let j = 0; j <= t; j++) {
            let s = 0;
            for (let c = c0; c < c0 + dh; c++) s += q[c]! * K[j * d + c]!;
            s *= scale;
            scores[j] = s;
            if (s > max) max = s;
          }
          let sum = 0;
          for (let j = 0; j <= t; j++) sum += scores[j] = Math.exp(scores[j]! - max);
          for (let j = 0; j <= t; j++) {
            const a = scores[j]! / sum;
            for (let c = c0; c < c0 + dh; c++) mixed[c]! += a * V[j * d + c]!;
          }
        }
        vecMat(mixed, b.wo, d, tmp);
        for (let j = 0; j < d; j++) x[j]! += tmp[j]!;
        layerNormInto(x, b.ln2Gain, b.ln2Bias, ln);
        vecMat(ln, b.w1, ffn, hidden, b.b1);
        for (let j = 0; j < ffn; j++) if (hidden[j]! < 0) hidden[j] = 0;
        vecMat(hidden, b.w2, d, tmp, b.b2);
        for (let j = 0; j < d; j++) x[j]! += tmp[j]!;
      });
      layerNormInto(x, w.finalGain, w.finalBias, ln);
      vecMat(ln, w.outKernel, o, logits, w.outBias);
      t++;
      return logits;
    },
    copyFrom(other) {
      const s = caches.get(other);
      if (!s || s.keys.length !== keys.length) throw new Error('A stepper copies only another stepper of the same model.');
      s.keys.forEach((k, l) => keys[l]!.set(k.subarray(0, s.t * d)));
      s.values.forEach((v, l) => values[l]!.set(v.subarray(0, s.t * d)));
      logits.set(other.logits);
      t = s.t;
    },
  };
  caches.set(stepper, {
    keys,
    values,
    get t() {
      return t;
    },
  });
  return stepper;
}

/**
 * The distribution to draw from: softmax(logits / T) over the `topK` largest logits (the rest get exactly 0),
 * into `out` (a new array if not given). T ≤ 0 puts all the probability on the largest logit (the first of ties).
 *
 * @example
 * shapeProbabilities(Float32Array.of(2, 1, 0), { temperature: 1, topK: 2 }); // ≈ [0.73, 0.27, 0]
 */
export function shapeProbabilities(logits: ArrayLike<number>, opts: SamplingOptions, out = new Float32Array(logits.length)): Float32Array {
  const n = logits.length;
  const k = opts.topK && opts.topK > 0 ? Math.min(opts.topK, n) : n;
  // The threshold: the k-th largest logit; among ties at the threshold, the earliest indices are kept.
  let keep: Uint8Array | null = null;
  if (k < n) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => logits[b]! - logits[a]! || a - b);
    keep = new Uint8Array(n);
    for (let i = 0; i < k; i++) keep[order[i]!] = 1;
  }
  let best = -1;
  for (let i = 0; i < n; i++) if ((!keep || keep[i]) && (best < 0 || logits[i]! > logits[best]!)) best = i;
  if (!(opts.temperature > 0)) {
    out.fill(0);
    out[best] = 1;
    return out;
  }
  const max = logits[best]! / opts.temperature;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = keep && !keep[i] ? 0 : Math.exp(logits[i]! / opts.temperature - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < n; i++) out[i]! /= sum;
  return out;
}

/**
 * p(next character | "." + prefix), shaped by temperature and top-k; index 0 is the end of the word.
 *
 * @example
 * nextCharProbabilities(spec, view.weights, readText('qu').indices, { temperature: 1, topK: 5 });
 */
export function nextCharProbabilities(
  spec: TransformerSpec,
  weights: readonly Float32Array[] | TransformerWeights | GptStepper,
  prefix: readonly number[],
  opts: SamplingOptions,
): Float32Array {
  const s = 'copyFrom' in weights ? weights : createGptStepper(spec, weights);
  s.reset();
  s.push(BOUNDARY);
  for (const k of prefix.slice(0, spec.length - 1)) s.push(k);
  return shapeProbabilities(s.logits, opts);
}

/**
 * `count` words: each the prefix, then characters drawn from the shaped probabilities until the model ends the
 * word or it has `maxLetters` (at most 9) letters. Prefixes longer than that are cut.
 *
 * @example
 * sampleGptWords(spec, view.weights, 12, { temperature: 0.8, topK: 10, rng: createRng(1) }); // e.g. ["maker", …]
 */
export function sampleGptWords(
  spec: TransformerSpec,
  weights: readonly Float32Array[] | TransformerWeights,
  count: number,
  opts: SamplingOptions & { rng: Rng; prefix?: readonly number[]; maxLetters?: number },
): string[] {
  const max = Math.min(opts.maxLetters ?? MAX_LETTERS, spec.length - 1);
  const prefix = (opts.prefix ?? []).slice(0, max);
  const start = createGptStepper(spec, weights);
  start.push(BOUNDARY);
  for (const k of prefix) start.push(k);
  const s = createGptStepper(spec, weights);
  const p = new Float32Array(spec.outputSize);
  const head = prefix.map((k) => WORD_ALPHABET[k]).join('');
  const words: string[] = [];
  for (let n = 0; n < count; n++) {
    s.copyFrom(start);
    let word = head;
    while (word.length < max) {
      const k = draw(shapeProbabilities(s.logits, opts, p), opts.rng);
      if (k === BOUNDARY) break;
      word += WORD_ALPHABET[k];
      s.push(k);
    }
    words.push(word);
  }
  return words;
}
