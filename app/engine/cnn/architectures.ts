/**
 * The image networks of the CNN lessons, described once as data. The same description builds the tf.layers model
 * that trains (`buildLayersModel`) and writes the TF.js code the lesson prints beside it (`modelCode`), so the code
 * a reader sees is the code that runs.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';

/** One layer of an image network. Images come in as [batch, 28, 28, 1]. */
export type LayerSpec =
  | { kind: 'conv'; filters: number; kernel: number; activation: 'relu' }
  | { kind: 'maxPool'; size: number }
  | { kind: 'flatten' }
  | { kind: 'dense'; units: number; activation: 'relu' | 'softmax' };

/** A network: its layers, and the name the lessons call it by. */
export interface ArchitectureSpec {
  id: 'cnn' | 'mlp';
  name: string;
  layers: LayerSpec[];
}

/** Input image side (MNIST digits are 28 × 28, one channel). */
export const IMAGE_SIZE = 28;
/** Classes (the ten digits). */
export const CLASSES = 10;

/**
 * The course's CNN: conv 8@5×5 → pool → conv 16@5×5 → pool → dense 10 (the shape the issue and ConvNetJS's MNIST
 * demo use, with 'same' padding so the maps stay 28 → 14 → 7).
 *
 * @example
 * buildLayersModel(CNN, createRng(1)).countParams(); // 11,274
 */
export const CNN: ArchitectureSpec = {
  id: 'cnn',
  name: 'CNN',
  layers: [
    { kind: 'conv', filters: 8, kernel: 5, activation: 'relu' },
    { kind: 'maxPool', size: 2 },
    { kind: 'conv', filters: 16, kernel: 5, activation: 'relu' },
    { kind: 'maxPool', size: 2 },
    { kind: 'flatten' },
    { kind: 'dense', units: CLASSES, activation: 'softmax' },
  ],
};

/**
 * The classic first model of beginner tutorials: Flatten → Dense 128 relu → Dense 64 relu → Dense 10 softmax.
 *
 * @example
 * buildLayersModel(MLP, createRng(1)).countParams(); // 109,386
 */
export const MLP: ArchitectureSpec = {
  id: 'mlp',
  name: 'MLP',
  layers: [
    { kind: 'flatten' },
    { kind: 'dense', units: 128, activation: 'relu' },
    { kind: 'dense', units: 64, activation: 'relu' },
    { kind: 'dense', units: CLASSES, activation: 'softmax' },
  ],
};

/** The shape of every layer's output, [height, width, channels] or [units], in order. */
export function layerShapes(spec: ArchitectureSpec): number[][] {
  let shape = [IMAGE_SIZE, IMAGE_SIZE, 1];
  return spec.layers.map((layer) => {
    switch (layer.kind) {
      case 'conv':
        shape = [shape[0]!, shape[1]!, layer.filters];
        break;
      case 'maxPool':
        shape = [Math.floor(shape[0]! / layer.size), Math.floor(shape[1]! / layer.size), shape[2]!];
        break;
      case 'flatten':
        shape = [shape.reduce((a, b) => a * b, 1)];
        break;
      case 'dense':
        shape = [layer.units];
        break;
    }
    return shape;
  });
}

/** Glorot-uniform values from `rng` (the TF.js layers' default initialiser, but seeded by the course's Rng). */
function glorot(rng: Rng, shape: number[], fanIn: number, fanOut: number): tf.Tensor {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = (rng.next() * 2 - 1) * limit;
  return tf.tensor(values, shape);
}

/**
 * Builds the tf.layers model of `spec`, with Glorot-uniform kernels drawn from `rng` and zero biases, so a seed
 * fixes the starting point on every backend.
 *
 * @example
 * const model = buildLayersModel(CNN, createRng(1));
 * model.predict(tf.zeros([1, 28, 28, 1])); // [1, 10] probabilities
 */
