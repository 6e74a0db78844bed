import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from './channel';
import { makePoints2D } from './data/points2d';
import { createMlp, type MlpConfig } from './models/mlp';
import { createNeuron, neuronForward, neuronWeights } from './models/neuron';
import type { Scheduler } from './scheduler';
import { createTrainer, type TrainerOptions } from './trainer';
import type { BackendChoice, BackendEvent, BackendManager, Hyperparameters } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const blobs = makePoints2D('blobs', { n: 200, noise: 0.1, seed: 1 });
const circle = makePoints2D('circle', { n: 200, noise: 0.05, seed: 1 });
const mlpConfig: MlpConfig = { sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' };
const adam: Hyperparameters = { learningRate: 0.03, batchSize: 10, optimizer: 'adam' };

const mlpTrainer = (extra: Partial<TrainerOptions> = {}) =>
  createTrainer({ build: (rng) => createMlp(mlpConfig, rng), data: circle, hyper: adam, seed: 7, ...extra });

async function waitFor(predicate: () => boolean, ms = 20_000) {
  const t0 = Date.now();
  while (!predicate()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 1));
  }
}

async function steps(trainer: ReturnType<typeof mlpTrainer>, n: number) {
  for (let i = 0; i < n; i++) await trainer.step('batch');
}

/** A scheduler the test advances by hand, one "frame" at a time. */
function manualScheduler(): Scheduler & { frame(): void; pending: number } {
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
    get pending() {
      return queue.length;
    },
  };
}

