/**
 * The tiny GPT's stack as a list of boxes, and for each box, at one position of a traced sequence: the vector it
 * outputs (drawn as a strip) and its formula with the real numbers (KaTeX source). Pure: a trace in, strings and
 * arrays out.
 *
 *   embed ─► [ LN₁ ─► attention ─► + ─► LN₂ ─► MLP ─► + ] × layers ─► final LN ─► linear ─► softmax
 */
import { vectorMoments, type TransformerTrace } from '../../engine/attention/forward';
import { headSize, LAYER_NORM_EPSILON, type TransformerSpec, type TransformerWeights } from '../../engine/attention/spec';
import { WORD_ALPHABET } from '../../engine/data/words';

export type BoxKind = 'embed' | 'ln1' | 'attn' | 'res1' | 'ln2' | 'mlp' | 'res2' | 'final' | 'logits' | 'softmax';

export interface Box {
  id: string;
  kind: BoxKind;
  /** Block index for the block's boxes, else −1. */
  layer: number;
  name: string;
  /** What it does, in a few words. */
  what: string;
}

/** The boxes of a spec's stack, top (input) to bottom (output). */
export function boxesOf(spec: Pick<TransformerSpec, 'layers'>): Box[] {
  const out: Box[] = [{ id: 'embed', kind: 'embed', layer: -1, name: 'token embedding + position', what: 'look up the letter’s vector, add its position’s' }];
  for (let l = 0; l < spec.layers; l++) {
    const b = (kind: BoxKind, name: string, what: string) => out.push({ id: `b${l + 1}.${kind}`, kind, layer: l, name, what });
    b('ln1', 'layer norm 1', 'rescale to mean 0, variance 1, then γ and β');
    b('attn', 'multi-head attention', 'each head mixes the values of earlier positions');
    b('res1', '+ residual', 'add the attention’s output to the stream');
    b('ln2', 'layer norm 2', 'rescale again');
    b('mlp', 'MLP', 'ReLU(x W₁ + b₁) W₂ + b₂, at each position alone');
    b('res2', '+ residual', 'add the MLP’s output to the stream');
  }
  out.push(
    { id: 'final', kind: 'final', layer: -1, name: 'final layer norm', what: 'rescale the stream one last time' },
    { id: 'logits', kind: 'logits', layer: -1, name: 'linear', what: '27 scores, one per character' },
    { id: 'softmax', kind: 'softmax', layer: -1, name: 'softmax', what: 'scores into probabilities of the next character' },
  );
  return out;
}

const row = (a: Float32Array, i: number, width: number) => a.subarray(i * width, (i + 1) * width);

/** The vector a box outputs at position i. */
export function boxVector(box: Box, trace: TransformerTrace, i: number, spec: TransformerSpec): Float32Array {
  const d = spec.dModel;
  const b = trace.blocks[box.layer];
  switch (box.kind) {
    case 'embed':
      return row(trace.input, i, d);
    case 'ln1':
      return row(b!.ln1, i, d);
    case 'attn':
      return row(b!.attention, i, d);
    case 'res1':
      return row(b!.afterAttention, i, d);
    case 'ln2':
      return row(b!.ln2, i, d);
    case 'mlp':
      return row(b!.hidden, i, spec.ffn);
    case 'res2':
      return row(b!.output, i, d);
    case 'final':
      return row(trace.final, i, d);
    case 'logits':
      return row(trace.logits, i, spec.outputSize);
    case 'softmax':
      return row(trace.probs, i, spec.outputSize);
  }
}

/** A number for a formula: two decimals, a real minus sign. */
export const fmt = (v: number, digits = 2) => {
  const s = Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
};
/** Inside a sum: negative numbers in brackets. */
const term = (v: number, digits = 2) => (v < 0 ? `(${fmt(v, digits)})` : fmt(v, digits));

/** The first `n` entries of a vector and an ellipsis, in brackets. */
export function vec(v: ArrayLike<number>, n = 4): string {
  const shown = Array.from({ length: Math.min(n, v.length) }, (_, j) => fmt(v[j]!));
  const more = v.length > n ? ',\\ \\dots' : '';
  return `\\left[\\,${shown.join(',\\ ')}${more}\\,\\right]`;
}

const charTex = (k: number) => (k === 0 ? '\\text{end}' : `\\text{${WORD_ALPHABET[k]}}`);
const posTex = (token: number) => (token === 0 ? '\\text{“.”}' : `\\text{“${WORD_ALPHABET[token]}”}`);

