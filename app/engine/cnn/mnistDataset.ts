/** MNIST bytes as the Trainer's datasets: pixels scaled to 0 … 1, labels one-hot. */
import type { MnistData } from '../data/mnist';
import type { Dataset } from '../types';
import { CLASSES } from './architectures';

/**
 * The digits `from` … `to` (exclusive) of `data` as a Dataset.
 *
 * @example
 * const train = mnistDataset(mnist, 0, mnist.train);
 * const test = mnistDataset(mnist, mnist.train, mnist.n);
 */
export function mnistDataset(data: MnistData, from: number, to: number): Dataset {
  const pixels = data.rows * data.cols;
  const n = to - from;
  const xs = new Float32Array(n * pixels);
  const source = data.pixels.subarray(from * pixels, to * pixels);
  for (let i = 0; i < xs.length; i++) xs[i] = source[i]! / 255;
  const ys = new Float32Array(n * CLASSES);
  for (let i = 0; i < n; i++) ys[i * CLASSES + data.labels[from + i]!] = 1;
  return { xs, ys, n, inputDim: pixels, outputDim: CLASSES };
}

/** Fashion-MNIST's ten classes, by label (public/datasets/fashion.bin.gz). */
export const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'] as const;
