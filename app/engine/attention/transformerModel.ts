/**
 * A small transformer built from tf.Variables (see spec.ts for its shape and ops.ts for its pieces), trained by
 * the engine's usual Trainer like every other model.
 *
 *   xs [B, T·V] one-hot ─► ·E (+ positions) ─► blocks ─► LN_f ─► ·W_out + b_out
 *        'every': [B, T·O] (a prediction per position)      'last': [B, O] (from the last position)
 *
 * Variables are in the order of `variableShapes(spec)`, so `toTransformerWeights` names the numbers a view
 * carries and forward.ts recomputes everything from them in the page.
 */
import * as tf from '@tensorflow/tfjs';
import { sequenceSoftmaxLoss } from '../seq/seqLoss';
import type { Rng } from '../rng';
import type { TrainableModel } from '../types';
import { createVariable } from '../weights';
import { layerNorm, multiHeadAttention } from './ops';
import { sinusoidalPositions } from './positions';
import { BLOCK_PARTS, variableShapes, type BlockPart, type TransformerSpec } from './spec';

export interface TransformerModel extends TrainableModel {
  readonly spec: TransformerSpec;
  /** The attention weights of every layer for `xs`: one [B, heads, T, T] tensor per layer. */
  attentionWeights(xs: tf.Tensor2D): tf.Tensor4D[];
}

/** Queries' and keys' starting weights, as a share of Glorot's. */
export const QK_INIT_SCALE = 0.3;

/** The spread of the token and learned position embeddings at the start. */
export const EMBEDDING_STD = 1;

function initialValues(name: string, shape: number[], rng: Rng): Float32Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const part = name.split('.').pop()!;
  if (name === 'tokenEmbedding' || name === 'positionEmbedding') return Float32Array.from({ length: size }, () => rng.normal() * EMBEDDING_STD);
  if (part.endsWith('Gain')) return new Float32Array(size).fill(1);
  if (shape.length === 1) return new Float32Array(size);
  // Queries and keys start small, so every position starts attending almost evenly to all (as GPT-2's small
  // initial weights do): the pattern the reader watches form is learned, not drawn at random.
  const limit = Math.sqrt(6 / (shape[0]! + shape[1]!)) * (part === 'wq' || part === 'wk' ? QK_INIT_SCALE : 1);
  return Float32Array.from({ length: size }, () => (rng.next() * 2 - 1) * limit);
}

/**
 * Creates the model with seeded weights: N(0, 1) embeddings, Glorot-uniform matrices, layer-norm gains of 1 and
 * zero biases.
 *
 * @example
 * const model = createTransformerModel({ cell: 'transformer', inputSize: 10, outputSize: 10, length: 8, dModel: 32,
 *   heads: 2, layers: 1, ffn: 64, positions: 'learned', causal: false, readout: 'every', loss: 'softmax' }, createRng(1));
 */
export function createTransformerModel(spec: TransformerSpec, rng: Rng): TransformerModel {
  const { inputSize: v, outputSize: o, dModel: d, heads, layers, length } = spec;
  if (![v, o, d, heads, layers, length, spec.ffn].every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error('A transformer needs whole, positive sizes.');
  }
  if (d % heads !== 0) throw new Error(`d_model ${d} does not split into ${heads} heads.`);
  const shapes = variableShapes(spec);
  const variables = shapes.map(({ name, shape }) => createVariable(initialValues(name, shape, rng), shape));
  let i = 0;
  const next = () => variables[i++]!;
  const tokenEmbedding = next() as tf.Variable<tf.Rank.R2>;
  const learned = spec.positions === 'learned' ? (next() as tf.Variable<tf.Rank.R2>) : null;
  const blocks = Array.from({ length: layers }, () => {
    const b = {} as Record<BlockPart, tf.Variable>;
    for (const part of BLOCK_PARTS) b[part] = next();
    return b;
  });
  const [finalGain, finalBias, outKernel, outBias] = [next(), next(), next(), next()] as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  const sinusoids = spec.positions === 'sinusoidal' ? tf.tensor2d(sinusoidalPositions(length, d), [length, d]) : null;

  function run(xs: tf.Tensor2D): { out: tf.Tensor2D; weights: tf.Tensor4D[] } {
    const batch = xs.shape[0];
    const steps = xs.shape[1] / v;
    if (!Number.isInteger(steps) || steps < 1 || steps > length) {
      throw new Error(`Inputs of width ${xs.shape[1]} are not 1 to ${length} tokens of ${v}.`);
    }
    let x = tf.reshape(tf.matMul(tf.reshape(xs, [batch * steps, v]), tokenEmbedding), [batch, steps, d]) as tf.Tensor3D;
    const table = learned ?? sinusoids;
    if (table) x = tf.add(x, tf.slice(table, [0, 0], [steps, d]));
    const weights: tf.Tensor4D[] = [];
    for (const b of blocks) {
      const attn = multiHeadAttention(layerNorm(x, b.ln1Gain as tf.Tensor1D, b.ln1Bias as tf.Tensor1D), {
        wq: b.wq as tf.Tensor2D, wk: b.wk as tf.Tensor2D, wv: b.wv as tf.Tensor2D, wo: b.wo as tf.Tensor2D,
      }, { heads, causal: spec.causal });
      weights.push(attn.weights);
      x = tf.add(x, attn.output);
      const flat = tf.reshape(layerNorm(x, b.ln2Gain as tf.Tensor1D, b.ln2Bias as tf.Tensor1D), [batch * steps, d]);
      const hidden = tf.relu(tf.add(tf.matMul(flat, b.w1 as tf.Tensor2D), b.b1));
      x = tf.add(x, tf.reshape(tf.add(tf.matMul(hidden, b.w2 as tf.Tensor2D), b.b2), [batch, steps, d]));
    }
    const normed = layerNorm(x, finalGain as tf.Tensor1D, finalBias as tf.Tensor1D);
    if (spec.readout === 'last') {
      const last = tf.reshape(tf.slice(normed, [0, steps - 1, 0], [batch, 1, d]), [batch, d]);
      return { out: tf.add(tf.matMul(last, outKernel as tf.Tensor2D), outBias), weights };
    }
    const logits = tf.add(tf.matMul(tf.reshape(normed, [batch * steps, d]), outKernel as tf.Tensor2D), outBias);
    return { out: tf.reshape(logits, [batch, steps * o]), weights };
  }

  return {
    spec,
    variables,
    loss: (xs, ys) => sequenceSoftmaxLoss(run(xs).out, ys, o),
    predict: (xs) => run(xs).out,
    attentionWeights: (xs) => run(xs).weights,
    dispose: () => {
      variables.forEach((w) => w.dispose());
      sinusoids?.dispose();
    },
  };
}