export function buildLayersModel(spec: ArchitectureSpec, rng: Rng): tf.Sequential {
  const model = tf.sequential();
  spec.layers.forEach((layer, i) => {
    const first = i === 0 ? { inputShape: [IMAGE_SIZE, IMAGE_SIZE, 1] } : {};
    switch (layer.kind) {
      case 'conv':
        model.add(
          tf.layers.conv2d({ ...first, filters: layer.filters, kernelSize: layer.kernel, padding: 'same', activation: layer.activation }),
        );
        break;
      case 'maxPool':
        model.add(tf.layers.maxPooling2d({ ...first, poolSize: layer.size, strides: layer.size }));
        break;
      case 'flatten':
        model.add(tf.layers.flatten(first));
        break;
      case 'dense':
        model.add(tf.layers.dense({ ...first, units: layer.units, activation: layer.activation }));
        break;
    }
  });
  // Shapes from model.weights: getWeights() hands out the variables themselves, which must not be disposed.
  const seeded = model.weights.map(({ shape }) => {
    const dims = shape as number[];
    if (dims.length === 1) return tf.zeros(dims);
    // conv kernels [kh, kw, in, out]: fan-in kh·kw·in, fan-out kh·kw·out; dense [in, out].
    const receptive = dims.length === 4 ? dims[0]! * dims[1]! : 1;
    return glorot(rng, dims, receptive * dims[dims.length - 2]!, receptive * dims[dims.length - 1]!);
  });
  model.setWeights(seeded);
  tf.dispose(seeded);
  return model;
}

/** Number of trainable numbers (weights and biases) of `spec`, computed from its shapes. */
export function countParams(spec: ArchitectureSpec): number {
  const shapes = layerShapes(spec);
  let inputChannels = 1;
  let inputUnits = IMAGE_SIZE * IMAGE_SIZE;
  let total = 0;
  spec.layers.forEach((layer, i) => {
    const out = shapes[i]!;
    if (layer.kind === 'conv') total += layer.kernel * layer.kernel * inputChannels * layer.filters + layer.filters;
    if (layer.kind === 'dense') total += inputUnits * layer.units + layer.units;
    inputChannels = out.length === 3 ? out[2]! : inputChannels;
    inputUnits = out.reduce((a, b) => a * b, 1);
  });
  return total;
}

function layerCode(layer: LayerSpec, first: boolean): string {
  const input = first ? 'inputShape: [28, 28, 1], ' : '';
  switch (layer.kind) {
    case 'conv':
      return `tf.layers.conv2d({ ${input}filters: ${layer.filters}, kernelSize: ${layer.kernel}, padding: 'same', activation: '${layer.activation}' })`;
    case 'maxPool':
      return `tf.layers.maxPooling2d({ ${input}poolSize: ${layer.size}, strides: ${layer.size} })`;
    case 'flatten':
      return `tf.layers.flatten(${first ? '{ inputShape: [28, 28, 1] }' : ''})`;
    case 'dense':
      return `tf.layers.dense({ ${input}units: ${layer.units}, activation: '${layer.activation}' })`;
  }
}

/**
 * The TF.js code that builds and trains `spec`, as the lesson prints it: the model definition, and the training
 * step the course runs (optimizer.minimize on the cross-entropy of a batch; with one-hot labels this is exactly
 * Keras's sparse categorical cross-entropy on integer labels).
 *
 * @example
 * modelCode(MLP, 'adam', 0.001); // "const model = tf.sequential({ layers: [\n  tf.layers.flatten(…"
 */
export function modelCode(spec: ArchitectureSpec, optimizer: 'sgd' | 'momentum' | 'adam', learningRate: number): string {
  const layers = spec.layers.map((l, i) => `    ${layerCode(l, i === 0)},`).join('\n');
  const opt =
    optimizer === 'adam'
      ? `tf.train.adam(${learningRate})`
      : optimizer === 'momentum'
        ? `tf.train.momentum(${learningRate}, 0.9)`
        : `tf.train.sgd(${learningRate})`;
  return [
    'const model = tf.sequential({',
    '  layers: [',
    layers,
    '  ],',
    '});',
    `const optimizer = ${opt};`,
    '',
    '// One training step on a batch: images [b, 28, 28, 1], one-hot labels [b, 10].',
    'const loss = optimizer.minimize(',
    '  () => tf.metrics.categoricalCrossentropy(labels, model.apply(images)).mean(),',
    '  true,',
    ');',
  ].join('\n');
}
