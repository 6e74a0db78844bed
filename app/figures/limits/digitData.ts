/**
 * What the three "limits" figures share: the digits as 0 … 1 floats (converted once per page), the recipe of the
 * network they all train, and the backend, calibrated on that network's own training step.
 */
import { createTrainingWorkload } from '../../engine';
import type { MnistData } from '../../engine/data/mnist';
import { createDigitNet, subsetDataset } from '../../engine/limits/digitNet';
import { ensureBackend } from '../connectBackend';

/** The training and test digits as floats, with their labels. */
export interface Digits {
  trainPixels: Float32Array;
  trainLabels: Uint8Array;
  testPixels: Float32Array;
  testLabels: Uint8Array;
  trainCount: number;
  testCount: number;
}

/** The network of every figure: 784 → 64 ReLU → 10, 300 steps of Adam on batches of 32. */
export const NET = { hidden: 64, steps: 300, batchSize: 32, learningRate: 0.003 } as const;

let cache: { mnist: MnistData; digits: Digits } | null = null;

/** The shipped digits as floats; the conversion (10,000 × 784 values) runs once per page. */
export function digitsOf(mnist: MnistData): Digits {
  if (cache?.mnist === mnist) return cache.digits;
  const px = mnist.rows * mnist.cols;
  const all = Float32Array.from(mnist.pixels, (b) => b / 255);
  const digits: Digits = {
    trainPixels: all.subarray(0, mnist.train * px),
    trainLabels: mnist.labels.subarray(0, mnist.train),
    testPixels: all.subarray(mnist.train * px),
    testLabels: mnist.labels.subarray(mnist.train),
    trainCount: mnist.train,
    testCount: mnist.n - mnist.train,
  };
  cache = { mnist, digits };
  return digits;
}

/**
 * Chooses the page's backend by timing this network's training step (cached per device by the manager). The timed
 * batch is 8, not 32: calibration runs its steps without yielding, and timing the plain cpu backend on batches of
 * 32 held the page for about 1.9 s here (0.9 s with 8). It happens once per device; the result is cached.
 */
export function ensureDigitBackend(digits: Digits): Promise<unknown> {
  const rows = Array.from({ length: 64 }, (_, i) => i);
  return ensureBackend(
    createTrainingWorkload(`limits-mlp-784-${NET.hidden}-10-b8`, {
      build: (rng) => createDigitNet({ hidden: NET.hidden }, rng),
      data: subsetDataset(digits.trainPixels, digits.trainLabels, rows),
      hyper: { learningRate: NET.learningRate, batchSize: 8, optimizer: 'adam' },
    }),
  );
}

/** Waits for the next frame to be drawn and then yields once more, so a training slice never delays a frame. */
export const afterFrame = () =>
  new Promise<void>((resolve) => {
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });

export const percent = (v: number, digits = 1) => (Number.isFinite(v) ? `${(v * 100).toFixed(digits)}%` : '–');
