/**
 * A recurrent network built from tf.Variables and unrolled over time, so the Trainer can train it like any other
 * model and the lessons can ask it what TF.js's layers cannot tell: the hidden state at every step and how large
 * the loss's gradient is at each of them.
 *
 *   xs [B, T·F] ─► reshape [B, T, F] ─► x·W + b for all steps at once (one matMul)
 *        ─► t = 1 … T: the cell (cells.ts's arithmetic, as TF.js ops) ─► h₁ … h_T
 *        ─► read-out 'last': h_T·V + c → [B, O]      'every': h_t·V + c for every t → [B, T·O]
 *
 * Variables: [kernel, recurrentKernel, bias, outKernel, outBias], in TF.js's layer layout (see cells.ts), so
 * `toCellWeights` hands the trained numbers to the plain-JS views unchanged.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import type { TrainableModel } from '../types';
import { createVariable } from '../weights';
import { gateCount, type CellKind } from './cells';
import { sequenceSoftmaxLoss } from './seqLoss';

/** A recurrent model's shape and objective. */
export interface RecurrentSpec {
  cell: CellKind;
  units: number;
  /** Features per time step (the vocabulary size for one-hot characters). */
  inputSize: number;
  /** Outputs per prediction (classes, or 1 for a value). */
  outputSize: number;
  /** 'last': one prediction after the whole sequence; 'every': a prediction after each step. */
  readout: 'last' | 'every';
  /**
   * 'softmax': cross-entropy over classes; rows of the target that are all zero (padding after a word ends)
   * count for nothing. 'mse': mean squared error of a value.
   */
  loss: 'softmax' | 'mse';
  /**
   * The LSTM forget gate's starting bias (default 1: σ(1) ≈ 0.73 of the cell kept per step; 5 keeps 0.993, so
   * the cells start out remembering for about a hundred steps).
   */
  forgetBias?: number;
  /**
   * The recurrent kernel's start: 'orthogonal' (Keras's default) or 'uniform' in ±1/√units (PyTorch's default,
   * smaller: a plain RNN's state then shrinks step by step).
   */
  recurrentInit?: 'orthogonal' | 'uniform';
}

export interface RecurrentModel extends TrainableModel {
  readonly spec: RecurrentSpec;
  /**
   * The size of the loss's gradient with respect to each hidden state h_t, averaged over the batch: how much the
   * loss "feels" each step. Shape [T].
   */
  stateGradientNorms(xs: tf.Tensor2D, ys: tf.Tensor2D): tf.Tensor1D;
}

/** Glorot-uniform values for a [fanIn, fanOut] matrix. */
function glorot(rng: Rng, fanIn: number, fanOut: number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return Float32Array.from({ length: fanIn * fanOut }, () => (rng.next() * 2 - 1) * limit);
}

/** A [rows, cols] matrix (rows ≤ cols) with orthonormal rows, from Gaussian draws (Keras's recurrent default). */
export function orthogonal(rng: Rng, rows: number, cols: number): Float32Array {
  const m = Array.from({ length: rows }, () => Float64Array.from({ length: cols }, () => rng.normal()));
  for (let i = 0; i < rows; i++) {
    const row = m[i]!;
    for (let k = 0; k < i; k++) {
      const prev = m[k]!;
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += row[j]! * prev[j]!;
      for (let j = 0; j < cols; j++) row[j]! -= dot * prev[j]!;
    }
    let norm = 0;
    for (let j = 0; j < cols; j++) norm += row[j]! * row[j]!;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < cols; j++) row[j]! /= norm;
  }
  const out = new Float32Array(rows * cols);
  m.forEach((row, i) => out.set(row, i * cols));
  return out;
}

/**
 * Creates the model with seeded weights: Glorot-uniform input and read-out kernels, an orthogonal recurrent
 * kernel, zero biases except the LSTM's forget gate, which starts at 1 (it begins by remembering, as Keras does).
 *
 * @example
 * const model = createRecurrentModel({ cell: 'lstm', units: 32, inputSize: 27, outputSize: 27,
 *   readout: 'every', loss: 'softmax' }, createRng(1));
 */
