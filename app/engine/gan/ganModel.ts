/**
 * The generator and the discriminator: two small fully connected networks built from tf.Variables, with
 * Glorot-uniform weights drawn from the seeded Rng.
 *
 *   noise z (1-D or 2-D) ──G──▶ a point G(z) in the plane ──D──▶ a logit ℓ, D = σ(ℓ) = "probability it is real"
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { createVariable } from '../weights';

export type GanActivation = 'relu' | 'leaky' | 'tanh';

export interface GanNetConfig {
  /** Noise dimension: 1 or 2. */
  noiseDim: number;
  /** Hidden layers of the generator, e.g. [16, 16]. */
  gHidden: number[];
  /** Hidden layers of the discriminator. */
  dHidden: number[];
  /** Hidden activation of both networks. */
  activation: GanActivation;
}

export interface GanNets {
  readonly gVariables: tf.Variable[];
  readonly dVariables: tf.Variable[];
  /** G(z): [n, noiseDim] → [n, 2]. Call inside tf.tidy. */
  generate(z: tf.Tensor2D): tf.Tensor2D;
  /** D's logit: [n, 2] → [n, 1]. Call inside tf.tidy. */
  discriminate(x: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

function activate(x: tf.Tensor2D, act: GanActivation): tf.Tensor2D {
  if (act === 'relu') return tf.relu(x);
  if (act === 'tanh') return tf.tanh(x);
  return tf.leakyRelu(x, 0.2);
}

function dense(sizes: number[], rng: Rng): tf.Variable[] {
  const vars: tf.Variable[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l] as number;
    const fanOut = sizes[l + 1] as number;
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const w = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < w.length; i++) w[i] = (rng.next() * 2 - 1) * limit;
    vars.push(createVariable(w, [fanIn, fanOut]), createVariable(new Float32Array(fanOut), [fanOut]));
  }
  return vars;
}

function forward(vars: tf.Variable[], x: tf.Tensor2D, act: GanActivation): tf.Tensor2D {
  let h = x;
  const layers = vars.length / 2;
  for (let l = 0; l < layers; l++) {
    const z = tf.add(tf.matMul(h, vars[2 * l] as tf.Variable), vars[2 * l + 1] as tf.Variable) as tf.Tensor2D;
    h = l + 1 < layers ? activate(z, act) : z;
  }
  return h;
}

/**
 * Builds G and D. G's output layer is linear (points anywhere in the plane), D's is one logit. G's weights are
 * drawn first, then D's, so changing D's size leaves G's starting point the same.
 *
 * @example
 * const nets = createGanNets({ noiseDim: 2, gHidden: [16, 16], dHidden: [16, 16], activation: 'relu' }, createRng(1));
 */
export function createGanNets(config: GanNetConfig, rng: Rng): GanNets {
  const bad = [...config.gHidden, ...config.dHidden].some((s) => !Number.isInteger(s) || s < 1);
  if (bad || (config.noiseDim !== 1 && config.noiseDim !== 2)) {
    throw new Error('The networks need whole, positive layer sizes and a noise of 1 or 2 dimensions.');
  }
  const gVariables = dense([config.noiseDim, ...config.gHidden, 2], rng);
  const dVariables = dense([2, ...config.dHidden, 1], rng);
  return {
    gVariables,
    dVariables,
    generate: (z) => forward(gVariables, z, config.activation),
    discriminate: (x) => forward(dVariables, x, config.activation),
    dispose() {
      for (const v of [...gVariables, ...dVariables]) v.dispose();
    },
  };
}
