// The sequence session end to end in Node on wasm (the backend the lessons pick on a CPU): commands in, events out.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackendManager } from '../backend';
import { parseWords } from '../data/words';
import type { SeqEvent, SeqView } from './protocol';
import { createSequenceSession } from './session';

const words = parseWords(new Uint8Array(gunzipSync(readFileSync(new URL('../../../public/datasets/words.bin.gz', import.meta.url)))));

function harness() {
  const events: SeqEvent[] = [];
  const waiters: { test: (e: SeqEvent) => boolean; resolve: (e: SeqEvent) => void }[] = [];
  const manager = createBackendManager({
    probe: async () => [{ name: 'wasm', available: true, software: false, detail: 'test' }],
    init: async (name) => {
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      await tf.setBackend(name);
    },
    storage: null,
  });
  const session = createSequenceSession({
    post: (e) => {
      events.push(e);
      for (const w of waiters.splice(0)) {
        if (w.test(e)) w.resolve(e);
        else waiters.push(w);
      }
    },
    backend: manager,
    loadWords: async (_url, progress) => {
      progress(1);
      return { ...words, words: words.words.slice(0, 600).concat(words.words.slice(words.train, words.train + 100)), train: 600 };
    },
    evalEveryMs: 1e9,
    viewEveryMs: 0,
  });
  const next = <T extends SeqEvent['type']>(type: T, pred: (e: Extract<SeqEvent, { type: T }>) => boolean = () => true) =>
    new Promise<Extract<SeqEvent, { type: T }>>((resolve) => {
      const test = (e: SeqEvent) => e.type === type && pred(e as Extract<SeqEvent, { type: T }>);
      const seen = events.find(test);
      if (seen) resolve(seen as Extract<SeqEvent, { type: T }>);
      else waiters.push({ test, resolve: resolve as (e: SeqEvent) => void });
    });
  const views = (id: string) =>
    events.filter((e): e is Extract<SeqEvent, { type: 'view' }> => e.type === 'view' && e.id === id).map((e) => e.view);
  return { session, events, next, views };
}