function layerNormTex(name: string, x: Float32Array, gain: Float32Array, bias: Float32Array, out: Float32Array): string {
  const d = x.length;
  const { mean, variance } = vectorMoments(x);
  const sd = Math.sqrt(variance + LAYER_NORM_EPSILON);
  return [
    `x &= ${vec(x)} \\\\`,
    `\\mu &= \\tfrac{1}{${d}}\\textstyle\\sum_j x_j = ${fmt(mean, 3)}, \\qquad \\sigma^2 = \\tfrac{1}{${d}}\\textstyle\\sum_j (x_j - \\mu)^2 = ${fmt(variance, 3)} \\\\`,
    `${name}(x)_j &= \\gamma_j\\,\\frac{x_j - \\mu}{\\sqrt{\\sigma^2 + \\varepsilon}} + \\beta_j \\\\`,
    `${name}(x)_1 &= ${fmt(gain[0]!)} \\cdot \\frac{${fmt(x[0]!)} - ${term(mean, 3)}}{${fmt(sd, 3)}} + ${term(bias[0]!)} = ${fmt(out[0]!)} \\\\`,
    `${name}(x) &= ${vec(out)}`,
  ].join('\n');
}

export interface Detail {
  tex: string;
  /** A sentence under the formula (plain text). */
  note: string;
}

/**
 * The formula of `box` at position i with the real numbers of `trace` (and, for attention, head `head`).
 *
 * @example
 * detailOf(boxes[2], trace, weights, spec, 3, 0).tex; // "q_i &= …"
 */
