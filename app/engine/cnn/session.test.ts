// The image session end to end in Node: real MNIST digits, the wasm backend with the course's convolution
// gradients (the cpu backend's conv gradient takes seconds per batch in Node), commands in, events out.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendManager } from '../backend';
import { registerWasmConvGradients } from '../backends/wasmConvGrad';
import { parseMnist, type MnistData } from '../data/mnist';
import { layerShapes, CNN } from './architectures';
import type { Evaluation, ModelView, SessionEvent } from './protocol';
import { createImageSession } from './session';

const full = parseMnist(new Uint8Array(gunzipSync(readFileSync(new URL('../../../public/datasets/mnist.bin.gz', import.meta.url)))));
/** 1,000 training and 300 test digits of the shipped set. */
function small(): MnistData {
  const train = 1000;
  const test = 300;
  const pick = (from: number, n: number) => ({
    labels: full.labels.subarray(from, from + n),
    pixels: full.pixels.subarray(from * 784, (from + n) * 784),
  });
  const a = pick(0, train);
  const b = pick(full.train, test);
  return {
    set: 'mnist',
    classNames: full.classNames,
    n: train + test,
    train,
    rows: 28,
    cols: 28,
    labels: Uint8Array.from([...a.labels, ...b.labels]),
    pixels: Uint8Array.from([...a.pixels, ...b.pixels]),
  };
}

function harness(backend: 'wasm' | 'cpu') {
  const events: SessionEvent[] = [];
  const waiters: { test: (e: SessionEvent) => boolean; resolve: (e: SessionEvent) => void }[] = [];
  const manager = createBackendManager({
    probe: async () => [{ name: backend, available: true, software: false, detail: 'test' }],
    init: async (name) => {
      await tf.setBackend(name);
    },
    storage: null,
  });
  const session = createImageSession({
    post: (e) => {
      events.push(e);
      for (const w of waiters.splice(0)) {
        if (w.test(e)) w.resolve(e);
        else waiters.push(w);
      }
    },
    backend: manager,
    loadData: async (_url, progress) => {
      progress(1);
      return small();
    },
    evalEveryMs: 1e9,
    viewEveryMs: 0,
    trainSample: 200,
  });
  const next = <T extends SessionEvent['type']>(type: T, pred: (e: Extract<SessionEvent, { type: T }>) => boolean = () => true) =>
    new Promise<Extract<SessionEvent, { type: T }>>((resolve) => {
      const test = (e: SessionEvent) => e.type === type && pred(e as Extract<SessionEvent, { type: T }>);
      const seen = events.find(test);
      if (seen) resolve(seen as Extract<SessionEvent, { type: T }>);
      else waiters.push({ test, resolve: resolve as (e: SessionEvent) => void });
    });
  return { session, events, next };
}

