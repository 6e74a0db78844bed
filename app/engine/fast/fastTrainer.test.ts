import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { withFeatures } from '../data/features';
import { makePoints2D } from '../data/points2d';
import { createMlp } from '../models/mlp';
import type { Scheduler } from '../scheduler';
import { createTrainer } from '../trainer';
import type { Hyperparameters, Snapshot } from '../types';
import { createFastMlp, type FastMlpSpec } from './fastMlp';
import { createFastTrainer, type FastTrainerOptions } from './fastTrainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ALL = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sin1', 'sin2'] as const;
const spiral = withFeatures(makePoints2D('spiral', { n: 250, noise: 0, seed: 1 }), ALL);
const spec: FastMlpSpec = { sizes: [7, 8, 8, 1], activations: ['tanh', 'tanh'], head: 'sigmoid' };
const adam: Hyperparameters = { learningRate: 0.03, batchSize: 10, optimizer: 'adam' };

/** A scheduler the test advances by hand, one "frame" at a time. */
function manualScheduler(): Scheduler & { frame(): void } {
  let queue: (() => void)[] = [];
  return {
    next(cb) {
      queue.push(cb);
      return () => {
        queue = queue.filter((f) => f !== cb);
      };
    },
    frame() {
      const run = queue;
      queue = [];
      run.forEach((f) => f());
    },
  };
}

const make = (extra: Partial<FastTrainerOptions> = {}) =>
  createFastTrainer({ build: (rng) => createFastMlp(spec, rng), data: spiral, hyper: adam, seed: 7, scheduler: manualScheduler(), ...extra });

