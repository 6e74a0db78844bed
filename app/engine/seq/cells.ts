/**
 * One step of a recurrent cell, in plain JavaScript, with every intermediate number kept: what the sequence
 * lessons draw (hidden states, gates, the cell state) and write into their equations. The weights have the layout
 * of TF.js's own layers (`tf.layers.simpleRNN`, `lstm`, `gru`), so `cells.test.ts` can prove this arithmetic
 * equal to theirs, and `recurrentModel.ts` trains exactly these weights.
 *
 *   kernel     [input × G·units]   the input's weights, one block of `units` columns per gate
 *   recurrent  [units × G·units]   the previous hidden state's weights, same blocks
 *   bias       [G·units]
 *
 *   rnn   G = 1   h = tanh(x·W + h₋·U + b)
 *   lstm  G = 4   i, f, g, o = σ, σ, tanh, σ (x·W + h₋·U + b);  c = f⊙c₋ + i⊙g;  h = o⊙tanh(c)
 *   gru   G = 3   z, r = σ(x·W + h₋·U + b);  h̃ = tanh(x·W_h + (r⊙h₋)·U_h + b_h);  h = z⊙h₋ + (1−z)⊙h̃
 */

/** Which recurrent cell. */
export type CellKind = 'rnn' | 'lstm' | 'gru';

/** The blocks of the weight matrices, in TF.js's order, and what each is called in the lessons. */
export const CELL_GATES = {
  rnn: ['a'],
  lstm: ['i', 'f', 'g', 'o'],
  gru: ['z', 'r', 'h'],
} as const satisfies Record<CellKind, readonly string[]>;

export const CELL_NAMES: Record<CellKind, string> = { rnn: 'plain RNN', lstm: 'LSTM', gru: 'GRU' };

/** Number of weight blocks (gates) of a cell. */
export const gateCount = (kind: CellKind): number => CELL_GATES[kind].length;

/** A cell's weights, row-major, in the layout of TF.js's recurrent layers. */
export interface CellWeights {
  kind: CellKind;
  inputSize: number;
  units: number;
  kernel: Float32Array;
  recurrent: Float32Array;
  bias: Float32Array;
}

/** What went into one gate (or the plain RNN's sum) for every unit: input part, recurrent part, value after. */
export interface GateTrace {
  /** x·W for the gate's block (without bias). */
  fromInput: Float32Array;
  /** h₋·U for the block (for the GRU's candidate: (r⊙h₋)·U_h). */
  fromState: Float32Array;
  /** The gate's bias block. */
  bias: Float32Array;
  /** The value after the activation (σ or tanh). */
  value: Float32Array;
}

/** One time step: the state after it and every gate on the way. */
export interface StepTrace {
  h: Float32Array;
  /** The LSTM's cell state (absent for the other cells). */
  c?: Float32Array;
  gates: Record<string, GateTrace>;
}

export const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/** An input at one step: a vector, or the index of the one-hot vector it stands for. */
export type StepInput = Float32Array | number[] | number;

function inputPart(w: CellWeights, x: StepInput, out: Float64Array) {
  const cols = w.kernel.length / w.inputSize;
  out.fill(0);
  if (typeof x === 'number') {
    if (x < 0 || x >= w.inputSize) return;
    const row = x * cols;
    for (let j = 0; j < cols; j++) out[j] = w.kernel[row + j]!;
    return;
  }
  for (let k = 0; k < w.inputSize; k++) {
    const v = x[k] ?? 0;
    if (v === 0) continue;
    const row = k * cols;
    for (let j = 0; j < cols; j++) out[j]! += v * w.kernel[row + j]!;
  }
}

/** h·U restricted to the columns [from, from + count) of the recurrent matrix. */
function statePart(w: CellWeights, h: Float32Array, from: number, count: number): Float32Array {
  const cols = w.recurrent.length / w.units;
  const out = new Float32Array(count);
  for (let k = 0; k < w.units; k++) {
    const v = h[k]!;
    if (v === 0) continue;
    const row = k * cols + from;
    for (let j = 0; j < count; j++) out[j]! += v * w.recurrent[row + j]!;
  }
  return out;
}

