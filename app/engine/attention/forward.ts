/**
 * The transformer's forward pass in plain JavaScript for one sequence, keeping every intermediate vector, so a
 * figure can show the real numbers at any point (the overview → detail view, the attention maps, sampling)
 * without asking TF.js. The same arithmetic as transformerModel.ts; a unit test proves them equal.
 *
 * All arrays are row-major: [T, d] for vectors per position, [H, T, T] for attention weights (row = the position
 * that looks, column = the position looked at).
 */
import { sinusoidalPositions } from './positions';
import { headSize, LAYER_NORM_EPSILON, toTransformerWeights, type TransformerSpec, type TransformerWeights } from './spec';

export interface BlockTrace {
  /** The residual stream coming in, [T, d]. */
  input: Float32Array;
  ln1: Float32Array;
  /** Queries, keys and values of all heads side by side, [T, d] each (head h is columns h·d/H … (h+1)·d/H − 1). */
  q: Float32Array;
  k: Float32Array;
  v: Float32Array;
  /** Scaled scores q·k/√(d/H) before the mask and softmax, [H, T, T] (masked ones are −Infinity). */
  scores: Float32Array;
  /** Attention weights, [H, T, T]; each row sums to 1. */
  weights: Float32Array;
  /** Every head's mixed values side by side, before W_o, [T, d]. */
  mixed: Float32Array;
  /** The attention sub-layer's output (after W_o), [T, d]. */
  attention: Float32Array;
  /** input + attention, [T, d]. */
  afterAttention: Float32Array;
  ln2: Float32Array;
  /** The MLP's hidden layer after ReLU, [T, ffn]. */
  hidden: Float32Array;
  /** The MLP's output, [T, d]. */
  mlp: Float32Array;
  /** afterAttention + mlp: the block's output, [T, d]. */
  output: Float32Array;
}

export interface TransformerTrace {
  tokens: number[];
  /** The tokens' embedding rows, [T, d]. */
  embedded: Float32Array;
  /** The position vectors added, [T, d] (zeros for 'none'). */
  positions: Float32Array;
  /** embedded + positions, [T, d]. */
  input: Float32Array;
  blocks: BlockTrace[];
  /** The last block's output after the final layer norm, [T, d]. */
  final: Float32Array;
  /** [T, O] for 'every', [1, O] for 'last'. */
  logits: Float32Array;
  /** softmax of each row of logits. */
  probs: Float32Array;
}

/** a [rows, n] · m [n, cols] (+ bias), into a new array. */
function matMul(a: Float32Array, rows: number, m: Float32Array, n: number, cols: number, bias?: Float32Array): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let s = bias ? bias[c]! : 0;
      for (let j = 0; j < n; j++) s += a[r * n + j]! * m[j * cols + c]!;
      out[r * cols + c] = s;
    }
  }
  return out;
}

/** The mean and the biased variance (mean squared deviation) of a vector, as layer norm uses them. */
export function vectorMoments(x: ArrayLike<number>): { mean: number; variance: number } {
  const d = x.length;
  let mean = 0;
  for (let j = 0; j < d; j++) mean += x[j]!;
  mean /= d;
  let variance = 0;
  for (let j = 0; j < d; j++) variance += (x[j]! - mean) ** 2;
  return { mean, variance: variance / d };
}

/** Layer norm of one vector into `out`: (x − mean) / √(variance + ε) · gain + bias. */
export function layerNormInto(x: Float32Array, gain: Float32Array, bias: Float32Array, out: Float32Array): Float32Array {
  const { mean, variance } = vectorMoments(x);
  const inv = 1 / Math.sqrt(variance + LAYER_NORM_EPSILON);
  for (let j = 0; j < x.length; j++) out[j] = (x[j]! - mean) * inv * gain[j]! + bias[j]!;
  return out;
}

/**
 * Layer norm of each row of x [rows, d]: (x − mean) / √(variance + ε) · gain + bias.
 *
 * @example
 * layerNormRows(Float32Array.of(1, 2, 3), 1, 3, ones, zeros); // ≈ [−1.22, 0, 1.22]
 */
export function layerNormRows(x: Float32Array, rows: number, d: number, gain: Float32Array, bias: Float32Array): Float32Array {
  const out = new Float32Array(rows * d);
  for (let r = 0; r < rows; r++) layerNormInto(x.subarray(r * d, (r + 1) * d), gain, bias, out.subarray(r * d, (r + 1) * d));
  return out;
}

function add(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! + b[i]!;
  return out;
}

/** Softmax of each row of `count` rows of `width`, into `out` (masked −Infinity scores get exactly 0). */
function softmaxRows(x: Float32Array, width: number, out: Float32Array): Float32Array {
  for (let r = 0; r < x.length / width; r++) {
    let max = -Infinity;
    for (let j = 0; j < width; j++) max = Math.max(max, x[r * width + j]!);
    let sum = 0;
    for (let j = 0; j < width; j++) {
      const e = Math.exp(x[r * width + j]! - max);
      out[r * width + j] = e;
      sum += e;
    }
    for (let j = 0; j < width; j++) out[r * width + j]! /= sum;
  }
  return out;
}

