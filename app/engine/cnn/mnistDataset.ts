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


/**
 * The examples of `data` whose class passes `keep` (labels unchanged), e.g. the digits 5–9 only.
 *
 * @example
 * const highDigits = onlyClasses(train, (k) => k >= 5);
 */
export function onlyClasses(data: Dataset, keep: (label: number) => boolean): Dataset {
  const rows: number[] = [];
  for (let i = 0; i < data.n; i++) if (keep(labelOf(data, i))) rows.push(i);
  return pickRows(data, rows);
}

/** The class of example `i` of a one-hot dataset. */
export function labelOf(data: Dataset, i: number): number {
  const ys = data.ys.subarray(i * data.outputDim, (i + 1) * data.outputDim);
  let best = 0;
  for (let k = 1; k < ys.length; k++) if (ys[k]! > ys[best]!) best = k;
  return best;
}

/**
 * A new dataset of the examples `rows` of `data`, in that order.
 *
 * @example
 * pickRows(train, [0, 5, 9]).n; // 3
 */
export function pickRows(data: Dataset, rows: readonly number[]): Dataset {
  const xs = new Float32Array(rows.length * data.inputDim);
  const ys = new Float32Array(rows.length * data.outputDim);
  rows.forEach((src, j) => {
    xs.set(data.xs.subarray(src * data.inputDim, (src + 1) * data.inputDim), j * data.inputDim);
    ys.set(data.ys.subarray(src * data.outputDim, (src + 1) * data.outputDim), j * data.outputDim);
  });
  return { xs, ys, n: rows.length, inputDim: data.inputDim, outputDim: data.outputDim };
}