/**
 * One step of the cell from the state (h, c) (c is ignored except by the LSTM): the new state and every gate.
 *
 * @example
 * let state = cellStep(weights, 3);                    // from a zero state, one-hot input 3
 * state = cellStep(weights, 0, state.h, state.c);
 */
export function cellStep(w: CellWeights, x: StepInput, h?: Float32Array, c?: Float32Array): StepTrace {
  const u = w.units;
  const hPrev = h ?? new Float32Array(u);
  const xw = new Float64Array(gateCount(w.kind) * u);
  inputPart(w, x, xw);
  const fromInput = (gate: number) => Float32Array.from(xw.subarray(gate * u, gate * u + u));
  const block = (gate: number, fromState: Float32Array, act: (v: number) => number): GateTrace => {
    const input = fromInput(gate);
    const bias = w.bias.slice(gate * u, gate * u + u);
    const value = new Float32Array(u);
    for (let j = 0; j < u; j++) value[j] = act(input[j]! + fromState[j]! + bias[j]!);
    return { fromInput: input, fromState, bias, value };
  };
  if (w.kind === 'rnn') {
    const a = block(0, statePart(w, hPrev, 0, u), Math.tanh);
    return { h: a.value.slice(), gates: { a } };
  }
  if (w.kind === 'lstm') {
    const fromState = statePart(w, hPrev, 0, 4 * u);
    const part = (g: number) => fromState.slice(g * u, g * u + u);
    const gates = { i: block(0, part(0), sigmoid), f: block(1, part(1), sigmoid), g: block(2, part(2), Math.tanh), o: block(3, part(3), sigmoid) };
    const cPrev = c ?? new Float32Array(u);
    const cNext = new Float32Array(u);
    const hNext = new Float32Array(u);
    for (let j = 0; j < u; j++) {
      cNext[j] = gates.f.value[j]! * cPrev[j]! + gates.i.value[j]! * gates.g.value[j]!;
      hNext[j] = gates.o.value[j]! * Math.tanh(cNext[j]!);
    }
    return { h: hNext, c: cNext, gates };
  }
  const zr = statePart(w, hPrev, 0, 2 * u);
  const z = block(0, zr.slice(0, u), sigmoid);
  const r = block(1, zr.slice(u), sigmoid);
  const gated = new Float32Array(u);
  for (let j = 0; j < u; j++) gated[j] = r.value[j]! * hPrev[j]!;
  const candidate = block(2, statePart(w, gated, 2 * u, u), Math.tanh);
  const hNext = new Float32Array(u);
  for (let j = 0; j < u; j++) hNext[j] = z.value[j]! * hPrev[j]! + (1 - z.value[j]!) * candidate.value[j]!;
  return { h: hNext, gates: { z, r, h: candidate } };
}

/**
 * Runs the cell over a sequence from a zero state, keeping every step's numbers.
 *
 * @example
 * const steps = traceSequence(weights, [3, 0, 19]);   // "d", "a", "t" as one-hot indices
 * steps[2].gates.f.value;                              // the LSTM's forget gate at the third step
 */
export function traceSequence(w: CellWeights, inputs: readonly StepInput[]): StepTrace[] {
  const out: StepTrace[] = [];
  let prev: StepTrace | undefined;
  for (const x of inputs) {
    prev = cellStep(w, x, prev?.h, prev?.c);
    out.push(prev);
  }
  return out;
}

/** A dense read-out on top of the cell: logits (or a value) = h·W + b. */
export interface Readout {
  kernel: Float32Array;
  bias: Float32Array;
}

