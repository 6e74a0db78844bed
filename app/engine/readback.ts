/**
 * One device read per frame. Everything a frame needs (each step's loss, every weight, every probe) is packed
 * into one flat tensor, read with a single awaited `data()`, and unpacked into typed arrays here. On a GPU every
 * read is a round trip that stalls until the queue drains, so one read instead of dozens matters.
 */
import * as tf from '@tensorflow/tfjs';

/** Where each part sits in the packed tensor. */
export interface ReadLayout {
  losses: number;
  hasFullLoss: boolean;
  weights: number[];
  probes: [name: string, size: number][];
}

/** What a packed read contains, unpacked. */
export interface Unpacked {
  losses: Float32Array;
  /** Loss over the whole dataset, when requested (NaN otherwise). */
  fullLoss: number;
  weights: Float32Array[];
  probes: Record<string, Float32Array>;
}

/**
 * Packs step losses, variables, an optional full-data loss and probes into one 1-D float32 tensor.
 * Call inside tf.tidy; the returned tensor is the only one that survives it.
 *
 * @example
 * let layout!: ReadLayout;
 * const packed = tf.tidy(() => {
 *   const r = packReadback(costs, model.variables);
 *   layout = r.layout; // tidy may only return tensors
 *   return r.packed;
 * });
 * const flat = await packed.data();
 * const parts = unpackReadback(flat as Float32Array, layout);
 */
export function packReadback(
  costs: tf.Scalar[],
  variables: readonly tf.Variable[],
  probes?: Record<string, tf.Tensor>,
  fullLoss?: tf.Scalar,
): { packed: tf.Tensor1D; layout: ReadLayout } {
  const parts: tf.Tensor1D[] = [];
  const layout: ReadLayout = { losses: costs.length, hasFullLoss: fullLoss !== undefined, weights: [], probes: [] };
  if (costs.length > 0) parts.push(tf.reshape(tf.stack(costs), [-1]));
  if (fullLoss) parts.push(tf.reshape(fullLoss, [1]));
  for (const v of variables) {
    parts.push(tf.reshape(v, [-1]));
    layout.weights.push(v.size);
  }
  for (const [name, t] of Object.entries(probes ?? {})) {
    // concat needs one dtype; probes may be int32 or bool (e.g. predicted classes).
    parts.push(tf.reshape(t.dtype === 'float32' ? t : tf.cast(t, 'float32'), [-1]));
    layout.probes.push([name, t.size]);
  }
  const packed = parts.length > 0 ? (tf.concat(parts) as tf.Tensor1D) : tf.zeros([0], 'float32');
  return { packed: packed as tf.Tensor1D, layout };
}

/**
 * Splits a packed read into its parts (copies, so they stay valid whatever TF.js does with its buffers).
 *
 * @example
 * const { losses, weights, probes } = unpackReadback(flat, layout);
 */
export function unpackReadback(flat: Float32Array, layout: ReadLayout): Unpacked {
  let offset = 0;
  const take = (size: number) => {
    const out = flat.slice(offset, offset + size);
    offset += size;
    return out;
  };
  const losses = take(layout.losses);
  const fullLoss = layout.hasFullLoss ? (take(1)[0] as number) : NaN;
  const weights = layout.weights.map(take);
  const probes: Record<string, Float32Array> = {};
  for (const [name, size] of layout.probes) probes[name] = take(size);
  return { losses, fullLoss, weights, probes };
}

/**
 * Index of the first value that is NaN or ±Infinity, or -1.
 *
 * @example
 * firstNonFinite(Float32Array.of(1, NaN)); // 1
 */
export function firstNonFinite(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i] as number)) return i;
  }
  return -1;
}

/**
 * The sentence a student sees when training blows up.
 *
 * @example
 * divergenceMessage('loss', NaN, 812, 3.2);
 * // "The loss became NaN at step 812, so training paused. The learning rate (3.2) is probably too high: …"
 */
export function divergenceMessage(what: 'loss' | 'weights', value: number, step: number, learningRate: number) {
  const shown = Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  const subject = what === 'loss' ? 'The loss' : 'A weight';
  return (
    `${subject} became ${shown} at step ${step}, so training paused. ` +
    `The learning rate (${learningRate}) is probably too high: lower it, then press Reset.`
  );
}