beforeAll(() => {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  registerWasmConvGradients();
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('image session', () => {
  it('loads the digits, trains the CNN on wasm with a falling loss, evaluates and classifies', async () => {
    const { session, events, next } = harness('wasm');
    await session.handle({ type: 'init', datasetUrl: 'unused', override: null });
    const data = await next('data');
    expect(data.trainCount).toBe(1000);
    expect(data.testCount).toBe(300);
    expect(data.testPixels.length).toBe(300 * 784);
    expect((await next('ready')).choice.name).toBe('wasm');

    const tensorsBefore = tf.memory().numTensors;
    await session.handle({
      type: 'create',
      id: 'cnn',
      arch: 'cnn',
      hyper: { learningRate: 0.003, batchSize: 32, optimizer: 'adam' },
      seed: 7,
      probe: 3,
    });
    await session.handle({ type: 'step', id: 'cnn', unit: 'batch', count: 40 });
    const evaluation = (await next('evaluation', (e) => e.evaluation.step === 40)).evaluation as Evaluation;

    const views = events.filter((e): e is Extract<SessionEvent, { type: 'view' }> => e.type === 'view').map((e) => e.view);
    const losses = views.flatMap((v: ModelView) => Array.from(v.newLosses.values));
    // Every step's loss arrives exactly once, in order.
    const steps = views.flatMap((v) => Array.from(v.newLosses.steps));
    expect(steps).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(0, 5))).toBeGreaterThan(2); // ≈ ln 10 at the start
    expect(mean(losses.slice(-5))).toBeLessThan(mean(losses.slice(0, 5)) * 0.6);

    // The view carries every layer's map for the probe digit, with the layers' sizes.
    const last = views[views.length - 1]!;
    expect(last.maps.map((m) => m.length)).toEqual(layerShapes(CNN).map((s) => s.reduce((a, b) => a * b, 1)));
    expect(last.weights.map((w) => w.length)).toEqual([200, 8, 3200, 16, 7840, 10]);
    expect(last.probe).toBe(3);

    // 1,280 examples of training: far above chance (10%) on the held-out digits.
    expect(evaluation.testAccuracy).toBeGreaterThan(0.6);
    let total = 0;
    let diagonal = 0;
    for (let t = 0; t < 10; t++) for (let p = 0; p < 10; p++) {
      total += evaluation.confusion[t * 10 + p]!;
      if (t === p) diagonal += evaluation.confusion[t * 10 + p]!;
    }
    expect(total).toBe(300);
    expect(diagonal / total).toBeCloseTo(evaluation.testAccuracy, 10);
    const labels = data.testLabels;
    const correct = Array.from(evaluation.predicted).filter((p, i) => p === labels[i]).length;
    expect(correct / 300).toBeCloseTo(evaluation.testAccuracy, 10);

    // Classifying a test digit gives the same probabilities as the probe's last layer.
    const pixels = Float32Array.from(data.testPixels.subarray(3 * 784, 4 * 784), (v) => v / 255);
    await session.handle({ type: 'classify', id: 'cnn', request: 1, pixels });
    const classified = await next('classified', (e) => e.request === 1);
    const sum = classified.probabilities.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 4);
    expect(Array.from(classified.probabilities)).toEqual(Array.from(last.maps[last.maps.length - 1]!));

    await session.handle({ type: 'dispose', id: 'cnn' });
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    session.dispose();
  });

  it('trains while playing, and evaluates when paused', async () => {
    const { session, next, events } = harness('cpu');
    await session.handle({ type: 'init', datasetUrl: 'unused', override: null });
    await session.handle({ type: 'create', id: 'mlp', arch: 'mlp', hyper: { learningRate: 0.001, batchSize: 64, optimizer: 'adam' }, seed: 1, probe: 0 });
    await session.handle({ type: 'play', id: 'mlp' });
    await next('status', (e) => e.status === 'playing');
    const view = (await next('view', (e) => e.view.step >= 20)).view;
    expect(view.weights.map((w) => w.length)).toEqual([784 * 128, 128, 128 * 64, 64, 64 * 10, 10]);
    expect(view.seconds).toBeGreaterThan(0);
    await session.handle({ type: 'pause', id: 'mlp' });
    await next('status', (e) => e.status === 'paused');
    const evaluation = (await next('evaluation', (e) => e.evaluation.step >= 20)).evaluation;
    expect(evaluation.testAccuracy).toBeGreaterThan(0.5);
    expect(events.some((e) => e.type === 'error')).toBe(false);
    session.dispose();
  });

  it('reports a bad hyperparameter as an error for that model, and keeps the model', async () => {
    const { session, next } = harness('cpu');
    await session.handle({ type: 'init', datasetUrl: 'unused', override: null });
    await session.handle({ type: 'create', id: 'm', arch: 'mlp', hyper: { learningRate: 0.01, batchSize: 16, optimizer: 'adam' }, seed: 1, probe: 0 });
    await session.handle({ type: 'hyper', id: 'm', hyper: { batchSize: 0 } });
    expect((await next('error')).message).toMatch(/batch size/i);
    await session.handle({ type: 'step', id: 'm', unit: 'batch', count: 2 });
    expect((await next('evaluation', (e) => e.evaluation.step === 2)).evaluation.testAccuracy).toBeGreaterThan(0);
    session.dispose();
  });
});