export function detailOf(box: Box, trace: TransformerTrace, w: TransformerWeights, spec: TransformerSpec, i: number, head: number): Detail {
  const d = spec.dModel;
  const t = trace.tokens.length;
  const token = trace.tokens[i]!;
  const b = trace.blocks[box.layer];
  const bw = w.blocks[box.layer];
  const lines = (rows: string[]) => `\\begin{aligned}\n${rows.join('\n')}\n\\end{aligned}`;
  switch (box.kind) {
    case 'embed':
      return {
        tex: lines([
          `x_{${i + 1}} &= E[${posTex(token)}] + P[${i + 1}] \\\\`,
          `&= ${vec(row(trace.embedded, i, d))} + ${vec(row(trace.positions, i, d))} \\\\`,
          `&= ${vec(row(trace.input, i, d))}`,
        ]),
        note: `Row ${token + 1} of the embedding table E (27 × ${d}) plus row ${i + 1} of the position table P (10 × ${d}): both learned.`,
      };
    case 'ln1':
    case 'ln2': {
      const x = box.kind === 'ln1' ? row(b!.input, i, d) : row(b!.afterAttention, i, d);
      const out = box.kind === 'ln1' ? row(b!.ln1, i, d) : row(b!.ln2, i, d);
      const [gain, bias] = box.kind === 'ln1' ? [bw!.ln1Gain, bw!.ln1Bias] : [bw!.ln2Gain, bw!.ln2Bias];
      return { tex: lines([layerNormTex('\\mathrm{LN}', x, gain, bias, out)]), note: `ε = ${LAYER_NORM_EPSILON}; γ and β are ${d} learned numbers each.` };
    }
    case 'attn': {
      const dh = headSize(spec);
      const c0 = head * dh;
      const q = row(b!.q, i, d).subarray(c0, c0 + dh);
      const scores = b!.scores.subarray((head * t + i) * t, (head * t + i) * t + i + 1);
      const weights = b!.weights.subarray((head * t + i) * t, (head * t + i) * t + i + 1);
      let best = 0;
      for (let j = 1; j <= i; j++) if (weights[j]! > weights[best]!) best = j;
      const k = row(b!.k, best, d).subarray(c0, c0 + dh);
      let dot = 0;
      for (let c = 0; c < dh; c++) dot += q[c]! * k[c]!;
      const mixed = new Float32Array(dh);
      for (let j = 0; j <= i; j++) for (let c = 0; c < dh; c++) mixed[c]! += weights[j]! * b!.v[j * d + c0 + c]!;
      const cols = Array.from({ length: i + 1 }, (_, j) => j);
      const table = [
        `\\begin{array}{r|${'c'.repeat(i + 1)}}`,
        `j & ${cols.map((j) => `${j + 1}\\,${posTex(trace.tokens[j]!)}`).join(' & ')} \\\\ \\hline`,
        `s_{${i + 1}j} & ${Array.from(scores, (s) => fmt(s)).join(' & ')} \\\\`,
        `a_{${i + 1}j} & ${Array.from(weights, (a) => fmt(a)).join(' & ')}`,
        '\\end{array}',
      ].join('\n');
      const n = `${i + 1}`;
      return {
        tex: lines([
          `q_{${n}} &= \\mathrm{LN}(x)_{${n}}\\,W_Q^{(${head + 1})} = ${vec(q)} \\\\`,
          `s_{${n}j} &= \\frac{q_{${n}} \\cdot k_j}{\\sqrt{${dh}}}, \\quad \\text{e.g. } s_{${n},${best + 1}} = \\frac{${fmt(q[0]!)} \\cdot ${term(k[0]!)} + ${fmt(q[1]!)} \\cdot ${term(k[1]!)} + \\cdots}{${fmt(Math.sqrt(dh), 3)}} = \\frac{${fmt(dot)}}{${fmt(Math.sqrt(dh), 3)}} = ${fmt(scores[best]!)} \\\\`,
          `a_{${n}j} &= \\frac{e^{s_{${n}j}}}{\\sum_{j' \\le ${n}} e^{s_{${n}j'}}} \\quad (j \\le ${n}; \\text{ later positions are masked}) \\\\[0.3em]`,
          `& ${table} \\\\[0.3em]`,
          `\\text{head}_{${head + 1}} &= \\textstyle\\sum_{j \\le ${n}} a_{${n}j}\\, v_j = ${vec(mixed)} \\\\`,
          `\\text{attention}_{${n}} &= [\\text{head}_1, \\dots, \\text{head}_{${spec.heads}}]\\, W_O = ${vec(row(b!.attention, i, d))}`,
        ]),
        note: `Head ${head + 1} of ${spec.heads} reads ${dh} of the ${d} numbers. Position ${n} can look only at positions 1 to ${n}: ${Math.round(weights[best]! * 100)}% of its attention goes to position ${best + 1}.`,
      };
    }
    case 'res1':
    case 'res2': {
      const [x, add, out, what] =
        box.kind === 'res1'
          ? [row(b!.input, i, d), row(b!.attention, i, d), row(b!.afterAttention, i, d), '\\text{attention}']
          : [row(b!.afterAttention, i, d), row(b!.mlp, i, d), row(b!.output, i, d), '\\mathrm{MLP}'];
      return {
        tex: lines([`x + ${what}(\\mathrm{LN}(x)) &= ${vec(x)} + ${vec(add)} \\\\`, `&= ${vec(out)}`]),
        note: 'The sub-layer’s output is added to what came in: the stream keeps everything before it, and each sub-layer writes a change.',
      };
    }
    case 'mlp': {
      const ln = row(b!.ln2, i, d);
      const pre = new Float32Array(spec.ffn);
      for (let c = 0; c < spec.ffn; c++) {
        let s = bw!.b1[c]!;
        for (let j = 0; j < d; j++) s += ln[j]! * bw!.w1[j * spec.ffn + c]!;
        pre[c] = s;
      }
      const hidden = row(b!.hidden, i, spec.ffn);
      const active = hidden.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
      return {
        tex: lines([
          `u &= \\mathrm{LN}(x)\\,W_1 + b_1 = ${vec(pre)} \\\\`,
          `h &= \\mathrm{ReLU}(u) = \\max(0, u) = ${vec(hidden)} \\\\`,
          `\\mathrm{MLP}(x) &= h\\,W_2 + b_2 = ${vec(row(b!.mlp, i, d))}`,
        ]),
        note: `${active} of the ${spec.ffn} hidden units are above 0 here; ReLU sets the other ${spec.ffn - active} to 0.`,
      };
    }
    case 'final': {
      const x = row(trace.blocks[trace.blocks.length - 1]!.output, i, d);
      return { tex: lines([layerNormTex('\\mathrm{LN}_f', x, w.finalGain, w.finalBias, row(trace.final, i, d))]), note: 'The same rescaling, with its own γ and β.' };
    }
    case 'logits':
    case 'softmax': {
      const z = row(trace.logits, i, spec.outputSize);
      const p = row(trace.probs, i, spec.outputSize);
      const top = Array.from(p, (v, k) => ({ v, k })).sort((a, c) => c.v - a.v).slice(0, 4);
      if (box.kind === 'logits') {
        return {
          tex: lines([
            `z &= \\mathrm{LN}_f(x)\\,W_{\\text{out}} + b_{\\text{out}} = ${vec(z)} \\\\`,
            `& ${top.map(({ k }) => `z_{${charTex(k)}} = ${fmt(z[k]!)}`).join(',\\quad ')}`,
          ]),
          note: 'One score per character (“end” first, then a to z); the four with the highest scores are written out.',
        };
      }
      let sum = 0;
      for (let k = 0; k < z.length; k++) sum += Math.exp(z[k]!);
      const e = (k: number) => `e^{${fmt(z[k]!)}}`;
      return {
        tex: lines([
          `p_k &= \\frac{e^{z_k}}{\\sum_{j} e^{z_j}}, \\quad \\textstyle\\sum_j e^{z_j} = ${e(top[0]!.k)} + ${e(top[1]!.k)} + \\cdots = ${fmt(sum)} \\\\`,
          `${top.map(({ k, v }) => `p_{${charTex(k)}} &= \\frac{${e(k)}}{${fmt(sum)}} = ${fmt(v, 3)}`).join(' \\\\\n')}`,
        ]),
        note: `${i === 0 ? 'At the start of a word' : `After “${trace.tokens.slice(1, i + 1).map((k) => WORD_ALPHABET[k]).join('')}”`} the model’s likeliest next character is ${top[0]!.k === 0 ? 'the end of the word' : `“${WORD_ALPHABET[top[0]!.k]}”`} (${Math.round(top[0]!.v * 100)}%).`,
      };
    }
  }
}
