/**
 * The "limits" lesson's engine: saliency is the gradient of the class score (against central finite differences,
 * and against the closed form of a linear model), subsets have the requested sizes and class counts and repeat
 * per seed, per-class accuracy against counts made by hand, nearest centroid on a toy set, and a seeded training
 * run that repeats, learns and leaves no tensors behind.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { createDigitNet, fitCentroids, predictCentroids, predictClasses, subsetDataset, trainDigitNet } from './digitNet';
import { gradientTimesInput, saliency } from './saliency';
import { balancedSubset, classCounts, perClassAccuracy, skewedSubset } from './subsets';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const randomInput = (n: number, seed: number) => {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.next());
};

/** Class c's score for one input, computed by the model with no gradient. */
const scoreOf = (net: ReturnType<typeof createDigitNet>, x: Float32Array, c: number, kind: 'logit' | 'probability') =>
  tf.tidy(() => {
    const z = net.logits(tf.tensor2d(x, [1, x.length]));
    return (kind === 'logit' ? z : tf.softmax(z)).dataSync()[c]!;
  });

describe('saliency', () => {
  it.each(['logit', 'probability'] as const)('equals a central finite difference of the %s (one hidden layer)', async (kind) => {
    const net = createDigitNet({ hidden: 6, inputs: 12, classes: 4 }, createRng(3));
    const x = randomInput(12, 9);
    for (const c of [0, 2]) {
      const grad = await saliency(net, x, c, kind);
      const h = 1e-2;
      for (let i = 0; i < x.length; i++) {
        const up = x.slice();
        const down = x.slice();
        up[i]! += h;
        down[i]! -= h;
        const numeric = (scoreOf(net, up, c, kind) - scoreOf(net, down, c, kind)) / (2 * h);
        expect(grad[i]).toBeCloseTo(numeric, 3);
      }
      // Not all zero: the check above would pass trivially on a dead network.
      expect(Math.max(...grad.map(Math.abs))).toBeGreaterThan(1e-3);
    }
    net.dispose();
  });

  it('is row c of W for the logits W x + b of a linear model, whatever the input', async () => {
    const net = createDigitNet({ hidden: 0, inputs: 784, classes: 10 }, createRng(5));
    // TF.js stores the kernel as [inputs, classes] (logits = x·K + b), so row c of W is column c of K.
    const kernel = net.variables[0]!.dataSync();
    for (const c of [0, 3, 9]) {
      const column = Float32Array.from({ length: 784 }, (_, i) => kernel[i * 10 + c]!);
      for (const seed of [1, 2]) {
        const grad = await saliency(net, randomInput(784, seed), c);
        for (let i = 0; i < 784; i += 37) expect(grad[i]).toBeCloseTo(column[i]!, 6);
      }
    }
    net.dispose();
  });

  it('leaves no tensors behind and refuses a class the model does not have', async () => {
    const net = createDigitNet({ hidden: 4, inputs: 5, classes: 3 }, createRng(1));
    const before = tf.memory().numTensors;
    await saliency(net, randomInput(5, 1), 1);
    expect(tf.memory().numTensors).toBe(before);
    await expect(saliency(net, randomInput(5, 1), 3)).rejects.toThrow(/no class 3/);
    expect(tf.memory().numTensors).toBe(before);
    net.dispose();
  });

  it('gradient × input is zero on blank pixels', () => {
    expect(Array.from(gradientTimesInput(Float32Array.from([2, -3, 4]), Float32Array.from([0, 0.5, 1])))).toEqual([0, -1.5, 4]);
  });
});

// 1,000 labels 0–9 with uneven class sizes (class k has 60 + 8k examples), in a scrambled order.
const labels = (() => {
  const list: number[] = [];
  for (let k = 0; k < 10; k++) for (let i = 0; i < 60 + 8 * k; i++) list.push(k);
  return Uint8Array.from(createRng(4).shuffle(list));
})();

