/**
 * Moving weights between a model's tf.Variables and plain Float32Arrays, the only form in which weights leave the
 * engine.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainableModel } from './types';

/**
 * Creates a trainable variable from plain values without leaking the temporary tensor it is made from
 * (a variable shares that tensor's data, so the temporary can be disposed at once).
 *
 * @example
 * const w = createVariable(new Float32Array([0.1, -0.2]), [2, 1]);
 */
export function createVariable(values: Float32Array | number[], shape: number[]): tf.Variable {
  const init = tf.tensor(values, shape, 'float32');
  const v = tf.variable(init, true);
  init.dispose();
  return v;
}

/**
 * Reads every variable of `model`, in order, with one awaited device read (never dataSync, which would block the
 * page while a GPU finishes).
 *
 * @example
 * const [w, b] = await readWeights(model);
 */
export async function readWeights(model: Pick<TrainableModel, 'variables'>): Promise<Float32Array[]> {
  const vars = model.variables;
  if (vars.length === 0) return [];
  // One concatenated read instead of one per variable: each read is a GPU round trip.
  const packed = tf.tidy(() => tf.concat(vars.map((v) => tf.reshape(v, [-1]))));
  try {
    const flat = (await packed.data()) as Float32Array;
    const out: Float32Array[] = [];
    let offset = 0;
    for (const v of vars) {
      out.push(flat.slice(offset, offset + v.size));
      offset += v.size;
    }
    return out;
  } finally {
    packed.dispose();
  }
}

/**
 * Overwrites every variable of `model` with `arrays` (same order and sizes as {@link readWeights} returns).
 *
 * @example
 * writeWeights(model, await readWeights(otherModel));
 */
export function writeWeights(model: Pick<TrainableModel, 'variables'>, arrays: Float32Array[]): void {
  const vars = model.variables;
  if (arrays.length !== vars.length) {
    throw new Error(`Expected ${vars.length} weight arrays, got ${arrays.length}.`);
  }
  vars.forEach((v, i) => {
    const values = arrays[i] as Float32Array;
    if (values.length !== v.size) {
      throw new Error(`Weight array ${i} has ${values.length} values; the variable needs ${v.size}.`);
    }
  });
  tf.tidy(() => {
    vars.forEach((v, i) => v.assign(tf.tensor(arrays[i] as Float32Array, v.shape, 'float32')));
  });
}
