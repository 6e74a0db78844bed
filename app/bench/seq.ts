/**
 * The sequence lessons' benchmark page (bench-seq.html), driven by scripts/bench-seq.mjs:
 *
 *   ?mode=step&backend=wasm&model=lstm
 *       ms per training batch (Adam, batch 32) in this page, on the chosen backend, of:
 *       rnn / lstm      the course's unrolled model (engine/seq/recurrentModel.ts), 32 units, recall sequences of 20
 *       layers-lstm     TF.js's own tf.layers.lstm, same size and data (the issue's 141 ms on cpu is for this)
 *       spell           the spelling lesson's model: LSTM of 64 units over words of 10 characters
 *       reverse, gpt-block, gpt, recall50-transformer, recall50-lstm   the attention lessons' models (ATTENTION_MODELS)
 *       attention-block  one transformer block alone on random vectors (the issue's 19 ms anchor)
 *   ?mode=race&length=50
 *       the lesson as a reader meets it: the sequence session in its Web Worker (the engine picks the backend)
 *       trains the recall RNN and LSTM side by side; reports the training seconds until the LSTM's held-out
 *       accuracy first reaches 99%, both models' ms per batch, view refreshes per second and the longest
 *       main-thread task.
 *
 * The result goes to `window.__benchResult`.
 */
import * as tf from '@tensorflow/tfjs';
import { layerNorm, multiHeadAttention } from '../engine/attention/ops';
import { createBackendManager } from '../engine/backend';
import { createBatcher } from '../engine/data/batcher';
import { createOptimizer } from '../engine/optimizers';
import { createRng } from '../engine/rng';
import { createSequenceSessionClient } from '../engine/seq/client';
import type { SeqEvent } from '../engine/seq/protocol';
import { createSeqModel } from '../engine/seq/createModel';
import { dataFor, DEFAULT_HYPER, specFor, type SeqModelConfig } from '../engine/seq/tasks';
import type { BackendName, Dataset } from '../engine/types';

const params = new URLSearchParams(window.location.search);
const backend = params.get('backend') as BackendName | null;
const out = document.getElementById('out') as HTMLPreElement;
const finish = (result: unknown) => {
  (window as unknown as { __benchResult: unknown }).__benchResult = result;
  out.textContent += `${JSON.stringify(result, null, 2)}\n`;
};

/** The longest main-thread task seen (PerformanceObserver 'longtask' reports tasks over 50 ms). */
function watchLongTasks() {
  const tasks: number[] = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration))).observe({ type: 'longtask' });
  return () => (tasks.length ? Math.max(...tasks) : 0);
}

/**
 * The attention lessons' models (each trains on its lesson's data, with its lesson's hyperparameters):
 * reverse     the seq-to-seq toy task: 1 layer, d 32, 2 heads, 8 digits
 * gpt-block   one block of the tiny GPT (d 32, 2 heads, MLP 128) on words of 10 characters
 * gpt         the tiny GPT of the lesson: 2 blocks
 * recall50-transformer / recall50-lstm   "Why transformers won": the recall task at distance 50
 */
const ATTENTION_MODELS: Record<string, SeqModelConfig> = {
  reverse: { task: 'reverse', cell: 'transformer', positions: 'learned', heads: 2 },
  'gpt-block': { task: 'gpt', cell: 'transformer', layers: 1, heads: 2 },
  gpt: { task: 'gpt', cell: 'transformer', layers: 2, heads: 2 },
  'recall50-transformer': { task: 'recall', cell: 'transformer', length: 50 },
  'recall50-lstm': { task: 'recall', cell: 'lstm', length: 50 },
};

/** The training data of a model of the step benchmark. */
function dataOf(model: string): () => Dataset {
  const config = ATTENTION_MODELS[model];
  if (model === 'spell' || config?.task === 'gpt') return syntheticWords;
  if (config) return () => dataFor(config, 1).train;
  return () => dataFor({ task: 'recall', cell: 'lstm', length: 20 }, 1).train;
}

/**
 * The anchor workload, as we read it: one pre-norm transformer block alone (d 32, 2 heads, causal, MLP 128)
 * on a batch of 32 sequences of 10 random vectors, a squared-error loss against random targets, Adam.
 */
