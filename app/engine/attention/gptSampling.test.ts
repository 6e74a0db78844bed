// The tiny GPT's sampling on the page: the incremental reader against the TF.js model and the full plain-JS
// pass, temperature and top-k against their definitions, and seeded draws.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORD_ALPHABET } from '../data/words';
import { createRng } from '../rng';
import { specFor } from '../seq/tasks';
import { transformerTrace } from './forward';
import { createGptStepper, MAX_LETTERS, nextCharProbabilities, sampleGptWords, shapeProbabilities } from './gptSampling';
import type { TransformerSpec } from './spec';
import { createTransformerModel } from './transformerModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const spec = specFor({ task: 'gpt', cell: 'transformer', layers: 2, heads: 4 }) as TransformerSpec;
const V = WORD_ALPHABET.length;

/** A model whose weights are spread wider than at the start, so the probabilities are far from uniform. */
function model(seed: number) {
  const m = createTransformerModel(spec, createRng(seed));
  const rng = createRng(seed + 100);
  const weights = m.variables.map((v) => {
    const w = v.dataSync() as Float32Array;
    return w.map((x) => x * 2 + rng.normal() * 0.3);
  });
  m.variables.forEach((v, i) => v.assign(tf.tensor(weights[i]!, v.shape)));
  return { m, weights };
}

const oneHot = (tokens: number[]) => {
  const x = new Float32Array(tokens.length * V);
  tokens.forEach((k, i) => (x[i * V + k] = 1));
  return tf.tensor2d(x, [1, x.length]);
};

function softmax(z: number[], t: number) {
  const max = Math.max(...z.map((v) => v / t));
  const e = z.map((v) => Math.exp(v / t - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

describe('the incremental GPT reader', () => {
  it('gives softmax(logits / T) of the TF.js model’s predict for a prefix, at the last position', () => {
    const { m, weights } = model(3);
    const prefix = [13, 1, 11, 5]; // "make"
    const tokens = [0, ...prefix];
    const all = (m.predict(oneHot(tokens)).arraySync() as number[][])[0]!;
    const last = all.slice((tokens.length - 1) * V, tokens.length * V);
    for (const t of [1, 0.5, 1.7]) {
      const p = nextCharProbabilities(spec, weights, prefix, { temperature: t });
      const want = softmax(last, t);
      expect(Math.max(...want)).toBeGreaterThan(2 / V); // not uniform: the comparison means something
      want.forEach((w, k) => expect(p[k]).toBeCloseTo(w, 5));
    }
  });

  it('computes every position’s logits exactly as the full forward pass does, and copies a prefix', () => {
    const { weights } = model(5);
    const tokens = [0, 3, 1, 20, 19, 9, 15, 14, 19, 0];
    const full = transformerTrace(spec, weights, tokens);
    const s = createGptStepper(spec, weights);
    tokens.forEach((k, i) => {
      const logits = s.push(k);
      for (let c = 0; c < V; c++) expect(logits[c]).toBeCloseTo(full.logits[i * V + c]!, 4);
    });
    expect(() => s.push(1)).toThrow(/at most 10/);
    const a = createGptStepper(spec, weights);
    [0, 3, 1].forEach((k) => a.push(k));
    const b = createGptStepper(spec, weights);
    b.copyFrom(a);
    expect(b.length).toBe(3);
    const next = Array.from(b.push(20));
    for (let c = 0; c < V; c++) expect(next[c]).toBeCloseTo(full.logits[3 * V + c]!, 4);
  });
});

describe('temperature and top-k', () => {
  const z = Float32Array.from({ length: V }, (_, i) => Math.sin(i * 1.7) * 3);

  it('top-k leaves exactly k characters with probability above 0, the k likeliest, renormalised', () => {
    const order = [...z].map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
    for (const k of [1, 2, 5, 26]) {
      const p = shapeProbabilities(z, { temperature: 1, topK: k });
      const kept = [...p].map((v, i) => ({ v, i })).filter((e) => e.v > 0);
      expect(kept.length).toBe(k);
      expect(kept.map((e) => e.i).sort()).toEqual(order.slice(0, k).map((e) => e.i).sort());
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      // Within the kept ones, the ratios are softmax's: renormalised, not reshaped.
      const [a, b] = [order[0]!.i, order[Math.min(1, k - 1)]!.i];
      expect(p[a]! / p[b]!).toBeCloseTo(Math.exp(z[a]! - z[b]!), 4);
    }
    const all = shapeProbabilities(z, { temperature: 1, topK: V });
    expect([...all].filter((v) => v > 0).length).toBe(V);
  });

  it('temperature towards 0 gives the argmax; 0 exactly gives it with probability 1', () => {
    const best = [...z].indexOf(Math.max(...z));
    expect(shapeProbabilities(z, { temperature: 0.3 })[best]).toBeLessThan(0.99); // two nearly tied scores
    expect(shapeProbabilities(z, { temperature: 0.001 })[best]).toBeGreaterThan(0.999);
    const p0 = shapeProbabilities(z, { temperature: 0 });
    expect(p0[best]).toBe(1);
    expect(p0.reduce((a, b) => a + b, 0)).toBe(1);
    // A higher temperature spreads the probability: the top character's share falls.
    expect(shapeProbabilities(z, { temperature: 2 })[best]).toBeLessThan(shapeProbabilities(z, { temperature: 1 })[best]!);
  });
});

describe('sampling words', () => {
  const { weights } = model(7);

  it('is repeatable with a seed and differs with another', () => {
    const a = sampleGptWords(spec, weights, 12, { temperature: 1, rng: createRng(4) });
    const b = sampleGptWords(spec, weights, 12, { temperature: 1, rng: createRng(4) });
    const c = sampleGptWords(spec, weights, 12, { temperature: 1, rng: createRng(5) });
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    for (const w of a) {
      expect(w).toMatch(/^[a-z]*$/);
      expect(w.length).toBeLessThanOrEqual(MAX_LETTERS);
    }
  });

  it('follows the prefix, stops at 9 letters, and at temperature 0 always writes the greedy word', () => {
    const greedy = sampleGptWords(spec, weights, 5, { temperature: 0, rng: createRng(1), prefix: [19, 20] });
    expect(new Set(greedy).size).toBe(1);
    expect(greedy[0]!.startsWith('st')).toBe(true);
    // The greedy word, letter by letter: each is the argmax of the full pass after the letters before it.
    const word = greedy[0]!;
    const argmaxAfter = (letters: string) => {
      const tokens = [0, ...[...letters].map((ch) => WORD_ALPHABET.indexOf(ch))];
      const row = Array.from(transformerTrace(spec, weights, tokens).logits.subarray((tokens.length - 1) * V));
      return WORD_ALPHABET[row.indexOf(Math.max(...row))];
    };
    for (let i = 3; i <= word.length; i++) expect(argmaxAfter(word.slice(0, i - 1))).toBe(word[i - 1]);
    if (word.length < MAX_LETTERS) expect(argmaxAfter(word)).toBe('.');
    const long = sampleGptWords(spec, weights, 3, { temperature: 1, rng: createRng(2), prefix: Array(12).fill(1) });
    for (const w of long) expect(w).toBe('aaaaaaaaa');
  });
});
