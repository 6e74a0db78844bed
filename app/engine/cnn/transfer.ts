/**
 * Transfer learning on a small new task: reuse a trained CNN's convolution layers as a frozen feature extractor
 * and train only a new dense head, against the same network trained from scratch on the same few examples.
 *
 *   trained digit CNN: [conv 1, pool 1, conv 2, pool 2] ──copied, frozen──► + new flatten → dense 10 ── train head
 *   from scratch:      [conv 1, pool 1, conv 2, pool 2, flatten, dense 10], fresh weights ── train everything
 */
import * as tf from '@tensorflow/tfjs';
import { createBatcher } from '../data/batcher';
import { createRng, mixSeed } from '../rng';
import type { Dataset } from '../types';
import { CNN } from './architectures';
import { createImageModel, type ImageModel } from './imageModel';
import { labelOf, pickRows } from './mnistDataset';
import { SCORE_CHUNK, scoreRows } from './scoring';

/**
 * 'frozen': the digit CNN's conv layers, not trained further; 'random': conv layers with fresh random weights, not
 * trained (what the digit features are worth beyond "any filters"); 'scratch': everything trained from fresh weights.
 */
export type TransferMode = 'frozen' | 'random' | 'scratch';

/**
 * The first `perClass` examples of each class of `data` (in dataset order, which the shipped files shuffle with a
 * seed), as a new dataset.
 *
 * @example
 * fewPerClass(fashionTrain, 5).n; // 50
 */
export function fewPerClass(data: Dataset, perClass: number): Dataset {
  const chosen: number[] = [];
  const counts = new Array<number>(data.outputDim).fill(0);
  for (let i = 0; i < data.n && chosen.length < perClass * data.outputDim; i++) {
    const label = labelOf(data, i);
    if (counts[label]! < perClass) {
      counts[label]!++;
      chosen.push(i);
    }
  }
  return pickRows(data, chosen);
}

/**
 * A CNN for the new task. 'frozen': the convolution layers (weights and biases) copied from `source` and not
 * trained; 'scratch': all layers fresh from `seed`. Either way the dense head is fresh from `seed`.
 *
 * @example
 * const model = transferModel('frozen', digitCnn, 1);
 * model.variables.length; // 2: the head's kernel and bias
 */
export function transferModel(mode: TransferMode, source: ImageModel | null, seed: number): ImageModel {
  const model = createImageModel(CNN, createRng(seed));
  if (mode === 'scratch') return model;
  if (mode === 'random') {
    // Freeze the model's own fresh conv layers.
    model.layers.layers.forEach((layer) => {
      if (layer.getClassName() === 'Conv2D') layer.trainable = false;
    });
  } else {
    if (!source) throw new Error('Transfer needs a trained digit CNN to copy its convolution layers from.');
    model.layers.layers.forEach((layer, i) => {
      if (layer.getClassName() !== 'Conv2D') return;
      layer.setWeights(source.layers.layers[i]!.getWeights());
      layer.trainable = false;
    });
  }
  const trainable = new Set(model.layers.trainableWeights.map((w) => w.read().id));
  // The Trainer and optimizers train `variables`: only the head's.
  return { ...model, variables: model.variables.filter((v) => trainable.has(v.id)) };
}

/**
 * Trains `model` for `steps` steps of Adam on `train` (batches of up to 32) and returns its accuracy on `test`.
 * Frozen layers are untouched because they are not in `model.variables`.
 *
 * @example
 * const accuracy = await trainAndScore(transferModel('frozen', cnn, 1), fewPerClass(train, 10), test, 150, 0.01, 1);
 */
export async function trainAndScore(
  model: ImageModel,
  train: Dataset,
  test: Dataset,
  steps: number,
  learningRate: number,
  seed: number,
  yieldEvery = 10,
): Promise<number> {
  const optimizer = tf.train.adam(learningRate);
  const batcher = createBatcher(train, mixSeed(seed, 5));
  const batch = Math.min(32, train.n);
  try {
    for (let s = 0; s < steps; s++) {
      tf.tidy(() => {
        const { xs, ys } = batcher.next(batch);
        optimizer.minimize(() => model.loss(xs, ys), false, model.variables);
      });
      // Let the session answer other commands (and the page draw) between slices.
      if (s % yieldEvery === yieldEvery - 1) await new Promise((r) => setTimeout(r, 0));
    }
    let correct = 0;
    for (let from = 0; from < test.n; from += SCORE_CHUNK) {
      const to = Math.min(test.n, from + SCORE_CHUNK);
      const { classes } = await scoreRows(model, test, from, to);
      for (let i = 0; i < classes.length; i++) if (classes[i] === labelOf(test, from + i)) correct++;
    }
    return correct / test.n;
  } finally {
    optimizer.dispose();
    batcher.dispose();
  }
}