export function createRecurrentModel(spec: RecurrentSpec, rng: Rng): RecurrentModel {
  const { units: u, inputSize: f, outputSize: o } = spec;
  if (![u, f, o].every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error(`A recurrent model needs whole, positive sizes (units ${u}, input ${f}, output ${o}).`);
  }
  const g = gateCount(spec.cell);
  const bias = new Float32Array(g * u);
  if (spec.cell === 'lstm') bias.fill(spec.forgetBias ?? 1, u, 2 * u);
  const kernelValues = glorot(rng, f, g * u);
  const limit = 1 / Math.sqrt(u);
  const recurrentValues =
    spec.recurrentInit === 'uniform' ? Float32Array.from({ length: u * g * u }, () => (rng.next() * 2 - 1) * limit) : orthogonal(rng, u, g * u);
  const variables = [
    createVariable(kernelValues, [f, g * u]),
    createVariable(recurrentValues, [u, g * u]),
    createVariable(bias, [g * u]),
    createVariable(glorot(rng, u, o), [u, o]),
    createVariable(new Float32Array(o), [o]),
  ];
  const [kernel, recurrent, b, outKernel, outBias] = variables as [tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable];

  /** The hidden states h₁ … h_T; `nudges[t]` (zeros) is added to h_t so gradients with respect to it exist. */
  function states(xs: tf.Tensor2D, nudges?: tf.Tensor3D): tf.Tensor2D[] {
    const batch = xs.shape[0];
    const steps = xs.shape[1] / f;
    if (!Number.isInteger(steps) || steps < 1) throw new Error(`Inputs of width ${xs.shape[1]} are not steps of ${f}.`);
    const projected = tf.add(tf.matMul(tf.reshape(xs, [batch * steps, f]), kernel), b);
    const perStep = tf.unstack(tf.reshape(projected, [batch, steps, g * u]), 1) as tf.Tensor2D[];
    const nudge = nudges ? (tf.unstack(nudges) as tf.Tensor2D[]) : null;
    let h: tf.Tensor2D = tf.zeros([batch, u]);
    let c: tf.Tensor2D = tf.zeros([batch, u]);
    const hs: tf.Tensor2D[] = [];
    perStep.forEach((p, t) => {
      if (spec.cell === 'rnn') {
        h = tf.tanh(t === 0 ? p : tf.add(p, tf.matMul(h, recurrent)));
      } else if (spec.cell === 'lstm') {
        const z = t === 0 ? p : tf.add(p, tf.matMul(h, recurrent));
        const [i, fg, cand, out] = tf.split(z, 4, 1) as tf.Tensor2D[];
        const write = tf.mul(tf.sigmoid(i!), tf.tanh(cand!));
        c = (t === 0 ? write : tf.add(tf.mul(tf.sigmoid(fg!), c), write)) as tf.Tensor2D;
        h = tf.mul(tf.sigmoid(out!), tf.tanh(c));
      } else {
        const [xz, xr, xh] = tf.split(p, 3, 1) as tf.Tensor2D[];
        const [rk1, rk2] = tf.split(recurrent, [2 * u, u], 1) as tf.Tensor2D[];
        const [hz, hr] = tf.split(tf.matMul(h, rk1!), 2, 1) as tf.Tensor2D[];
        const zg = tf.sigmoid(tf.add(xz!, hz!));
        const r = tf.sigmoid(tf.add(xr!, hr!));
        const cand = tf.tanh(tf.add(xh!, tf.matMul(tf.mul(r, h), rk2!)));
        h = tf.add(tf.mul(zg, h), tf.mul(tf.sub(1, zg), cand));
      }
      if (nudge) h = tf.add(h, nudge[t]!);
      hs.push(h);
    });
    return hs;
  }

  function outputs(hs: tf.Tensor2D[]): tf.Tensor2D {
    if (spec.readout === 'last') return tf.add(tf.matMul(hs[hs.length - 1]!, outKernel), outBias);
    const batch = hs[0]!.shape[0];
    const all = tf.reshape(tf.stack(hs, 1), [batch * hs.length, u]);
    return tf.reshape(tf.add(tf.matMul(all, outKernel), outBias), [batch, hs.length * o]);
  }

  function lossOf(pred: tf.Tensor2D, ys: tf.Tensor2D): tf.Scalar {
    if (spec.loss === 'mse') return tf.mean(tf.square(tf.sub(pred, ys)));
    return sequenceSoftmaxLoss(pred, ys, o);
  }

  return {
    spec,
    variables,
    loss: (xs, ys) => lossOf(outputs(states(xs)), ys),
    predict: (xs) => outputs(states(xs)),
    stateGradientNorms(xs, ys) {
      const steps = xs.shape[1] / f;
      const batch = xs.shape[0];
      const grad = tf.grad((n: tf.Tensor) => lossOf(outputs(states(xs, n as tf.Tensor3D)), ys));
      const d = grad(tf.zeros([steps, batch, u]));
      // The loss is a mean over the batch: × batch gives each sequence's own gradient, then its length, averaged.
      return tf.mean(tf.sqrt(tf.sum(tf.square(tf.mul(d, batch)), 2)), 1) as tf.Tensor1D;
    },
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}

// The page-safe half (no TF.js) lives in cellWeights.ts; re-exported here so existing imports keep working.
export { toCellWeights } from './cellWeights';