describe('createTrainer', () => {
  it('repeats bit for bit with the same seed and differs with another', async () => {
    const [a, b, c] = [mlpTrainer(), mlpTrainer(), mlpTrainer({ seed: 8 })];
    await Promise.all([a.ready, b.ready, c.ready]);
    expect(a.snapshot?.weights).toEqual(b.snapshot?.weights);
    for (const t of [a, b, c]) await steps(t, 25); // 25 steps cross an epoch boundary (20 batches per epoch)
    expect(a.snapshot?.step).toBe(25);
    expect(a.snapshot?.weights).toEqual(b.snapshot?.weights);
    expect(a.losses.toArrays()).toEqual(b.losses.toArrays());
    expect(a.snapshot?.weights).not.toEqual(c.snapshot?.weights);
    [a, b, c].forEach((t) => t.dispose());
  });

  it('reset(seed) restores the exact initial weights and clears the losses', async () => {
    const t = mlpTrainer();
    await t.ready;
    const initial = t.snapshot?.weights;
    await steps(t, 5);
    expect(t.snapshot?.weights).not.toEqual(initial);
    await t.reset();
    expect(t.snapshot?.weights).toEqual(initial);
    expect(t.snapshot?.step).toBe(0);
    expect(Number.isNaN(t.snapshot?.loss)).toBe(true);
    expect(t.losses.length).toBe(0);
    expect(t.status).toBe('idle');
    await t.reset(99);
    expect(t.seed).toBe(99);
    expect(t.snapshot?.weights).not.toEqual(initial);
    t.dispose();
  });

  it('keeps tf.memory().numTensors flat over 1,000 steps, over ticks, and after reset', async () => {
    const t = mlpTrainer({ probes: (m) => ({ grid: m.predict(tf.tensor2d([0, 0, 0.5, 0.5], [2, 2])) }) });
    await t.ready;
    const atCreation = tf.memory().numTensors;
    await t.step('batch'); // Adam creates its per-weight state on the first step
    const baseline = tf.memory().numTensors;
    await steps(t, 1000);
    expect(t.snapshot?.step).toBe(1001);
    expect(tf.memory().numTensors).toBe(baseline);

    t.play();
    await waitFor(() => (t.snapshot?.step ?? 0) >= 3000);
    t.pause();
    await t.step('batch'); // waits for any tick still in flight
    expect(tf.memory().numTensors).toBe(baseline);
    expect(t.losses.length).toBe(t.snapshot?.step);

    await t.reset();
    expect(tf.memory().numTensors).toBe(atCreation);
    t.dispose();
  });

  it('lowers the loss on blobs (neuron) and on a circle (MLP)', async () => {
    const neuron = createTrainer({
      build: () => createNeuron({ w1: -0.5, w2: 0.3, b: 0.2 }, 'sigmoid'),
      data: blobs,
      hyper: { learningRate: 0.5, batchSize: 10, optimizer: 'sgd' },
      seed: 1,
    });
    const mlp = mlpTrainer();
    for (const t of [neuron, mlp]) {
      await t.ready;
      for (let e = 0; e < 15; e++) await t.step('epoch');
      const { ys } = t.losses.toArrays();
      const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
      expect(mean(ys.slice(-20))).toBeLessThan(0.5 * mean(ys.slice(0, 20)));
      t.dispose();
    }
  });

  it('pauses with status "diverged" and names the learning rate when the loss blows up', async () => {
    const t = createTrainer({
      build: (rng) => createMlp({ sizes: [2, 8, 1], activation: 'relu', output: 'linear', loss: 'mse' }, rng),
      data: blobs,
      hyper: { learningRate: 1e6, batchSize: 10, optimizer: 'sgd' },
      seed: 1,
    });
    const messages: string[] = [];
    t.subscribe((e) => {
      if (e.type === 'status' && e.message) messages.push(e.message);
    });
    await t.ready;
    t.play();
    await waitFor(() => t.status !== 'playing');
    expect(t.status).toBe('diverged');
    expect(messages[0]).toMatch(/^The loss became (NaN|Infinity) at step \d+, so training paused\./);
    expect(messages[0]).toContain('learning rate (1000000)');
    const stoppedAt = t.snapshot?.step;
    await new Promise((r) => setTimeout(r, 50));
    t.play(); // refused until reset
    await t.step('batch'); // refused too
    expect(t.status).toBe('diverged');
    expect(t.snapshot?.step).toBe(stoppedAt);
    expect(t.losses.toArrays().ys.every(Number.isFinite)).toBe(true);
    await t.reset();
    expect(t.status).toBe('idle');
    t.dispose();
  });

  it('a linear neuron with a huge learning rate diverges and pauses, as lesson 1 shows', async () => {
    const t = createTrainer({
      build: () => createNeuron({ w1: 0.6, w2: -1.2, b: 0.3 }, 'linear'),
      data: blobs,
      hyper: { learningRate: 100, batchSize: 100, optimizer: 'sgd' },
      seed: 7,
    });
    await t.ready;
    t.play();
    await waitFor(() => t.status !== 'playing');
    expect(t.status).toBe('diverged');
    expect(t.snapshot?.step).toBeLessThan(200);
    t.dispose();
  });

  it("step('epoch') ends exactly on an epoch boundary, partial batch included", async () => {
    const data = makePoints2D('xor', { n: 25, noise: 0, seed: 3 });
    const t = mlpTrainer({ data }); // batches of 10: 10 + 10 + 5
    await t.ready;
    expect(t.snapshot?.batchesPerEpoch).toBe(3);
    await t.step('batch');
    await t.step('epoch');
    expect(t.snapshot).toMatchObject({ step: 3, epoch: 1, batchInEpoch: 0 });
    await t.step('epoch');
    expect(t.snapshot).toMatchObject({ step: 6, epoch: 2, batchInEpoch: 0 });
    expect(t.losses.length).toBe(6);
    expect([...t.losses.toArrays().xs]).toEqual([1, 2, 3, 4, 5, 6]);
    // A new batch size applies from the next batch: 10 taken, then 15 left in batches of 4 → 4 more.
    await t.step('batch');
    t.setHyper({ batchSize: 4 });
    await t.step('epoch');
    expect(t.snapshot).toMatchObject({ step: 11, epoch: 3, batchInEpoch: 0, batchesPerEpoch: 7 });
    t.dispose();
  });

  it('honours slow speeds: one step every 1/x frames', async () => {
    const scheduler = manualScheduler();
    // A frame budget no step can exceed, so that a loaded machine cannot cut a tick short: this test is about the
    // speed cap, not the budget.
    const t = mlpTrainer({ scheduler, frameBudgetMs: 60_000 });
    await t.ready;
    t.setSpeed(0.25);
    t.play();
    for (let f = 0; f < 8; f++) {
      scheduler.frame();
      await waitFor(() => scheduler.pending > 0);
    }
    expect(t.snapshot?.step).toBe(2);
    t.setSpeed(3);
    scheduler.frame();
    await waitFor(() => scheduler.pending > 0);
    expect(t.snapshot?.step).toBe(5);
    t.dispose();
  });

  it('setWeights writes the weights and reports the loss over the whole dataset', async () => {
    const t = createTrainer({
      build: () => createNeuron({ w1: 0, w2: 0, b: 0 }, 'sigmoid'),
      data: blobs,
      hyper: { learningRate: 0.1, batchSize: 10, optimizer: 'momentum' },
      seed: 1,
    });
    await t.ready;
    const p = { w1: 1.5, w2: -0.5, b: 0.25 };
    await t.setWeights(neuronWeights(p));
    expect(t.snapshot?.weights).toEqual(neuronWeights(p));
    let sum = 0;
    for (let i = 0; i < blobs.n; i++) {
      const { out } = neuronForward(blobs.xs[2 * i] as number, blobs.xs[2 * i + 1] as number, p, 'sigmoid');
      sum += (out - (blobs.ys[i] as number)) ** 2;
    }
    expect(t.snapshot?.loss).toBeCloseTo(sum / blobs.n, 5);
    await expect(t.setWeights([new Float32Array(3)])).rejects.toThrow(/Expected 2 weight arrays/);
    t.dispose();
  });

  it('moves to the fallback backend with the last weights read when the GPU is lost', async () => {
    const channel = createChannel<BackendEvent>();
    let healthy = true;
    const manager: BackendManager = {
      ensure: async () => ({}) as BackendChoice,
      current: null,
      subscribe: (fn) => channel.subscribe(fn),
      probes: async () => [],
      simulateLoss: () => undefined,
      healthy: () => healthy,
    };
    const t = mlpTrainer({ backend: manager });
    await t.ready;
    t.play();
    await waitFor(() => (t.snapshot?.step ?? 0) >= 50);
    // The device dies: reads made from now on would be garbage and must be ignored.
    healthy = false;
    channel.emit({ type: 'lost', name: 'webgl', why: 'WebGL context was lost' });
    // Let a tick already in flight finish (and be dropped as unhealthy) before the device "comes back"; on a
    // loaded machine a tick can take far longer than its 10 ms budget.
    await new Promise((r) => setTimeout(r, 250));
    const before = t.snapshot;
    expect(before).not.toBeNull();
    healthy = true;
    const snapshots: { step: number; weights: Float32Array[] }[] = [];
    t.subscribe((e) => {
      if (e.type === 'snapshot') snapshots.push(e.snapshot);
    });
    channel.emit({
      type: 'ready',
      choice: { name: 'cpu', reason: 'WebGL context was lost; switched to cpu', skipped: [], source: 'runtime-fallback' },
    });
    await waitFor(() => snapshots.length >= 3);
    expect(snapshots[0]?.step).toBe(before?.step);
    expect(snapshots[0]?.weights).toEqual(before?.weights);
    expect(t.status).toBe('playing');
    expect(snapshots[2]?.step).toBeGreaterThan(before?.step ?? Infinity);
    expect(t.losses.length).toBe(snapshots[2]?.step);
    t.dispose();
  });

  it('drops work queued before dispose instead of touching the disposed model', async () => {
    const t = mlpTrainer();
    const queued = [t.step('batch'), t.step('epoch'), t.setWeights([]), t.reset()];
    t.dispose();
    await expect(Promise.all(queued)).resolves.toBeDefined();
    expect(t.status).toBe('disposed');
  });

  it('reads probes with every snapshot', async () => {
    const grid = tf.tensor2d([-0.5, -0.5, 0.5, 0.5, 0, 0], [3, 2]);
    const t = mlpTrainer({ probes: (m) => ({ heat: m.predict(grid) }) });
    await t.ready;
    await t.step('batch');
    expect(t.snapshot?.probes.heat?.length).toBe(3);
    expect([...(t.snapshot?.probes.heat ?? [])].every((v) => v > 0 && v < 1)).toBe(true);
    t.dispose();
    grid.dispose();
  });
});
