// The transformer's pieces against computations written out loop by loop, its gradients against finite
// differences, and the page's plain-JS forward pass against the TF.js model.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { transformerTrace, layerNormRows } from './forward';
import { causalMask, layerNorm, multiHeadAttention, scaledDotProductAttention } from './ops';
import { sinusoidalPositions } from './positions';
import { variableShapes, type TransformerSpec } from './spec';
import { createTransformerModel } from './transformerModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const random = (rng: ReturnType<typeof createRng>, n: number, scale = 1) => Float32Array.from({ length: n }, () => rng.normal() * scale);

/** softmax(q·kᵀ/√d + mask)·v for one [t, d] matrix each, by loops in float64. */
function reference(q: number[][], k: number[][], v: number[][], causal: boolean) {
  const d = q[0]!.length;
  const weights = q.map((qi, i) => {
    const scores = k.map((kj, j) => (causal && j > i ? -Infinity : qi.reduce((s, x, c) => s + x * kj[c]!, 0) / Math.sqrt(d)));
    const max = Math.max(...scores);
    const e = scores.map((s) => Math.exp(s - max));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / sum);
  });
  const output = weights.map((row) => v[0]!.map((_, c) => row.reduce((s, a, j) => s + a * v[j]![c]!, 0)));
  return { weights, output };
}

const rows = (flat: ArrayLike<number>, r: number, c: number, offset = 0) =>
  Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => flat[offset + i * c + j]!));

