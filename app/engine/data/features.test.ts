import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMlp } from '../models/mlp';
import { createOptimizer } from '../optimizers';
import { createRng } from '../rng';
import { FEATURES, featureMatrix, splitDataset, withFeatures } from './features';
import { makePoints2D } from './points2d';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('featureMatrix', () => {
  it('computes every feature from the raw point, one column each, in the order asked', () => {
    const pts = new Float32Array([0.5, -0.25, -1, 1]);
    const m = featureMatrix(pts, FEATURES);
    expect(m.length).toBe(2 * 7);
    // Written out by hand for (0.5, −0.25) and (−1, 1).
    const expected = [
      [0.5, -0.25, 0.25, 0.0625, -0.125, 1, -Math.SQRT1_2],
      [-1, 1, 1, 1, -1, 0, 0],
    ];
    expected.flat().forEach((v, i) => expect(m[i]).toBeCloseTo(v, 5));
    expect([...featureMatrix(pts, ['x1x2', 'x1'])].map((v) => Number(v.toFixed(4)))).toEqual([-0.125, 0.5, -1, -1]);
  });

  it('refuses an empty feature list', () => {
    expect(() => featureMatrix(new Float32Array([0, 0]), [])).toThrow(/at least one/);
  });

  it('withFeatures keeps the labels and sets inputDim', () => {
    const raw = makePoints2D('circle', { n: 50, noise: 0.1, seed: 3 });
    const d = withFeatures(raw, ['x1', 'x2', 'x1sq']);
    expect(d).toMatchObject({ n: 50, inputDim: 3, outputDim: 1 });
    expect(d.xs.length).toBe(150);
    expect(d.ys).toBe(raw.ys);
  });
});

describe('splitDataset', () => {
  const data = makePoints2D('spiral', { n: 101, noise: 0.1, seed: 9 });

  it('partitions the examples, deterministically per seed', () => {
    const a = splitDataset(data, 0.7, 4);
    const b = splitDataset(data, 0.7, 4);
    const c = splitDataset(data, 0.7, 5);
    expect(a.train.n).toBe(71);
    expect(a.test.n).toBe(30);
    expect(a.train.xs).toEqual(b.train.xs);
    expect(a.train.xs).not.toEqual(c.train.xs);
    // Every example lands in exactly one part, with its own label.
    const key = (xs: Float32Array, ys: Float32Array, i: number) => `${xs[2 * i]},${xs[2 * i + 1]},${ys[i]}`;
    const all = new Set(Array.from({ length: data.n }, (_, i) => key(data.xs, data.ys, i)));
    const seen = [
      ...Array.from({ length: a.train.n }, (_, i) => key(a.train.xs, a.train.ys, i)),
      ...Array.from({ length: a.test.n }, (_, i) => key(a.test.xs, a.test.ys, i)),
    ];
    expect(seen.length).toBe(101);
    expect(new Set(seen)).toEqual(all);
  });

  it('keeps at least one example on each side', () => {
    expect(splitDataset(data, 1, 1).test.n).toBe(1);
    expect(splitDataset(data, 0, 1).train.n).toBe(1);
  });
});

describe('the lab at learning rate 10', () => {
  it('drives the loss to a non-finite value, which the Trainer then catches', () => {
    // SGD at learning rate 10 with linear hidden layers: nothing bounds the weights, so they overflow. (With tanh,
    // sigmoid or ReLU the logit-form cross-entropy keeps every gradient finite: the loss thrashes instead.)
    const raw = makePoints2D('spiral', { n: 200, noise: 0.1, seed: 1 });
    const data = withFeatures(raw, FEATURES);
    const model = createMlp({ sizes: [7, 8, 8, 1], activation: 'linear', output: 'sigmoid', loss: 'bce' }, createRng(1));
    const opt = createOptimizer({ learningRate: 10, optimizer: 'sgd' });
    const xs = tf.tensor2d(data.xs, [data.n, 7]);
    const ys = tf.tensor2d(data.ys, [data.n, 1]);
    let last = 0;
    for (let i = 0; i < 300 && Number.isFinite(last); i++) {
      const cost = opt.minimize(() => model.loss(xs, ys), true, model.variables)!;
      last = cost.dataSync()[0]!;
      cost.dispose();
      if (!Number.isFinite(last)) break;
      const w = model.variables.map((v) => v.dataSync());
      if (w.some((a) => a.some((x) => !Number.isFinite(x)))) last = NaN;
    }
    expect(Number.isFinite(last)).toBe(false);
    [xs, ys].forEach((t) => t.dispose());
    opt.dispose();
    model.dispose();
  });
});

describe('three-class (one-hot) datasets', () => {
  it('withFeatures and splitDataset carry each one-hot row whole, beside its own point', () => {
    const raw = makePoints2D('spiral3', { n: 90, noise: 0.1, seed: 2 });
    const feat = withFeatures(raw, ['x1', 'x2', 'x1x2']);
    expect(feat).toMatchObject({ n: 90, inputDim: 3, outputDim: 3 });
    expect(feat.ys).toBe(raw.ys);
    // Look each example up by its (unique) position: the split must keep point and one-hot row together.
    const labelOf = new Map<string, string>();
    for (let i = 0; i < raw.n; i++) {
      labelOf.set(`${raw.xs[2 * i]},${raw.xs[2 * i + 1]}`, [...raw.ys.subarray(3 * i, 3 * i + 3)].join());
    }
    const { train, test } = splitDataset(feat, 0.7, 5);
    expect(train).toMatchObject({ n: 63, inputDim: 3, outputDim: 3 });
    expect(test).toMatchObject({ n: 27, inputDim: 3, outputDim: 3 });
    expect(train.ys.length).toBe(63 * 3);
    expect(test.ys.length).toBe(27 * 3);
    const counts = [0, 0, 0];
    for (const part of [train, test]) {
      for (let i = 0; i < part.n; i++) {
        const row = [...part.ys.subarray(3 * i, 3 * i + 3)];
        expect(row.reduce((s, v) => s + v, 0)).toBe(1);
        counts[row.indexOf(1)]! += 1;
        const key = `${part.xs[3 * i]},${part.xs[3 * i + 1]}`;
        expect(row.join()).toBe(labelOf.get(key));
        // The product column was computed from the same point.
        expect(part.xs[3 * i + 2]).toBeCloseTo((part.xs[3 * i] as number) * (part.xs[3 * i + 1] as number), 6);
      }
    }
    expect(counts).toEqual([30, 30, 30]);
  });
});