describe('subsets', () => {
  it('a balanced subset has the requested size, even class counts and no repeats', () => {
    for (const n of [10, 100, 37, 600]) {
      const rows = balancedSubset(labels, n, 1);
      expect(rows.length).toBe(n);
      expect(new Set(rows).size).toBe(n);
      const counts = classCounts(labels, rows);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
    }
    expect(classCounts(labels, balancedSubset(labels, 37, 1)).slice(0, 8)).toEqual([4, 4, 4, 4, 4, 4, 4, 3]);
    expect(() => balancedSubset(labels, 700, 1)).toThrow(/Class 0 has 60 examples/);
  });

  it('subsets are the same for a seed and differ between seeds', () => {
    expect(Array.from(balancedSubset(labels, 100, 7))).toEqual(Array.from(balancedSubset(labels, 100, 7)));
    expect(Array.from(balancedSubset(labels, 100, 7))).not.toEqual(Array.from(balancedSubset(labels, 100, 8)));
    expect(Array.from(skewedSubset(labels, { cls: 3, keep: 0.1 }, 2))).toEqual(Array.from(skewedSubset(labels, { cls: 3, keep: 0.1 }, 2)));
    expect(Array.from(skewedSubset(labels, { cls: 3, keep: 0.1 }, 2))).not.toEqual(Array.from(skewedSubset(labels, { cls: 3, keep: 0.1 }, 3)));
  });

  it('a skewed subset keeps the requested share of one class and all of the others', () => {
    const all = classCounts(labels);
    for (const keep of [0, 0.02, 0.5, 1]) {
      const rows = skewedSubset(labels, { cls: 3, keep }, 1);
      const counts = classCounts(labels, rows);
      expect(counts[3]).toBe(Math.round(keep * all[3]!));
      counts.forEach((c, k) => k !== 3 && expect(c).toBe(all[k]));
      expect(new Set(rows).size).toBe(rows.length);
    }
    expect(() => skewedSubset(labels, { cls: 3, keep: 1.5 }, 1)).toThrow(/between 0 and 1/);
  });

  it('per-class accuracy against counts by hand, and overall accuracy hides a failing class', () => {
    const truth = [0, 0, 0, 0, 1, 1, 1, 1, 1, 2];
    const guess = [0, 0, 0, 1, 1, 1, 1, 1, 0, 0];
    const { overall, perClass, counts } = perClassAccuracy(guess, truth, 4);
    expect(overall).toBeCloseTo(7 / 10);
    expect(perClass.slice(0, 3)).toEqual([3 / 4, 4 / 5, 0]);
    expect(perClass[3]).toBeNaN();
    expect(counts).toEqual([4, 5, 1, 0]);
    expect(() => perClassAccuracy([0], [0, 1])).toThrow(/1 predictions for 2 labels/);
  });
});

describe('models', () => {
  it('nearest centroid picks the closest class mean and never an absent class', () => {
    const pixels = Float32Array.from([0, 0, 0, 2, 10, 10, 10, 12, 5, 5]);
    const lab = [0, 0, 1, 1, 2];
    const c = fitCentroids(pixels, lab, [0, 1, 2, 3], 2, 3);
    expect(Array.from(c.means.slice(0, 4))).toEqual([0, 1, 10, 11]);
    expect(c.present).toEqual([true, true, false]);
    expect(Array.from(predictCentroids(c, Float32Array.from([1, 1, 9, 9, 5, 8]), 0, 3))).toEqual([0, 1, 1]);
  });

  it('trains the same way from a seed, learns a separable toy task, and leaves no tensors behind', async () => {
    // Two classes of 8-pixel "images": ink on the left half or on the right half.
    const rng = createRng(2);
    const n = 64;
    const pixels = new Float32Array(n * 8);
    const lab = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      lab[i] = i % 2;
      for (let p = 0; p < 8; p++) pixels[i * 8 + p] = (p < 4) === (i % 2 === 0) ? 0.6 + 0.4 * rng.next() : 0.3 * rng.next();
    }
    const data = subsetDataset(pixels, lab, Array.from({ length: n }, (_, i) => i), 8, 2);
    const run = async () => {
      const net = createDigitNet({ hidden: 5, inputs: 8, classes: 2 }, createRng(1));
      const losses: number[] = [];
      const loss = await trainDigitNet(net, data, { steps: 60, batchSize: 16, learningRate: 0.05, seed: 1, budgetMs: 1, onProgress: (_, l) => losses.push(l) });
      const predicted = await predictClasses(net, pixels, n, 8, 20);
      net.dispose();
      return { loss, losses, predicted };
    };
    const before = tf.memory().numTensors;
    const a = await run();
    expect(tf.memory().numTensors).toBe(before);
    const b = await run();
    expect(b.loss).toBe(a.loss);
    expect(a.losses[0]!).toBeGreaterThan(a.loss);
    expect(perClassAccuracy(a.predicted, lab, 2).overall).toBe(1);
  });

  it('a diverging learning rate stops with a message naming it', async () => {
    const net = createDigitNet({ hidden: 4, inputs: 3, classes: 2 }, createRng(1));
    const data = subsetDataset(Float32Array.from([1e19, 2e19, 3e19, -1e19, 2e19, 1e19]), [0, 1], [0, 1], 3, 2);
    await expect(trainDigitNet(net, data, { steps: 50, batchSize: 2, learningRate: 1e10, seed: 1 })).rejects.toThrow(/learning rate 10000000000 is too large/);
    net.dispose();
  });
});
