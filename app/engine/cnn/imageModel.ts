/**
 * An image network as the Trainer sees it: a tf.layers model (built from an architecture description) behind the
 * engine's TrainableModel interface, plus every layer's output for one image, for the feature-map views.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import type { TrainableModel } from '../types';
import { buildLayersModel, IMAGE_SIZE, type ArchitectureSpec } from './architectures';

/** A trainable image model; inputs are flat rows of 784 pixels (0 … 1), labels one-hot rows of 10. */
export interface ImageModel extends TrainableModel {
  readonly spec: ArchitectureSpec;
  readonly layers: tf.Sequential;
  /** Every layer's output for `images` ([b, 784]), in layer order; the last is the class probabilities. */
  layerOutputs(images: tf.Tensor2D): tf.Tensor[];
}

/** True when `model` is an {@link ImageModel}. */
export function isImageModel(model: TrainableModel): model is ImageModel {
  return 'layerOutputs' in model && 'spec' in model;
}

const asImages = (xs: tf.Tensor2D) => tf.reshape(xs, [-1, IMAGE_SIZE, IMAGE_SIZE, 1]);

/**
 * Builds `spec` with weights drawn from `rng`.
 *
 * @example
 * const model = createImageModel(CNN, createRng(1));
 * const loss = model.loss(images, oneHot); // mean cross-entropy, a scalar
 */
export function createImageModel(spec: ArchitectureSpec, rng: Rng): ImageModel {
  const layers = buildLayersModel(spec, rng);
  const probe = tf.model({ inputs: layers.inputs, outputs: layers.layers.map((l) => l.output as tf.SymbolicTensor) });
  const variables = layers.trainableWeights.map((w) => w.read() as tf.Variable);
  const predict = (xs: tf.Tensor2D) => layers.apply(asImages(xs)) as tf.Tensor2D;
  return {
    spec,
    layers,
    variables,
    predict,
    loss: (xs, ys) => tf.mean(tf.metrics.categoricalCrossentropy(ys, predict(xs))) as tf.Scalar,
    layerOutputs: (images) => probe.predict(asImages(images)) as tf.Tensor[],
    dispose: () => layers.dispose(),
  };
}
