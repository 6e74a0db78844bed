/**
 * The figure's script: what each press of Forward, Back and Update reveals, and the chain-rule line (KaTeX, with
 * TF.js's numbers) that goes with it. Pure functions of a BackpropStep, so they are easy to test and to read.
 */
import type { BackpropParams, BackpropStep } from '../../engine/models/backprop';

/** A fixed example: the input x and (from the settings) its label y. */
export const X: [number, number] = [1, 0.5];

/** Number as KaTeX/plain text with a real minus sign. */
export const fmt = (v: number, d = 3) => {
  const s = v.toFixed(d);
  return s === `-${(0).toFixed(d)}` ? (0).toFixed(d) : s.replace('-', '−');
};
const t = (v: number) => fmt(v).replace('−', '-');

/** Parameter ids, in the order the table lists them. */
export const PARAMS = ['w11', 'w12', 'w21', 'w22', 'b1', 'b2', 'v1', 'v2', 'c'] as const;
export type ParamId = (typeof PARAMS)[number];

export function paramValue(p: BackpropParams, id: ParamId): number {
  switch (id) {
    case 'w11': return p.w[0][0];
    case 'w12': return p.w[0][1];
    case 'w21': return p.w[1][0];
    case 'w22': return p.w[1][1];
    case 'b1': return p.b[0];
    case 'b2': return p.b[1];
    case 'v1': return p.v[0];
    case 'v2': return p.v[1];
    case 'c': return p.c;
  }
}

export const PARAM_TEX: Record<ParamId, string> = {
  w11: 'w_{11}', w12: 'w_{12}', w21: 'w_{21}', w22: 'w_{22}', b1: 'b_1', b2: 'b_2', v1: 'v_1', v2: 'v_2', c: 'c',
};

export interface BackStage {
  /** What this step of the backward pass works out (for the read-out). */
  title: string;
  /** The parameters whose gradient is known after this step. */
  reveals: ParamId[];
  /** The edge or node it highlights in the diagram. */
  focus: string;
  tex(s: BackpropStep, p: BackpropParams, y: number): string;
}

const d2 = (s: BackpropStep) => s.dLdyhat * s.dyhatdz2;
const d1 = (s: BackpropStep, p: BackpropParams, j: 0 | 1) => d2(s) * p.v[j] * s.dhdz1[j];

function hiddenStage(j: 0 | 1): BackStage {
  const n = j + 1;
  return {
    title: `the error reaches hidden neuron ${n}`,
    reveals: [`b${n}` as ParamId],
    focus: `v${n}`,
    tex: (s, p) =>
      `\\frac{\\partial L}{\\partial z_{${n}}} = \\underbrace{${t(d2(s))}}_{\\partial L/\\partial z_{\\text{out}}} \\times \\underbrace{${t(p.v[j])}}_{v_${n}} \\times \\underbrace{${t(s.dhdz1[j])}}_{1 - h_${n}^2} = \\mathbf{${t(d1(s, p, j))}} = \\frac{\\partial L}{\\partial b_${n}}`,
  };
}

function inputStage(j: 0 | 1, k: 0 | 1): BackStage {
  const id = `w${j + 1}${k + 1}` as ParamId;
  return {
    title: `the weight from input ${k + 1} to hidden neuron ${j + 1}`,
    reveals: [id],
    focus: id,
    tex: (s, p) =>
      `\\frac{\\partial L}{\\partial ${PARAM_TEX[id]}} = \\underbrace{${t(d1(s, p, j))}}_{\\partial L/\\partial z_${j + 1}} \\times \\underbrace{${t(X[k])}}_{x_${k + 1}} = \\mathbf{${t(s.grads.w[j][k])}}`,
  };
}

/** The backward pass, one edge (or one node) at a time, from the loss back to the inputs. */
export const BACK_STAGES: BackStage[] = [
  {
    title: 'the loss’s slope against the prediction',
    reveals: [],
    focus: 'L',
    tex: (s, _p, y) => `\\frac{\\partial L}{\\partial \\hat y} = 2(\\hat y - y) = 2(${t(s.yhat)} - ${y}) = \\mathbf{${t(s.dLdyhat)}}`,
  },
  {
    title: 'back through the output sigmoid',
    reveals: ['c'],
    focus: 'out',
    tex: (s) =>
      `\\frac{\\partial L}{\\partial z_{\\text{out}}} = \\underbrace{${t(s.dLdyhat)}}_{\\partial L/\\partial \\hat y} \\times \\underbrace{${t(s.dyhatdz2)}}_{\\hat y(1-\\hat y)} = \\mathbf{${t(d2(s))}} = \\frac{\\partial L}{\\partial c}`,
  },
  ...([0, 1] as const).map<BackStage>((j) => ({
    title: `the weight from hidden neuron ${j + 1} to the output`,
    reveals: [`v${j + 1}` as ParamId],
    focus: `v${j + 1}`,
    tex: (s) =>
      `\\frac{\\partial L}{\\partial v_${j + 1}} = \\underbrace{${t(d2(s))}}_{\\partial L/\\partial z_{\\text{out}}} \\times \\underbrace{${t(s.h[j])}}_{h_${j + 1}} = \\mathbf{${t(s.grads.v[j])}}`,
  })),
  hiddenStage(0),
  inputStage(0, 0),
  inputStage(0, 1),
  hiddenStage(1),
  inputStage(1, 0),
  inputStage(1, 1),
];

/**
 * Stage numbers: 0 nothing computed yet, 1 forward pass, 2 loss, 3 … 3+B−1 backward, then the update.
 */
export const FORWARD = 1;
export const LOSS = 2;
export const FIRST_BACK = 3;
export const LAST_BACK = FIRST_BACK + BACK_STAGES.length - 1;
export const UPDATE = LAST_BACK + 1;

/** Which parameters have a known gradient at a stage. */
export function revealed(stage: number): Set<ParamId> {
  const out = new Set<ParamId>();
  BACK_STAGES.forEach((b, i) => {
    if (stage >= FIRST_BACK + i) b.reveals.forEach((id) => out.add(id));
  });
  return out;
}