/** h·W + b for one hidden state. */
export function readout(r: Readout, h: Float32Array): Float32Array {
  const n = r.bias.length;
  const out = Float32Array.from(r.bias);
  for (let k = 0; k < h.length; k++) {
    const v = h[k]!;
    if (v === 0) continue;
    for (let j = 0; j < n; j++) out[j]! += v * r.kernel[k * n + j]!;
  }
  return out;
}

/** Softmax of logits divided by a temperature (T → 0: the top choice; T = 1: the model's own distribution). */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float32Array {
  const t = Math.max(1e-6, temperature);
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]! / t);
  const out = new Float32Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += out[i] = Math.exp(logits[i]! / t - max);
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

/** A cell that keeps its state in place: `step` reads a one-hot input (its index) and updates `h` (and `c`). */
export interface Stepper {
  readonly h: Float32Array;
  readonly c: Float32Array;
  /** Back to the zero state. */
  reset(): void;
  step(index: number): void;
  /** Copies another stepper's state (of the same cell) into this one. */
  copyFrom(other: Stepper): void;
}

/**
 * The same arithmetic as `cellStep` for one-hot inputs, without keeping the gates and without allocating: what
 * sampling needs, many characters a second on the page's thread.
 *
 * @example
 * const s = createStepper(weights);
 * s.step(0);                      // the word boundary
 * readout(out, s.h);
 */
export function createStepper(w: CellWeights): Stepper {
  const u = w.units;
  const g = gateCount(w.kind);
  const cols = g * u;
  const h = new Float32Array(u);
  const c = new Float32Array(u);
  const z = new Float64Array(cols);
  const prev = new Float32Array(u);
  const gated = new Float32Array(u);
  /** z[from … from + count) += v · recurrent[k][from …] for every k, v = vec[k]. */
  const addState = (vec: Float32Array, from: number, count: number) => {
    for (let k = 0; k < u; k++) {
      const v = vec[k]!;
      if (v === 0) continue;
      const row = k * cols + from;
      for (let j = 0; j < count; j++) z[from + j]! += v * w.recurrent[row + j]!;
    }
  };
  return {
    h,
    c,
    reset() {
      h.fill(0);
      c.fill(0);
    },
    copyFrom(other) {
      h.set(other.h);
      c.set(other.c);
    },
    step(index) {
      const row = index * cols;
      const valid = index >= 0 && index < w.inputSize;
      for (let j = 0; j < cols; j++) z[j] = (valid ? w.kernel[row + j]! : 0) + w.bias[j]!;
      prev.set(h);
      if (w.kind === 'rnn') {
        addState(prev, 0, u);
        for (let j = 0; j < u; j++) h[j] = Math.tanh(z[j]!);
      } else if (w.kind === 'lstm') {
        addState(prev, 0, cols);
        for (let j = 0; j < u; j++) {
          const i = sigmoid(z[j]!);
          const f = sigmoid(z[u + j]!);
          const cand = Math.tanh(z[2 * u + j]!);
          const o = sigmoid(z[3 * u + j]!);
          c[j] = f * c[j]! + i * cand;
          h[j] = o * Math.tanh(c[j]!);
        }
      } else {
        addState(prev, 0, 2 * u);
        for (let j = 0; j < u; j++) gated[j] = sigmoid(z[u + j]!) * prev[j]!;
        addState(gated, 2 * u, u);
        for (let j = 0; j < u; j++) {
          const zz = sigmoid(z[j]!);
          h[j] = zz * prev[j]! + (1 - zz) * Math.tanh(z[2 * u + j]!);
        }
      }
    },
  };
}

/** h·W + b into `out` (no allocation). */
export function readoutInto(r: Readout, h: Float32Array, out: Float32Array): Float32Array {
  const n = r.bias.length;
  out.set(r.bias);
  for (let k = 0; k < h.length; k++) {
    const v = h[k]!;
    if (v === 0) continue;
    for (let j = 0; j < n; j++) out[j]! += v * r.kernel[k * n + j]!;
  }
  return out;
}