function attentionBlockStep() {
  const [b, t, d, ffn] = [32, 10, 32, 128];
  const v = (shape: number[], seed: number) => tf.variable(tf.randomNormal(shape, 0, 1 / Math.sqrt(shape[0]!), 'float32', seed));
  const ones = () => tf.variable(tf.ones([d]));
  const zeros = (n: number) => tf.variable(tf.zeros([n]));
  const w = { g1: ones(), b1: zeros(d), wq: v([d, d], 1), wk: v([d, d], 2), wv: v([d, d], 3), wo: v([d, d], 4), g2: ones(), b2: zeros(d), w1: v([d, ffn], 5), c1: zeros(ffn), w2: v([ffn, d], 6), c2: zeros(d) };
  const x = tf.randomNormal([b, t, d], 0, 1, 'float32', 7) as tf.Tensor3D;
  const target = tf.randomNormal([b, t, d], 0, 1, 'float32', 8);
  const optimizer = tf.train.adam(0.005);
  return () =>
    tf.tidy(() =>
      optimizer.minimize(() => {
        const a = multiHeadAttention(layerNorm(x, w.g1 as tf.Tensor1D, w.b1 as tf.Tensor1D), { wq: w.wq as tf.Tensor2D, wk: w.wk as tf.Tensor2D, wv: w.wv as tf.Tensor2D, wo: w.wo as tf.Tensor2D }, { heads: 2, causal: true });
        const h = tf.add(x, a.output);
        const flat = tf.reshape(layerNorm(h, w.g2 as tf.Tensor1D, w.b2 as tf.Tensor1D), [b * t, d]);
        const mlp = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(flat, w.w1 as tf.Tensor2D), w.c1)), w.w2 as tf.Tensor2D), w.c2);
        return tf.mean(tf.square(tf.sub(tf.add(h, tf.reshape(mlp, [b, t, d])), target)));
      }, true)!,
    );
}

/** One training step of the chosen model as a function; every model trains on its lesson's own data. */
function buildStep(model: string, data: () => Dataset) {
  const hyper = DEFAULT_HYPER.recall;
  if (model === 'attention-block') return attentionBlockStep();
  if (model === 'layers-lstm') {
    const d = data();
    const steps = d.inputDim / 8;
    const net = tf.sequential({
      layers: [tf.layers.lstm({ units: 32, inputShape: [steps, 8] }), tf.layers.dense({ units: 4 })],
    });
    const optimizer = tf.train.adam(hyper.learningRate);
    const batcher = createBatcher(d, 1);
    return () =>
      tf.tidy(() => {
        const { xs, ys } = batcher.next(hyper.batchSize);
        const x = tf.reshape(xs, [xs.shape[0], steps, 8]);
        return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, net.apply(x) as tf.Tensor2D) as tf.Scalar, true)!;
      });
  }
  const config: SeqModelConfig =
    ATTENTION_MODELS[model] ?? (model === 'spell' ? { task: 'spell', cell: 'lstm' } : { task: 'recall', cell: model === 'rnn' ? 'rnn' : 'lstm', length: 20 });
  const net = createSeqModel(specFor(config), createRng(1));
  const optimizer = createOptimizer(ATTENTION_MODELS[model] ? DEFAULT_HYPER[config.task] : hyper);
  const batcher = createBatcher(data(), 1);
  return () =>
    tf.tidy(() => {
      const { xs, ys } = batcher.next(hyper.batchSize);
      return optimizer.minimize(() => net.loss(xs, ys), true, net.variables)!;
    });
}

/** A small word list for the spelling model's timing (its real list is loaded by the session). */
function syntheticWords(): Dataset {
  const rng = createRng(5);
  const words = Array.from({ length: 512 }, () => Array.from({ length: 3 + rng.int(7) }, () => 'abcdefghijklmnopqrstuvwxyz'[rng.int(26)]).join(''));
  return dataFor({ task: 'spell', cell: 'lstm' }, 1, { words, train: 512, maxLength: 9 }).train;
}