/** Lets the views' timers (0 ms in these tests) fire. */
const settle = () => new Promise((r) => setTimeout(r, 20));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const lossesOf = (views: SeqView[]) => views.flatMap((v) => Array.from(v.newLosses.values));

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('sequence session', () => {
  it('trains the recall LSTM on wasm: losses arrive once each, accuracy and the gradient at every step come back', async () => {
    const { session, next, views } = harness();
    await session.handle({ type: 'init', wordsUrl: 'unused', override: null });
    expect((await next('ready')).choice.name).toBe('wasm');
    const tensorsBefore = tf.memory().numTensors;
    const hyper = { learningRate: 0.01, batchSize: 32, optimizer: 'adam' as const };
    await session.handle({ type: 'create', id: 'lstm', config: { task: 'recall', cell: 'lstm', length: 8 }, hyper, seed: 2 });
    const created = await next('created');
    expect(created.spec).toMatchObject({ cell: 'lstm', units: 32, inputSize: 8, outputSize: 4, readout: 'last' });
    await session.handle({ type: 'step', id: 'lstm', unit: 'batch', count: 80 });
    const evaluation = (await next('evaluation', (e) => e.evaluation.step === 80)).evaluation;
    await settle();
    const steps = views('lstm').flatMap((v) => Array.from(v.newLosses.steps));
    expect(steps).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    const losses = lossesOf(views('lstm'));
    expect(mean(losses.slice(0, 5))).toBeGreaterThan(1.2); // ≈ ln 4 at the start
    expect(mean(losses.slice(-5))).toBeLessThan(0.5 * mean(losses.slice(0, 5)));
    expect(evaluation.accuracy).toBeGreaterThan(0.6); // chance is 0.25
    expect(evaluation.gradNorms).toHaveLength(8);
    expect(Array.from(evaluation.gradNorms!).every((g) => Number.isFinite(g) && g >= 0)).toBe(true);
    // The weights come in the cell layout: kernel 8 × 128, recurrent 32 × 128, bias 128, read-out 32 × 4, 4.
    expect(views('lstm').at(-1)!.weights.map((w) => w.length)).toEqual([1024, 4096, 128, 128, 4]);

    await session.handle({ type: 'reset', id: 'lstm' });
    await session.handle({ type: 'dispose', id: 'lstm' });
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    session.dispose();
  });

  it('loads the words only for a spelling model, and learns letters: the loss falls from ln 27', async () => {
    const { session, events, next, views } = harness();
    await session.handle({ type: 'init', wordsUrl: 'unused', override: null });
    await session.handle({ type: 'create', id: 'sine', config: { task: 'sine', cell: 'rnn', noise: 0.1 }, hyper: { learningRate: 0.01, batchSize: 32, optimizer: 'adam' }, seed: 1 });
    expect(events.some((e) => e.type === 'words')).toBe(false);
    await session.handle({ type: 'create', id: 'spell', config: { task: 'spell', cell: 'gru' }, hyper: { learningRate: 0.01, batchSize: 32, optimizer: 'adam' }, seed: 1 });
    expect((await next('words')).words.length).toBe(700);
    await session.handle({ type: 'step', id: 'spell', unit: 'batch', count: 40 });
    const evaluation = (await next('evaluation', (e) => e.id === 'spell' && e.evaluation.step === 40)).evaluation;
    await settle();
    const losses = lossesOf(views('spell'));
    expect(mean(losses.slice(0, 3))).toBeGreaterThan(3); // ln 27 ≈ 3.3
    expect(mean(losses.slice(-5))).toBeLessThan(2.9);
    expect(evaluation.loss).toBeLessThan(2.9);
    expect(evaluation.accuracy).toBeNull();
    session.dispose();
  });

  it('trains transformers: the reversal model is scored on whole held-out sequences, and its weights come in the order of the spec', async () => {
    const { session, next, views } = harness();
    await session.handle({ type: 'init', wordsUrl: 'unused', override: null });
    const tensorsBefore = tf.memory().numTensors;
    const hyper = { learningRate: 0.005, batchSize: 32, optimizer: 'adam' as const };
    await session.handle({ type: 'create', id: 'rev', config: { task: 'reverse', cell: 'transformer', positions: 'learned', heads: 2 }, hyper, seed: 1 });
    const created = await next('created', (e) => e.id === 'rev');
    expect(created.spec).toMatchObject({ cell: 'transformer', dModel: 32, heads: 2, layers: 1, length: 8, causal: false });
    await session.handle({ type: 'step', id: 'rev', unit: 'batch', count: 5 });
    const early = (await next('evaluation', (e) => e.id === 'rev' && e.evaluation.step === 5)).evaluation;
    await session.handle({ type: 'step', id: 'rev', unit: 'batch', count: 195 });
    const late = (await next('evaluation', (e) => e.id === 'rev' && e.evaluation.step === 200)).evaluation;
    expect(early.accuracy).toBeLessThan(0.05);
    expect(early.tokenAccuracy).toBeLessThan(0.3); // chance is 0.1 per position
    expect(late.accuracy).toBeGreaterThan(0.95);
    expect(late.tokenAccuracy).toBeGreaterThan(early.tokenAccuracy!);
    expect(late.gradNorms).toBeNull();
    await settle();
    // token embedding 10 × 32, positions 8 × 32, then the block's first weights (layer norm gain and bias).
    expect(views('rev').at(-1)!.weights.slice(0, 4).map((w) => w.length)).toEqual([320, 256, 32, 32]);

    await session.handle({ type: 'create', id: 'gpt', config: { task: 'gpt', cell: 'transformer', layers: 2, heads: 4 }, hyper, seed: 1 });
    expect((await next('created', (e) => e.id === 'gpt')).spec).toMatchObject({ causal: true, layers: 2, heads: 4, inputSize: 27 });
    await session.handle({ type: 'step', id: 'gpt', unit: 'batch', count: 30 });
    await next('evaluation', (e) => e.id === 'gpt' && e.evaluation.step === 30);
    await settle();
    const losses = lossesOf(views('gpt'));
    expect(mean(losses.slice(0, 3))).toBeGreaterThan(3); // ln 27 ≈ 3.3
    expect(mean(losses.slice(-5))).toBeLessThan(2.9);
    await session.handle({ type: 'dispose', id: 'rev' });
    await session.handle({ type: 'dispose', id: 'gpt' });
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    session.dispose();
  });

  it('reports a diverging learning rate as a paused model with a message', async () => {
    const { session, next } = harness();
    await session.handle({ type: 'init', wordsUrl: 'unused', override: null });
    await session.handle({ type: 'create', id: 'sine', config: { task: 'sine', cell: 'rnn', noise: 0.1 }, hyper: { learningRate: 1e6, batchSize: 32, optimizer: 'sgd' }, seed: 1 });
    await session.handle({ type: 'step', id: 'sine', unit: 'batch', count: 5 });
    const status = await next('status', (e) => e.status === 'diverged');
    expect(status.message).toMatch(/learning rate/i);
    session.dispose();
  });
});
