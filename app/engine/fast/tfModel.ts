/**
 * The lab's network as a TF.js model. The fused kernel (fastMlp.ts) does the arithmetic; this is the same network
 * as a `tf.LayersModel`, for exporting it with tf.io, importing a saved one, and showing the reader its TF.js
 * definition. fastMlp.test.ts checks that both compute the same outputs and gradients.
 */
import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from '../types';
import type { FastActivation, FastMlpSpec, WeightPenalty } from './fastMlp';

const HEAD_ACTIVATION = { sigmoid: 'sigmoid', softmax: 'softmax', linear: 'linear' } as const;

function regularizer(penalty: WeightPenalty) {
  if (penalty.kind === 'l1' && penalty.rate > 0) return tf.regularizers.l1({ l1: penalty.rate });
  if (penalty.kind === 'l2' && penalty.rate > 0) return tf.regularizers.l2({ l2: penalty.rate });
  return undefined;
}

/**
 * Builds the network as a TF.js Sequential model of Dense layers and gives it `weights` ([W1, b1, …] as the fused
 * kernel and the Trainer's snapshots lay them out).
 *
 * @example
 * const model = toTfModel(net.spec, net.weights(), { kind: 'l2', rate: 0.001 });
 * await model.save('downloads://my-network');
 */
export function toTfModel(spec: FastMlpSpec, weights: readonly Float32Array[], penalty: WeightPenalty): tf.Sequential {
  const { sizes } = spec;
  const model = tf.sequential();
  for (let l = 1; l < sizes.length; l++) {
    const last = l === sizes.length - 1;
    model.add(
      tf.layers.dense({
        units: sizes[l]!,
        activation: last ? HEAD_ACTIVATION[spec.head] : spec.activations[l - 1]!,
        kernelRegularizer: regularizer(penalty),
        ...(l === 1 ? { inputShape: [sizes[0]!] } : {}),
        name: last ? 'output' : `hidden${l}`,
      }),
    );
  }
  tf.tidy(() => {
    model.setWeights(weights.map((w, i) => (i % 2 === 0 ? tf.tensor2d(w, [sizes[i / 2]!, sizes[i / 2 + 1]!]) : tf.tensor1d(w))));
  });
  return model;
}

const KNOWN: readonly string[] = ['relu', 'tanh', 'sigmoid', 'linear'];

/**
 * Reads a loaded TF.js model back into a spec and weights the lab can train, or explains why it cannot: only a
 * plain stack of Dense layers with the lab's activations fits.
 *
 * @example
 * const model = await tf.loadLayersModel(tf.io.browserFiles([jsonFile, weightsFile]));
 * const { spec, weights } = fromTfModel(model);
 */
export function fromTfModel(model: tf.LayersModel): { spec: FastMlpSpec; weights: Float32Array[] } {
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  if (layers.length === 0) throw new Error('The file holds a model with no layers.');
  const sizes: number[] = [];
  const activations: FastActivation[] = [];
  let head: FastMlpSpec['head'] = 'linear';
  const weights: Float32Array[] = [];
  layers.forEach((layer, i) => {
    if (layer.getClassName() !== 'Dense') {
      throw new Error(`Layer ${i + 1} is a ${layer.getClassName()} layer; the lab can only load Dense layers.`);
    }
    const config = layer.getConfig() as { units: number; activation: string; useBias?: boolean };
    const [kernel, bias] = layer.getWeights();
    if (!kernel || !bias) throw new Error(`Layer ${i + 1} has no bias; the lab's layers all have one.`);
    if (i === 0) sizes.push(kernel.shape[0]!);
    sizes.push(config.units);
    weights.push(kernel.dataSync() as Float32Array, bias.dataSync() as Float32Array);
    const last = i === layers.length - 1;
    if (last) {
      if (config.activation !== 'sigmoid' && config.activation !== 'softmax' && config.activation !== 'linear') {
        throw new Error(`The output layer uses "${config.activation}"; the lab's outputs are sigmoid, softmax or linear.`);
      }
      head = config.activation;
    } else {
      if (!KNOWN.includes(config.activation)) {
        throw new Error(`Hidden layer ${i + 1} uses "${config.activation}"; the lab knows ReLU, tanh, sigmoid and linear.`);
      }
      activations.push(config.activation as FastActivation);
    }
  });
  return { spec: { sizes, activations, head }, weights };
}

/**
 * The TF.js code that defines and trains this network: what the lab's "TF.js code" panel shows.
 *
 * @example
 * tfCode(net.spec, { kind: 'none', rate: 0 }, 'adam', 0.03, 10);
 */
export function tfCode(spec: FastMlpSpec, penalty: WeightPenalty, optimizer: OptimizerName, learningRate: number, batchSize: number): string {
  const reg =
    penalty.kind === 'none' || penalty.rate <= 0 ? '' : `, kernelRegularizer: tf.regularizers.${penalty.kind}({ ${penalty.kind}: ${penalty.rate} })`;
  const lines = ['const model = tf.sequential();'];
  for (let l = 1; l < spec.sizes.length; l++) {
    const last = l === spec.sizes.length - 1;
    const act = last ? HEAD_ACTIVATION[spec.head] : spec.activations[l - 1]!;
    const input = l === 1 ? `inputShape: [${spec.sizes[0]}], ` : '';
    lines.push(`model.add(tf.layers.dense({ ${input}units: ${spec.sizes[l]}, activation: '${act}'${reg} }));`);
  }
  const opt =
    optimizer === 'sgd' ? `tf.train.sgd(${learningRate})` : optimizer === 'momentum' ? `tf.train.momentum(${learningRate}, 0.9)` : `tf.train.adam(${learningRate})`;
  const loss = spec.head === 'sigmoid' ? `'binaryCrossentropy'` : spec.head === 'softmax' ? `'categoricalCrossentropy'` : `'meanSquaredError'`;
  lines.push(`model.compile({ optimizer: ${opt}, loss: ${loss} });`);
  lines.push(`await model.fit(xs, ys, { batchSize: ${batchSize}, epochs: 1, shuffle: true });`);
  return lines.join('\n');
}