async function step() {
  const model = params.get('model') ?? 'lstm';
  const maxSeconds = Number(params.get('seconds') ?? 8);
  const manager = createBackendManager();
  const choice = await manager.ensure({ override: backend });
  if (backend && choice.name !== backend) return finish({ ok: true, initialised: false, choice });
  const run = buildStep(model, dataOf(model));
  // Warm-up: shader compilation, wasm kernels, the first allocations.
  for (let i = 0; i < 2; i++) {
    const l = run();
    await l.data();
    l.dispose();
  }
  const t0 = performance.now();
  let steps = 0;
  let loss = NaN;
  while (steps < 3 || (performance.now() - t0 < maxSeconds * 1000 && steps < 400)) {
    const l = run();
    loss = (await l.data())[0]!;
    l.dispose();
    steps++;
  }
  const ms = (performance.now() - t0) / steps;
  finish({ ok: true, initialised: true, choice, model, steps, msPerBatch: ms, loss });
}

async function race() {
  const length = Number(params.get('length') ?? 50);
  const limit = Number(params.get('seconds') ?? 150);
  const client = createSequenceSessionClient();
  const events: SeqEvent[] = [];
  client.subscribe((e) => events.push(e));
  const wait = async (test: (e: SeqEvent) => boolean, ms: number) => {
    const t0 = performance.now();
    while (!events.some(test)) {
      const error = events.find((e) => e.type === 'error');
      if (error?.type === 'error') throw new Error(error.message);
      if (performance.now() - t0 > ms) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 100));
    }
    return events.find(test)!;
  };
  const wordsUrl = new URL('datasets/words.bin.gz', window.location.href).href;
  client.send({ type: 'init', wordsUrl, override: backend });
  const ready = (await wait((e) => e.type === 'ready', 120_000)) as Extract<SeqEvent, { type: 'ready' }>;
  for (const cell of ['rnn', 'lstm'] as const) {
    client.send({ type: 'create', id: cell, config: { task: 'recall', cell, length }, hyper: DEFAULT_HYPER.recall, seed: 1 });
    await wait((e) => e.type === 'created' && e.id === cell, 60_000);
  }
  const longest = watchLongTasks();
  const t0 = performance.now();
  client.send({ type: 'play', id: 'rnn' });
  client.send({ type: 'play', id: 'lstm' });
  let wallTo99: number | null = null;
  let lstmTo99: { seconds: number; step: number } | null = null;
  const best = { rnn: 0, lstm: 0 };
  const ms = { rnn: [] as number[], lstm: [] as number[] };
  let views = 0;
  client.subscribe((e) => {
    if (e.type === 'view') {
      views++;
      if (e.view.msPerBatch > 0) ms[e.id as 'rnn' | 'lstm'].push(e.view.msPerBatch);
    }
    if (e.type !== 'evaluation') return;
    const id = e.id as 'rnn' | 'lstm';
    best[id] = Math.max(best[id], e.evaluation.accuracy ?? 0);
    if (id === 'lstm' && !lstmTo99 && (e.evaluation.accuracy ?? 0) >= 0.99) {
      lstmTo99 = { seconds: e.evaluation.seconds, step: e.evaluation.step };
      wallTo99 = (performance.now() - t0) / 1000;
    }
  });
  // Train until the LSTM has 99% and at least 60 s have passed (so the RNN has had its minute too), or the limit.
  while ((performance.now() - t0) / 1000 < limit && !(lstmTo99 && (performance.now() - t0) / 1000 >= 60)) {
    await new Promise((r) => setTimeout(r, 250));
  }
  const wall = (performance.now() - t0) / 1000;
  client.send({ type: 'pause', id: 'rnn' });
  client.send({ type: 'pause', id: 'lstm' });
  const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
  client.terminate();
  const reached = lstmTo99 as { seconds: number; step: number } | null;
  finish({
    ok: true,
    choice: ready.choice,
    length,
    lstmSecondsTo99: reached?.seconds ?? null,
    lstmStepsTo99: reached?.step ?? null,
    lstmWallSecondsTo99: wallTo99,
    bestAccuracy: best,
    msPerBatch: { rnn: median(ms.rnn), lstm: median(ms.lstm) },
    viewsPerSecond: views / wall,
    longestTaskMs: longest(),
    wallSeconds: wall,
  });
}

(params.get('mode') === 'race' ? race() : step()).catch((err: unknown) =>
  finish({ ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) }),
);