describe('createFastTrainer', () => {
  it('takes the same steps as the TF.js Trainer: same seed, same shuffles, same weights after 30 batches', async () => {
    const fast = make();
    const slow = createTrainer({
      build: (rng) => createMlp({ sizes: [7, 8, 8, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' }, rng),
      data: spiral,
      hyper: adam,
      seed: 7,
    });
    await Promise.all([fast.ready, slow.ready]);
    for (let i = 0; i < 30; i++) {
      await fast.step('batch');
      await slow.step('batch');
    }
    expect(fast.snapshot!.epoch).toBe(1); // 25 batches per epoch: the second epoch's shuffle was used too
    expect(fast.snapshot!.batchInEpoch).toBe(slow.snapshot!.batchInEpoch);
    fast.snapshot!.weights.forEach((w, i) => w.forEach((v, j) => expect(v).toBeCloseTo(slow.snapshot!.weights[i]![j]!, 3)));
    const a = fast.losses.toArrays().ys;
    const b = slow.losses.toArrays().ys;
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 4));
    slow.dispose();
    fast.dispose();
  });

  it('learns the spiral while playing: the full-data loss falls', async () => {
    const sched = manualScheduler();
    const t = make({ scheduler: sched, probes: (net) => ({ loss: Float32Array.of(net.loss(spiral.xs, spiral.ys, spiral.n)) }) });
    await t.ready;
    const before = t.snapshot!.probes.loss![0]!;
    t.play();
    for (let f = 0; f < 200 && t.snapshot!.epoch < 150; f++) sched.frame();
    expect(t.snapshot!.epoch).toBeGreaterThanOrEqual(150);
    expect(t.snapshot!.probes.loss![0]!).toBeLessThan(before * 0.5);
    t.dispose();
  });

  it('repeats exactly with a seed; reset brings back the initial weights and clears the losses', async () => {
    const [a, b] = [make(), make()];
    await Promise.all([a.ready, b.ready]);
    const initial = a.snapshot!.weights;
    for (const t of [a, b]) for (let i = 0; i < 40; i++) await t.step('batch');
    expect(a.snapshot!.weights).toEqual(b.snapshot!.weights);
    expect(a.snapshot!.weights).not.toEqual(initial);
    await a.reset();
    expect(a.snapshot!.weights).toEqual(initial);
    expect(a.losses.length).toBe(0);
    expect(a.status).toBe('idle');
  });

  it('step("epoch") ends exactly at the epoch boundary', async () => {
    const t = make();
    await t.ready;
    await t.step('batch');
    await t.step('epoch');
    expect(t.snapshot).toMatchObject({ epoch: 1, batchInEpoch: 0, step: 25, batchesPerEpoch: 25 });
    expect(t.status).toBe('paused');
  });

  it('a new learning rate keeps Adam’s memory; a new optimiser starts fresh', async () => {
    const [a, b] = [make(), make()];
    await Promise.all([a.ready, b.ready]);
    for (const t of [a, b]) for (let i = 0; i < 5; i++) await t.step('batch');
    a.setHyper({ learningRate: 0.01 });
    b.setHyper({ learningRate: 0.01, optimizer: 'sgd' });
    b.setHyper({ optimizer: 'adam' }); // back to Adam, but with its moments gone
    await a.step('batch');
    await b.step('batch');
    expect(a.snapshot!.weights).not.toEqual(b.snapshot!.weights);
    // Against a trainer that had the rate all along: same gradients, different history, so different weights too.
    expect(a.hyper.learningRate).toBe(0.01);
  });

  it('restore goes back to a saved point and drops the losses of the abandoned branch', async () => {
    const t = make();
    await t.ready;
    for (let i = 0; i < 30; i++) await t.step('batch');
    const saved = { weights: t.snapshot!.weights, step: t.snapshot!.step, epoch: t.snapshot!.epoch };
    for (let i = 0; i < 30; i++) await t.step('batch');
    await t.restore(saved);
    expect(t.snapshot!.weights).toEqual(saved.weights);
    expect(t.snapshot!.step).toBe(30);
    expect(t.snapshot!.epoch).toBe(1);
    expect(t.losses.at(-1)!.x).toBe(30);
    expect(t.status).toBe('paused');
    await t.step('batch');
    expect(t.snapshot!.step).toBe(31);
  });

  it('a penalty shrinks the weights; changing it needs no reset', async () => {
    const [plain, l2] = [make(), make()];
    await Promise.all([plain.ready, l2.ready]);
    l2.setPenalty({ kind: 'l2', rate: 0.05 });
    for (const t of [plain, l2]) for (let i = 0; i < 100; i++) await t.step('batch');
    const size = (w: Float32Array[]) => w.filter((_, i) => i % 2 === 0).reduce((s, a) => s + a.reduce((q, v) => q + v * v, 0), 0);
    expect(size(l2.snapshot!.weights)).toBeLessThan(size(plain.snapshot!.weights) * 0.8);
    expect(() => l2.setPenalty({ kind: 'l1', rate: -1 })).toThrow(/0 or more/);
  });

  it('gradients() is the full-data gradient, laid out like the weights', async () => {
    const t = make();
    await t.ready;
    const g = t.gradients();
    expect(g.map((a) => a.length)).toEqual(t.snapshot!.weights.map((a) => a.length));
    expect(g.some((a) => a.some((v) => v !== 0))).toBe(true);
  });

  it('a huge learning rate makes the loss NaN: training pauses as "diverged" and names the rate', async () => {
    const sched = manualScheduler();
    const t = createFastTrainer({
      build: (rng) => createFastMlp({ sizes: [7, 8, 1], activations: ['relu'], head: 'linear' }, rng),
      data: spiral,
      hyper: { learningRate: 1e6, batchSize: 10, optimizer: 'sgd' },
      seed: 1,
      scheduler: sched,
    });
    const messages: string[] = [];
    t.subscribe((e) => {
      if (e.type === 'status' && e.message) messages.push(e.message);
    });
    await t.ready;
    t.play();
    for (let f = 0; f < 50 && t.status === 'playing'; f++) sched.frame();
    expect(t.status).toBe('diverged');
    expect(messages[0]).toMatch(/^(The loss|A weight) became (NaN|Infinity|-Infinity) at step \d+, so training paused\./);
    expect(messages[0]).toContain('learning rate (1000000)');
    expect(t.losses.toArrays().ys.every(Number.isFinite)).toBe(true);
    t.play();
    expect(t.status).toBe('diverged');
    await t.reset();
    expect(t.status).toBe('idle');
  });

  it('refuses data of the wrong shape, keeping the old data', async () => {
    const t = make();
    await t.ready;
    const raw = makePoints2D('circle', { n: 50, noise: 0, seed: 1 });
    await expect(t.setData(raw)).rejects.toThrow(/2 inputs and 1 outputs; the network expects 7 and 1/);
    await t.step('batch');
    expect(t.snapshot!.batchesPerEpoch).toBe(25);
  });
});

describe('rebuild', () => {
  it('swaps the data and the network together, from the seed', async () => {
    // The build reads the current shape, as the lab's reads its current settings.
    let current: FastMlpSpec = spec;
    const t = make({ build: (rng) => createFastMlp(current, rng) });
    await t.ready;
    for (let i = 0; i < 10; i++) await t.step('batch');
    const circle = makePoints2D('circle', { n: 60, noise: 0, seed: 2 });
    const seen: Snapshot[] = [];
    t.subscribe((e) => {
      if (e.type === 'snapshot') seen.push(e.snapshot);
    });
    current = { sizes: [2, 3, 1], activations: ['relu'], head: 'sigmoid' };
    await t.rebuild(circle, 9);
    expect(t.seed).toBe(9);
    expect(seen).toHaveLength(1); // one snapshot, already of the new network on the new data
    expect(seen[0]!.weights.map((w) => w.length)).toEqual([6, 3, 3, 1]);
    expect(seen[0]!.step).toBe(0);
    expect(seen[0]!.batchesPerEpoch).toBe(6);
    expect(Number.isFinite(seen[0]!.loss)).toBe(true);
  });
});
