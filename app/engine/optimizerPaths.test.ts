/**
 * TF.js's optimizers against their update rules written by hand, on a 1-parameter problem L(θ) = (θ − 3)²,
 * and the landscape paths: they head for the minimum, repeat exactly, and leave no tensors behind.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePathOptimizer, optimizerPath, PATH_MOMENTUM, valleyLoss, VALLEY, type PathOptimizer } from './optimizerPaths';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const grad = (t: number) => 2 * (t - 3);

/** Each update rule, by hand, from its definition. */
function byHand(kind: PathOptimizer, lr: number, start: number, steps: number): number[] {
  let t = start;
  let m = 0;
  let s = 0;
  const out = [t];
  for (let i = 1; i <= steps; i++) {
    const g = grad(t);
    if (kind === 'sgd') t -= lr * g;
    else if (kind === 'momentum') {
      m = PATH_MOMENTUM * m + g; // TF.js's momentum accumulates raw gradients
      t -= lr * m;
    } else {
      const b1 = 0.9;
      const b2 = 0.999;
      m = b1 * m + (1 - b1) * g;
      s = b2 * s + (1 - b2) * g * g;
      const mHat = m / (1 - b1 ** i);
      const sHat = s / (1 - b2 ** i);
      t -= (lr * mHat) / (Math.sqrt(sHat) + 1e-7);
    }
    out.push(t);
  }
  return out;
}

async function byTf(kind: PathOptimizer, lr: number, start: number, steps: number): Promise<number[]> {
  const theta = tf.variable(tf.scalar(start));
  const opt = makePathOptimizer(kind, lr);
  const out = [start];
  for (let i = 0; i < steps; i++) {
    opt.minimize(() => tf.square(tf.sub(theta, 3)) as tf.Scalar);
    out.push((await theta.data())[0]!);
  }
  theta.dispose();
  opt.dispose();
  return out;
}

describe('TF.js optimizers follow their update rules', () => {
  it.each([
    ['sgd', 0.1],
    ['momentum', 0.05],
    ['adam', 0.3],
  ] as [PathOptimizer, number][])('%s', async (kind, lr) => {
    const tfPath = await byTf(kind, lr, -1, 12);
    const hand = byHand(kind, lr, -1, 12);
    expect(new Set(tfPath.map((t) => t.toFixed(3))).size).toBeGreaterThan(10); // it really moves
    tfPath.forEach((t, i) => expect(t).toBeCloseTo(hand[i]!, 4));
  });
});

describe('optimizerPath on the valley', () => {
  it('gets every optimizer close to the minimum with sensible rates', async () => {
    for (const [kind, lr] of [['sgd', 0.1], ['momentum', 0.02], ['adam', 0.1]] as [PathOptimizer, number][]) {
      const path = await optimizerPath(kind, lr, [-2, 1.5], 200);
      expect(path.diverged).toBe(false);
      expect(path.points.length).toBe(2 * 201);
      const x = path.points.at(-2)!;
      const y = path.points.at(-1)!;
      expect(valleyLoss(x, y)).toBeLessThan(0.05 * valleyLoss(-2, 1.5));
      expect(path.losses[0]).toBeCloseTo(valleyLoss(-2, 1.5), 3);
      expect(path.losses.at(-1)!).toBeCloseTo(valleyLoss(x, y), 3);
    }
    expect(valleyLoss(...VALLEY.min)).toBe(0);
  });

  it('stops a diverging path, repeats exactly, and leaves no tensors', async () => {
    const wild = await optimizerPath('sgd', 0.5, [-2, 1.5], 100);
    expect(wild.diverged).toBe(true);
    await optimizerPath('adam', 0.1, [0, 0], 5);
    const before = tf.memory().numTensors;
    const a = await optimizerPath('adam', 0.1, [0, 0], 30);
    expect(tf.memory().numTensors).toBe(before);
    const b = await optimizerPath('adam', 0.1, [0, 0], 30);
    expect(Array.from(a.points)).toEqual(Array.from(b.points));
  });
});