describe('scaledDotProductAttention', () => {
  for (const causal of [false, true]) {
    it(`equals softmax(QKᵀ/√d)V written out by hand${causal ? ', with the causal mask' : ''}`, () => {
      const rng = createRng(causal ? 2 : 1);
      const [b, t, d] = [3, 5, 4];
      const [qv, kv, vv] = [random(rng, b * t * d), random(rng, b * t * d), random(rng, b * t * d)];
      const { output, weights } = scaledDotProductAttention(
        tf.tensor3d(qv, [b, t, d]), tf.tensor3d(kv, [b, t, d]), tf.tensor3d(vv, [b, t, d]), causal ? causalMask(t) : undefined);
      const out = output.dataSync();
      const w = weights.dataSync();
      for (let n = 0; n < b; n++) {
        const ref = reference(rows(qv, t, d, n * t * d), rows(kv, t, d, n * t * d), rows(vv, t, d, n * t * d), causal);
        expect(rows(w, t, t, n * t * t).flat().map((x) => +x.toFixed(5))).toEqual(ref.weights.flat().map((x) => +x.toFixed(5)));
        rows(out, t, d, n * t * d).flat().forEach((x, i) => expect(x).toBeCloseTo(ref.output.flat()[i]!, 5));
      }
    });
  }

  it('puts exactly zero weight on future positions, and a later token cannot change an earlier output', () => {
    const rng = createRng(5);
    const [t, d] = [6, 4];
    const q = random(rng, t * d);
    const k = random(rng, t * d);
    const v = random(rng, t * d);
    const run = (values: Float32Array) =>
      scaledDotProductAttention(tf.tensor2d(q, [t, d]), tf.tensor2d(k, [t, d]), tf.tensor2d(values, [t, d]), causalMask(t));
    const w = run(v).weights.arraySync() as number[][];
    for (let i = 0; i < t; i++) for (let j = 0; j < t; j++) if (j > i) expect(w[i]![j]).toBe(0);
    for (let i = 0; i < t; i++) expect(w[i]!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const changed = v.slice();
    changed.fill(9, (t - 1) * d); // the last position's value
    const before = run(v).output.arraySync() as number[][];
    const after = run(changed).output.arraySync() as number[][];
    expect(after.slice(0, t - 1)).toEqual(before.slice(0, t - 1));
    expect(after[t - 1]).not.toEqual(before[t - 1]);
  });
});

describe('multiHeadAttention', () => {
  it('equals each head attending on its own slice of columns, joined and mixed by W_o', () => {
    const rng = createRng(11);
    const [b, t, d, heads] = [2, 4, 6, 3];
    const x = random(rng, b * t * d);
    const mats = [0, 1, 2, 3].map(() => random(rng, d * d, 0.5));
    const [wq, wk, wv, wo] = mats.map((m) => tf.tensor2d(m, [d, d]));
    const { output, weights } = multiHeadAttention(tf.tensor3d(x, [b, t, d]), { wq: wq!, wk: wk!, wv: wv!, wo: wo! }, { heads, causal: true });
    const out = output.dataSync();
    const w = weights.dataSync();
    const dh = d / heads;
    const project = (xs: number[][], m: Float32Array) => xs.map((row) => Array.from({ length: d }, (_, c) => row.reduce((s, xv, j) => s + xv * m[j * d + c]!, 0)));
    for (let n = 0; n < b; n++) {
      const xn = rows(x, t, d, n * t * d);
      const [q, k, v] = [project(xn, mats[0]!), project(xn, mats[1]!), project(xn, mats[2]!)];
      const joined = xn.map(() => new Array<number>(d).fill(0));
      for (let h = 0; h < heads; h++) {
        const cols = (m: number[][]) => m.map((row) => row.slice(h * dh, (h + 1) * dh));
        const ref = reference(cols(q), cols(k), cols(v), true);
        rows(w, t, t, ((n * heads + h) * t) * t).flat().forEach((a, i) => expect(a).toBeCloseTo(ref.weights.flat()[i]!, 5));
        ref.output.forEach((row, i) => row.forEach((val, c) => (joined[i]![h * dh + c] = val)));
      }
      project(joined, mats[3]!).flat().forEach((val, i) => expect(out[n * t * d + i]).toBeCloseTo(val, 4));
    }
  });
});

describe('layerNorm', () => {
  it('is (x − mean)/√(variance + ε)·gain + bias with the biased variance, in TF.js and in plain JS', () => {
    const rng = createRng(4);
    const [r, d] = [5, 7];
    const x = random(rng, r * d, 3);
    const gain = random(rng, d);
    const bias = random(rng, d);
    const tfOut = layerNorm(tf.tensor2d(x, [r, d]), tf.tensor1d(gain), tf.tensor1d(bias)).dataSync();
    const jsOut = layerNormRows(x, r, d, gain, bias);
    for (let i = 0; i < r; i++) {
      const row = Array.from(x.subarray(i * d, (i + 1) * d));
      const mean = row.reduce((a, b) => a + b, 0) / d;
      const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / d;
      row.forEach((val, j) => {
        const want = ((val - mean) / Math.sqrt(variance + 1e-5)) * gain[j]! + bias[j]!;
        expect(tfOut[i * d + j]).toBeCloseTo(want, 4);
        expect(jsOut[i * d + j]).toBeCloseTo(want, 4);
      });
    }
  });

  it('gives each row mean 0 and variance 1 with gain 1 and bias 0', () => {
    const x = tf.tensor2d([[1, 2, 3, 10], [-5, 0, 5, 0]]);
    const y = layerNorm(x, tf.ones([4]) as tf.Tensor1D, tf.zeros([4]) as tf.Tensor1D);
    const { mean, variance } = tf.moments(y, 1);
    mean.dataSync().forEach((m) => expect(m).toBeCloseTo(0, 6));
    variance.dataSync().forEach((v) => expect(v).toBeCloseTo(1, 3));
  });
});

describe('sinusoidalPositions', () => {
  it('is sin(pos/10000^(2i/d)) on even dimensions and cos on odd ones', () => {
    const pe = sinusoidalPositions(5, 8);
    expect(pe[3 * 8 + 0]).toBeCloseTo(Math.sin(3), 6);
    expect(pe[3 * 8 + 1]).toBeCloseTo(Math.cos(3), 6);
    expect(pe[4 * 8 + 6]).toBeCloseTo(Math.sin(4 / 10000 ** (6 / 8)), 6);
    expect(pe[2 * 8 + 5]).toBeCloseTo(Math.cos(2 / 10000 ** (4 / 8)), 6);
  });
});

const tiny = (over: Partial<TransformerSpec> = {}): TransformerSpec => ({
  cell: 'transformer', inputSize: 3, outputSize: 3, length: 4, dModel: 4, heads: 2, layers: 2, ffn: 6,
  positions: 'learned', causal: true, readout: 'every', loss: 'softmax', ...over,
});

/** One-hot sequences of random tokens, and targets for every position or only the last. */
function batch(spec: TransformerSpec, n: number, t: number, seed: number) {
  const rng = createRng(seed);
  const xs = new Float32Array(n * t * spec.inputSize);
  const outRows = spec.readout === 'every' ? t : 1;
  const ys = new Float32Array(n * outRows * spec.outputSize);
  const tokens: number[][] = [];
  for (let s = 0; s < n; s++) {
    const seq = Array.from({ length: t }, () => Math.floor(rng.next() * spec.inputSize));
    tokens.push(seq);
    seq.forEach((k, i) => (xs[(s * t + i) * spec.inputSize + k] = 1));
    for (let r = 0; r < outRows; r++) ys[(s * outRows + r) * spec.outputSize + Math.floor(rng.next() * spec.outputSize)] = 1;
  }
  return { xs: tf.tensor2d(xs, [n, t * spec.inputSize]), ys: tf.tensor2d(ys, [n, outRows * spec.outputSize]), tokens };
}

describe('the transformer model', () => {
  it('has its gradients equal to central finite differences of its loss', () => {
    const spec = tiny({ positions: 'learned' });
    const model = createTransformerModel(spec, createRng(3));
    const { xs, ys } = batch(spec, 3, 4, 8);
    const { grads } = tf.variableGrads(() => model.loss(xs, ys), model.variables);
    const eps = 1e-3;
    const rng = createRng(9);
    let checked = 0;
    for (const [index, variable] of model.variables.entries()) {
      const g = grads[variable.name]!.dataSync();
      const values = variable.dataSync().slice();
      for (let probe = 0; probe < 2; probe++) {
        const i = Math.floor(rng.next() * values.length);
        const at = (delta: number) => {
          const moved = values.slice();
          moved[i]! += delta;
          variable.assign(tf.tensor(moved, variable.shape));
          return model.loss(xs, ys).dataSync()[0]!;
        };
        const numeric = (at(eps) - at(-eps)) / (2 * eps);
        variable.assign(tf.tensor(values, variable.shape));
        expect(Math.abs(g[i]! - numeric), `variable ${index} (${variableShapes(spec)[index]!.name}) entry ${i}`).toBeLessThan(2e-3 + 2e-2 * Math.abs(numeric));
        checked++;
      }
    }
    expect(checked).toBe(2 * variableShapes(spec).length);
  });

  for (const over of [
    { positions: 'learned', causal: true, readout: 'every' },
    { positions: 'sinusoidal', causal: false, readout: 'every' },
    { positions: 'none', causal: false, readout: 'last' },
  ] as Partial<TransformerSpec>[]) {
    it(`is recomputed exactly by the page's plain-JS forward pass (${over.positions} positions, ${over.causal ? 'causal' : 'not causal'}, read-out ${over.readout})`, async () => {
      const spec = tiny({ ...over, dModel: 8, layers: 2, length: 6 });
      const model = createTransformerModel(spec, createRng(21));
      const { xs, tokens } = batch(spec, 2, 5, 13);
      const logits = model.predict(xs).arraySync() as number[][];
      const attention = model.attentionWeights(xs).map((w) => w.arraySync() as number[][][][]);
      const weights = await Promise.all(model.variables.map(async (v) => (await v.data()) as Float32Array));
      tokens.forEach((seq, n) => {
        const trace = transformerTrace(spec, weights, seq);
        Array.from(trace.logits).forEach((x, i) => expect(x).toBeCloseTo(logits[n]![i]!, 4));
        trace.blocks.forEach((b, l) => {
          const want = attention[l]![n]!.flat(2);
          Array.from(b.weights).forEach((x, i) => expect(x).toBeCloseTo(want[i]!, 5));
        });
      });
    });
  }

  it('ignores the order of its input without positions: shuffled tokens give the same outputs, shuffled', () => {
    const spec = tiny({ positions: 'none', causal: false, dModel: 8, length: 5, layers: 1 });
    const model = createTransformerModel(spec, createRng(2));
    const weights = model.variables.map((v) => v.dataSync() as Float32Array);
    const seq = [0, 2, 1, 1, 2];
    const order = [3, 0, 4, 1, 2];
    const a = transformerTrace(spec, weights, seq);
    const b = transformerTrace(spec, weights, order.map((i) => seq[i]!));
    order.forEach((from, to) => {
      for (let c = 0; c < spec.outputSize; c++) expect(b.logits[to * 3 + c]).toBeCloseTo(a.logits[from * 3 + c]!, 5);
    });
    const learned = createTransformerModel({ ...spec, positions: 'learned' }, createRng(2));
    const lw = learned.variables.map((v) => v.dataSync() as Float32Array);
    const la = transformerTrace(learned.spec, lw, seq);
    const lb = transformerTrace(learned.spec, lw, order.map((i) => seq[i]!));
    expect(Math.abs(lb.logits[0]! - la.logits[order[0]! * 3]!)).toBeGreaterThan(1e-3);
  });
});
