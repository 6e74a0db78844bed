/**
 * Loss functions for one prediction, with their gradients, in plain float64 JavaScript: instant answers while a
 * slider moves, with no tensors and no TF.js import (so a figure that only needs these stays light).
 * `losses.test.ts` proves each value and gradient equals what TF.js computes (tf.losses and tf.grad).
 */

import { softmax } from './activations';

/** 'mse' = squared error (ŷ − y)²; 'bce' = binary cross-entropy −[y·log ŷ + (1 − y)·log(1 − ŷ)]. */
export type BinaryLossKind = 'mse' | 'bce';

/** One loss at one prediction, and how it changes. */
export interface BinaryLossPoint {
  /** The loss L(ŷ, y). */
  loss: number;
  /** dL/dŷ: the slope of the loss against the prediction. */
  dPred: number;
  /** dL/dz for ŷ = σ(z): what a sigmoid neuron's weights actually feel, dL/dŷ · ŷ(1 − ŷ). */
  dLogit: number;
}

/**
 * A binary loss at prediction `pred` ∈ (0, 1) for label `y` (0 or 1), with its slope against the prediction and
 * against the logit z of a sigmoid output ŷ = σ(z).
 *
 * @example
 * binaryLoss('mse', 0.1, 1); // { loss: 0.81, dPred: -1.8, dLogit: -0.162 }
 * binaryLoss('bce', 0.1, 1); // { loss: 2.302…, dPred: -10, dLogit: -0.9 }
 */
export function binaryLoss(kind: BinaryLossKind, pred: number, y: number): BinaryLossPoint {
  const slope = pred * (1 - pred); // dσ/dz written in terms of the output
  if (kind === 'mse') {
    const dPred = 2 * (pred - y);
    return { loss: (pred - y) ** 2, dPred, dLogit: dPred * slope };
  }
  const loss = -(y * Math.log(pred) + (1 - y) * Math.log(1 - pred));
  // −y/ŷ + (1 − y)/(1 − ŷ); times ŷ(1 − ŷ) it collapses to ŷ − y.
  return { loss, dPred: -y / pred + (1 - y) / (1 - pred), dLogit: pred - y };
}

/**
 * Categorical cross-entropy of softmax(scores) for the right class `label`: −log p[label]. Its gradient against
 * each score is p[k] − (k = label ? 1 : 0).
 *
 * @example
 * const { probs, loss, dScores } = softmaxCrossEntropy([2, 1, 0], 0); // loss 0.407…, dScores[0] = −0.334…
 */
export function softmaxCrossEntropy(
  scores: readonly number[],
  label: number,
): { probs: number[]; loss: number; dScores: number[] } {
  const probs = softmax(scores);
  // log p[label] = s[label] − logsumexp(s), which stays finite even when p[label] underflows to 0.
  const top = Math.max(...scores);
  const logSum = top + Math.log(scores.reduce((a, s) => a + Math.exp(s - top), 0));
  const loss = logSum - (scores[label] as number);
  return { probs, loss, dScores: probs.map((p, k) => p - (k === label ? 1 : 0)) };
}
