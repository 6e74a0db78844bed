/**
 * The GAN engine: its losses against their formulas written out by hand, the push arrows against central finite
 * differences, k D updates per G update, seeded repeatability, a flat tensor count, and the lesson's claim: a
 * few hundred rounds on a fixed seed bring the generated points closer to the real ones.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { Scheduler } from '../scheduler';
import { slicedWasserstein } from './distance';
import { decodeDrawn, encodeDrawn, noiseGrid, sampleDistribution, sampleNoise } from './distributions';
import { createGanNets } from './ganModel';
import { createGanTrainer, GAN_DEFAULTS, generatorPush, type GanConfig } from './ganTrainer';
import { discriminatorLoss, generatorLoss } from './losses';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const sigmoid = (l: number) => 1 / (1 + Math.exp(-l));
const immediate: Scheduler = { next: (cb) => { const h = setTimeout(cb, 0); return () => clearTimeout(h); } };

describe('losses', () => {
  const real = [2.0, -0.5, 0.3];
  const fake = [-1.5, 0.7, 4.0, -3.0];

  it('D: −[mean log D(x) + mean log(1 − D(G(z)))]', () => {
    const byHand =
      -(real.reduce((s, l) => s + Math.log(sigmoid(l)), 0) / real.length) -
      fake.reduce((s, l) => s + Math.log(1 - sigmoid(l)), 0) / fake.length;
    const got = tf.tidy(() => discriminatorLoss(tf.tensor2d(real, [3, 1]), tf.tensor2d(fake, [4, 1])).dataSync()[0]!);
    expect(got).toBeCloseTo(byHand, 5);
  });

  it('G non-saturating: −mean log D(G(z)); minimax: mean log(1 − D(G(z)))', () => {
    const ns = -fake.reduce((s, l) => s + Math.log(sigmoid(l)), 0) / fake.length;
    const mm = fake.reduce((s, l) => s + Math.log(1 - sigmoid(l)), 0) / fake.length;
    const f = () => tf.tensor2d(fake, [4, 1]);
    expect(tf.tidy(() => generatorLoss(f(), 'nonsaturating').dataSync()[0]!)).toBeCloseTo(ns, 5);
    expect(tf.tidy(() => generatorLoss(f(), 'minimax').dataSync()[0]!)).toBeCloseTo(mm, 5);
  });

  it('stays finite when D is certain (logits of ±100)', () => {
    const v = tf.tidy(() => discriminatorLoss(tf.tensor2d([-100], [1, 1]), tf.tensor2d([100], [1, 1])).dataSync()[0]!);
    expect(v).toBeCloseTo(200, 3);
  });
});

describe('generator push', () => {
  it.each(['nonsaturating', 'minimax'] as const)('equals −∂ℓ_G/∂x by central differences (%s)', (loss) => {
    const nets = createGanNets({ noiseDim: 2, gHidden: [8], dHidden: [8, 8], activation: 'tanh' }, createRng(3));
    const pts = [0.2, -0.4, -0.7, 0.5, 0.9, 0.1];
    const push = tf.tidy(() => generatorPush(nets, tf.tensor2d(pts, [3, 2]), loss).arraySync());
    const lossAt = (x: number, y: number) =>
      tf.tidy(() => {
        const l = nets.discriminate(tf.tensor2d([x, y], [1, 2])).dataSync()[0]!;
        return loss === 'nonsaturating' ? -Math.log(sigmoid(l)) : Math.log(1 - sigmoid(l));
      });
    const h = 1e-2;
    for (let i = 0; i < 3; i++) {
      const x = pts[2 * i]!;
      const y = pts[2 * i + 1]!;
      const gx = (lossAt(x + h, y) - lossAt(x - h, y)) / (2 * h);
      const gy = (lossAt(x, y + h) - lossAt(x, y - h)) / (2 * h);
      expect(push[i]![0]!).toBeCloseTo(-gx, 2);
      expect(push[i]![1]!).toBeCloseTo(-gy, 2);
    }
    nets.dispose();
  });
});

describe('distributions and distance', () => {
  it('is seeded and stays near the unit square', () => {
    for (const kind of ['line', 'gaussians', 'ring', 'squares'] as const) {
      const a = sampleDistribution(kind, 300, createRng(5));
      expect(a).toEqual(sampleDistribution(kind, 300, createRng(5)));
      expect(Math.max(...a.map(Math.abs))).toBeLessThan(1.2);
    }
    expect(sampleNoise('gauss1', 10, createRng(2)).length).toBe(10);
    expect(noiseGrid('uniform2', 5).length).toBe(50);
  });

  it('a drawn distribution needs points, and its link text round-trips', () => {
    expect(() => sampleDistribution('drawn', 5, createRng(1), new Float32Array())).toThrow(/Draw some points/);
    const pts = Float32Array.of(-1, 1, 0.25, -0.5);
    const back = decodeDrawn(encodeDrawn(pts));
    back.forEach((v, i) => expect(Math.abs(v - pts[i]!)).toBeLessThanOrEqual(1 / 63));
    expect(decodeDrawn('AB!C')).toHaveLength(2);
  });

  it('sliced Wasserstein: 0 for equal sets, the shift for a shifted set', () => {
    const a = sampleDistribution('ring', 200, createRng(1));
    expect(slicedWasserstein(a, a)).toBe(0);
    const shifted = a.map((v, i) => (i % 2 === 0 ? v + 0.5 : v));
    // Shifting by (0.5, 0) moves every projection by 0.5·|cos θ|: the mean over θ is 0.5 · 2/π.
    expect(slicedWasserstein(a, shifted, 256)).toBeCloseTo((0.5 * 2) / Math.PI, 2);
  });
});

describe('trainer', () => {
  const small: GanConfig = { ...GAN_DEFAULTS, gHidden: [16], dHidden: [16], batchSize: 32 };

  it('runs k D updates per G update, and only the chosen network in d/g mode', async () => {
    const t = createGanTrainer({ config: { ...small, k: 3 }, scheduler: immediate });
    await t.ready;
    await t.step(5);
    expect(t.snapshot).toMatchObject({ dUpdates: 15, gUpdates: 5, updates: 20 });
    const fakes = t.snapshot!.fakes.slice();
    const heat = t.snapshot!.heat.slice();
    t.setMode('d');
    await t.step(4);
    expect(t.snapshot).toMatchObject({ dUpdates: 19, gUpdates: 5 });
    expect(t.snapshot!.fakes).toEqual(fakes); // G did not move
    expect(t.snapshot!.heat).not.toEqual(heat); // D did
    t.setMode('g');
    await t.step(2);
    expect(t.snapshot).toMatchObject({ dUpdates: 19, gUpdates: 7 });
    expect(t.snapshot!.fakes).not.toEqual(fakes);
    t.dispose();
  });

  it('repeats exactly with a seed, and keeps the tensor count flat', async () => {
    const run = async () => {
      const t = createGanTrainer({ config: small, scheduler: immediate });
      await t.ready;
      await t.step(20);
      const s = t.snapshot!;
      t.dispose();
      return s;
    };
    const before = tf.memory().numTensors;
    const a = await run();
    expect(tf.memory().numTensors).toBe(before);
    const b = await run();
    expect(a.fakes).toEqual(b.fakes);
    expect(a.dLoss).toBe(b.dLoss);
  });

  it('a new drawing keeps the networks; an empty one is refused and loses nothing', async () => {
    const t = createGanTrainer({ config: small, scheduler: immediate });
    await t.ready;
    await t.step(3);
    const fakes = t.snapshot!.fakes.slice();
    await expect(t.setReal('drawn', new Float32Array())).rejects.toThrow(/Draw some points/);
    expect(t.config.distribution).toBe('gaussians');
    await t.setReal('drawn', Float32Array.of(0.5, 0.5, -0.5, -0.5));
    expect(t.snapshot!.fakes).toEqual(fakes);
    expect(Math.abs(t.snapshot!.real[0]!)).toBeGreaterThan(0.3);
    t.dispose();
  });

  it('a few hundred rounds on a fixed seed bring the fakes towards the ring of Gaussians', async () => {
    const t = createGanTrainer({ config: GAN_DEFAULTS, scheduler: immediate });
    await t.ready;
    const start = t.snapshot!.distance;
    await t.step(300);
    const end = t.snapshot!.distance;
    expect(end).toBeLessThan(start * 0.5);
    t.dispose();
  });

  it('diverges with a message, not silently, when a learning rate is absurd', async () => {
    const t = createGanTrainer({ config: { ...small, dOptimizer: 'sgd', dLearningRate: 1e30 }, scheduler: immediate });
    await t.ready;
    const statuses: string[] = [];
    t.subscribe((e) => e.type === 'status' && statuses.push(e.message ?? e.status));
    await t.step(10);
    expect(t.status).toBe('diverged');
    expect(statuses.join(' ')).toMatch(/learning rate/);
    t.dispose();
  });
});