function block(spec: TransformerSpec, w: TransformerWeights['blocks'][number], input: Float32Array, t: number): BlockTrace {
  const d = spec.dModel;
  const h = spec.heads;
  const dh = headSize(spec);
  const ln1 = layerNormRows(input, t, d, w.ln1Gain, w.ln1Bias);
  const q = matMul(ln1, t, w.wq, d, d);
  const k = matMul(ln1, t, w.wk, d, d);
  const v = matMul(ln1, t, w.wv, d, d);
  const scores = new Float32Array(h * t * t);
  const scale = 1 / Math.sqrt(dh);
  for (let head = 0; head < h; head++) {
    for (let i = 0; i < t; i++) {
      for (let j = 0; j < t; j++) {
        let s = 0;
        for (let c = head * dh; c < (head + 1) * dh; c++) s += q[i * d + c]! * k[j * d + c]!;
        scores[(head * t + i) * t + j] = spec.causal && j > i ? -Infinity : s * scale;
      }
    }
  }
  const weights = softmaxRows(scores, t, new Float32Array(scores.length));
  const mixed = new Float32Array(t * d);
  for (let head = 0; head < h; head++) {
    for (let i = 0; i < t; i++) {
      for (let j = 0; j < t; j++) {
        const a = weights[(head * t + i) * t + j]!;
        if (a === 0) continue;
        for (let c = head * dh; c < (head + 1) * dh; c++) mixed[i * d + c]! += a * v[j * d + c]!;
      }
    }
  }
  const attention = matMul(mixed, t, w.wo, d, d);
  const afterAttention = add(input, attention);
  const ln2 = layerNormRows(afterAttention, t, d, w.ln2Gain, w.ln2Bias);
  const hidden = matMul(ln2, t, w.w1, d, spec.ffn, w.b1);
  for (let i = 0; i < hidden.length; i++) if (hidden[i]! < 0) hidden[i] = 0;
  const mlp = matMul(hidden, t, w.w2, spec.ffn, d, w.b2);
  return { input, ln1, q, k, v, scores, weights, mixed, attention, afterAttention, ln2, hidden, mlp, output: add(afterAttention, mlp) };
}

/** Sinusoid tables are the same for every call: kept per (length, d). */
const sinusoidCache = new Map<string, Float32Array>();

/**
 * Runs the transformer on one sequence of token ids (−1 for an empty position, as after a word's end: its
 * embedding is zero), keeping every intermediate vector.
 *
 * @example
 * const trace = transformerTrace(spec, view.weights, [3, 1, 4, 1, 5, 9, 2, 6]);
 * trace.blocks[0].weights; // [heads, 8, 8]
 */
export function transformerTrace(spec: TransformerSpec, weights: readonly Float32Array[] | TransformerWeights, tokens: readonly number[]): TransformerTrace {
  const w = Array.isArray(weights) || !('blocks' in weights) ? toTransformerWeights(spec, weights as Float32Array[]) : weights;
  const { dModel: d, outputSize: o } = spec;
  const t = tokens.length;
  if (t < 1 || t > spec.length) throw new Error(`This transformer reads 1 to ${spec.length} tokens, not ${t}.`);
  const embedded = new Float32Array(t * d);
  tokens.forEach((token, i) => {
    if (token < 0) return;
    if (token >= spec.inputSize) throw new Error(`Token ${token} is outside the vocabulary of ${spec.inputSize}.`);
    embedded.set(w.tokenEmbedding.subarray(token * d, (token + 1) * d), i * d);
  });
  let positions = new Float32Array(t * d);
  if (spec.positions === 'learned') positions = w.positionEmbedding!.slice(0, t * d);
  if (spec.positions === 'sinusoidal') {
    const key = `${spec.length}×${d}`;
    let table = sinusoidCache.get(key);
    if (!table) sinusoidCache.set(key, (table = sinusoidalPositions(spec.length, d)));
    positions = table.slice(0, t * d);
  }
  const input = add(embedded, positions);
  const blocks: BlockTrace[] = [];
  let x = input;
  for (const b of w.blocks) {
    const traced = block(spec, b, x, t);
    blocks.push(traced);
    x = traced.output;
  }
  const final = layerNormRows(x, t, d, w.finalGain, w.finalBias);
  const rows = spec.readout === 'last' ? final.subarray((t - 1) * d) : final;
  const logits = matMul(rows, spec.readout === 'last' ? 1 : t, w.outKernel, d, o, w.outBias);
  return { tokens: [...tokens], embedded, positions, input, blocks, final, logits, probs: softmaxRows(logits, o, new Float32Array(logits.length)) };
}
