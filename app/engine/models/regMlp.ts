/**
 * A fully connected binary classifier with the three classic brakes on overfitting built in, all adjustable while
 * it trains: an L2 or L1 penalty on the weights, and dropout on the hidden layers.
 *
 *   x ─▶ tanh(x·W₁ + b₁) ⊙ m₁ ─▶ tanh(…·W₂ + b₂) ⊙ m₂ ─▶ … ─▶ logit ─▶ binary cross-entropy
 *   training loss = cross-entropy + λ·Σ W²   (L2)   or   + λ·Σ |W|   (L1)        (biases are not penalised)
 *
 * Dropout uses "inverted" scaling: a kept unit is multiplied by 1 / (1 − p), so its average is unchanged and
 * `predict` needs no rescaling and no mask. Each training step draws one fresh mask per hidden unit from the
 * seeded Rng, shared by every example of the batch, so "which neurons were off in this step" is one picture
 * that a figure can draw. The masks come from the project's Rng, never from unseeded TF.js randomness.
 *
 * The regularization settings are read at every step (a getter, or the last `setRegularization`), so changing λ
 * or the dropout rate takes effect at the next step without rebuilding the model or its optimiser.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import type { TrainableModel } from '../types';
import { createVariable } from '../weights';

/** Which weight penalty is added to the loss. */
export type Penalty = 'none' | 'l2' | 'l1';

/** The regularization in force at a step. */
export interface Regularization {
  penalty: Penalty;
  /** Strength λ of the penalty (≥ 0). */
  lambda: number;
  /** Probability that a hidden unit is switched off in a training step (0 = no dropout; below 1). */
  dropout: number;
}

/** A network whose regularization can change between steps, and which remembers its latest dropout mask. */
export interface RegMlp extends TrainableModel {
  readonly sizes: readonly number[];
  /** Binary cross-entropy alone: no penalty and no dropout (for measuring train and test loss). */
  dataLoss(xs: tf.Tensor2D, ys: tf.Tensor2D): tf.Scalar;
  /** The penalty term λ·Σ W² or λ·Σ |W| at the current settings (0 when off). */
  penalty(): tf.Scalar;
  /**
   * The mask of the latest training step, hidden layers concatenated (1 = kept, 0 = dropped); all ones before
   * the first step or when dropout is off.
   */
  lastMask(): Float32Array;
  setRegularization(reg: Regularization): void;
}

export const NO_REGULARIZATION: Regularization = { penalty: 'none', lambda: 0, dropout: 0 };

/**
 * Creates the network with Glorot-uniform weights drawn from `rng` and zero biases; variables are
 * [W1, b1, W2, b2, …] with W of shape [in, out]. The same `rng` then supplies the dropout masks, one draw per
 * hidden unit per training step whatever the rate, so turning dropout on or off never shifts later masks.
 *
 * @example
 * const live = { penalty: 'l2', lambda: 0.001, dropout: 0 } as Regularization;
 * const net = createRegMlp([2, 16, 16, 16, 1], createRng(1), () => live);
 * live.dropout = 0.3; // the next training step drops about 30% of the hidden units
 */
export function createRegMlp(
  sizes: number[],
  rng: Rng,
  regularization: Regularization | (() => Regularization) = NO_REGULARIZATION,
): RegMlp {
  if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1) || sizes[sizes.length - 1] !== 1) {
    throw new Error(`Sizes must be whole and positive, ending in one output (got [${sizes}]).`);
  }
  let read = typeof regularization === 'function' ? regularization : () => regularization;
  const variables: tf.Variable[] = [];
  const weights: tf.Variable[] = [];
  const biases: tf.Variable[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const w = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < w.length; i++) w[i] = (rng.next() * 2 - 1) * limit;
    const wv = createVariable(w, [fanIn, fanOut]);
    const bv = createVariable(new Float32Array(fanOut), [fanOut]);
    variables.push(wv, bv);
    weights.push(wv);
    biases.push(bv);
  }
  const hiddenSizes = sizes.slice(1, -1);
  const hiddenTotal = hiddenSizes.reduce((a, b) => a + b, 0);
  let mask: Float32Array = new Float32Array(hiddenTotal).fill(1);

  const check = (r: Regularization) => {
    if (!(r.lambda >= 0) || !(r.dropout >= 0 && r.dropout < 1)) {
      throw new Error(`λ must be ≥ 0 and the dropout rate in [0, 1) (got λ = ${r.lambda}, p = ${r.dropout}).`);
    }
    return r;
  };

  /** The logit; with `keep` (one 0/1 array per hidden layer, already scaled) the hidden units are masked. */
  const logits = (xs: tf.Tensor2D, keep?: tf.Tensor1D[]): tf.Tensor2D => {
    let h: tf.Tensor2D = xs;
    for (let l = 0; l < weights.length; l++) {
      const z = tf.add(tf.matMul(h, weights[l]!), biases[l]!) as tf.Tensor2D;
      if (l + 1 === weights.length) return z;
      h = tf.tanh(z);
      if (keep) h = tf.mul(h, keep[l]!);
    }
    return h;
  };

  const bce = (z: tf.Tensor2D, ys: tf.Tensor2D): tf.Scalar =>
    // mean(max(z, 0) − z·y + log(1 + e^−|z|)), the stable form of binary cross-entropy from logits.
    tf.mean(tf.add(tf.sub(tf.relu(z), tf.mul(z, ys)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))))) as tf.Scalar;

  const penalty = (r: Regularization): tf.Scalar =>
    tf.tidy(() => {
      if (r.penalty === 'none' || r.lambda === 0) return tf.scalar(0);
      const terms = weights.map((w) => (r.penalty === 'l2' ? tf.sum(tf.square(w)) : tf.sum(tf.abs(w))));
      return tf.mul(tf.addN(terms), r.lambda) as tf.Scalar;
    });

  /** Draws the next step's mask: one uniform number per hidden unit, always, so the stream never shifts. */
  const nextMask = (p: number): Float32Array => {
    const m = new Float32Array(hiddenTotal);
    for (let i = 0; i < hiddenTotal; i++) m[i] = rng.next() >= p ? 1 : 0;
    return m;
  };

  return {
    sizes: [...sizes],
    variables,
    predict: (xs) => tf.tidy(() => tf.sigmoid(logits(xs))),
    dataLoss: (xs, ys) => tf.tidy(() => bce(logits(xs), ys)),
    penalty: () => penalty(check(read())),
    loss: (xs, ys) =>
      tf.tidy(() => {
        const r = check(read());
        const drawn = nextMask(r.dropout);
        mask = r.dropout > 0 ? drawn : new Float32Array(hiddenTotal).fill(1);
        let keep: tf.Tensor1D[] | undefined;
        if (r.dropout > 0) {
          keep = [];
          let offset = 0;
          for (const n of hiddenSizes) {
            keep.push(tf.mul(tf.tensor1d(mask.subarray(offset, offset + n)), 1 / (1 - r.dropout)) as tf.Tensor1D);
            offset += n;
          }
        }
        return tf.add(bce(logits(xs, keep), ys), penalty(r)) as tf.Scalar;
      }),
    lastMask: () => mask.slice(),
    setRegularization: (reg) => {
      read = () => reg;
    },
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}

/** True for models made by {@link createRegMlp}. */
export function isRegMlp(model: TrainableModel): model is RegMlp {
  return 'lastMask' in model;
}
