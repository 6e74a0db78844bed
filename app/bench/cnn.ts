/**
 * The CNN benchmark page (bench-cnn.html), driven by scripts/bench-cnn.mjs:
 *
 *   ?mode=session&arch=cnn&batch=32&seconds=20[&until97=1][&backend=wasm]
 *       the lessons' own path: the image-model session in its Web Worker trains the course's CNN (or the MLP) on
 *       MNIST; reports training examples/s (after a warm-up), views per second, the longest main-thread task,
 *       and with until97 the training seconds until the test accuracy first reaches 97%.
 *   ?mode=shape&backend=wasm&steps=60
 *       ConvNetJS's MNIST network (24 × 24 crops; conv 8@5×5 pad 2 → pool 2 → conv 16@5×5 pad 2 → pool 3 →
 *       softmax 10; batch 20), on TF.js in this page, for the side-by-side with ConvNetJS.
 *
 * The result goes to `window.__benchResult`.
 */
import * as tf from '@tensorflow/tfjs';
import { createBackendManager } from '../engine/backend';
import { createImageSessionClient } from '../engine/cnn/client';
import type { ArchitectureId, Evaluation, SessionEvent } from '../engine/cnn/protocol';
import { loadMnist } from '../engine/data/mnist';
import type { BackendName } from '../engine/types';

const params = new URLSearchParams(window.location.search);
const backend = params.get('backend') as BackendName | null;
const out = document.getElementById('out') as HTMLPreElement;
const log = (line: string) => {
  out.textContent += `${line}\n`;
};
const finish = (result: unknown) => {
  (window as unknown as { __benchResult: unknown }).__benchResult = result;
  log(JSON.stringify(result, null, 2));
};
const datasetUrl = new URL('datasets/mnist.bin.gz', window.location.href).href;

/** The longest main-thread task seen (PerformanceObserver 'longtask' reports tasks over 50 ms). */
function watchLongTasks() {
  const tasks: number[] = [];
  try {
    new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  } catch {
    /* not supported: reported as null */
  }
  return () => (tasks.length ? Math.max(...tasks) : 0);
}

async function session() {
  const arch = (params.get('arch') ?? 'cnn') as ArchitectureId;
  const batch = Number(params.get('batch') ?? 32);
  const seconds = Number(params.get('seconds') ?? 20);
  const until97 = params.has('until97');
  const client = createImageSessionClient();
  const events: SessionEvent[] = [];
  let resolveNext: (() => void) | null = null;
  client.subscribe((e) => {
    events.push(e);
    resolveNext?.();
  });
  const waitFor = async <T extends SessionEvent>(test: (e: SessionEvent) => e is T, ms: number): Promise<T> => {
    const t0 = performance.now();
    for (;;) {
      const found = events.find(test);
      if (found) return found;
      const error = events.find((e) => e.type === 'error');
      if (error && error.type === 'error') throw new Error(error.message);
      if (performance.now() - t0 > ms) throw new Error('timed out');
      await new Promise<void>((r) => {
        resolveNext = r;
        setTimeout(r, 250);
      });
    }
  };
  client.send({ type: 'init', datasetUrl, override: backend });
  const ready = await waitFor((e): e is Extract<SessionEvent, { type: 'ready' }> => e.type === 'ready', 180_000);
  const choice = ready.choice;
  if (backend && choice.name !== backend) return finish({ ok: true, initialised: false, choice });
  const hyper = { learningRate: arch === 'cnn' ? 0.005 : 0.001, batchSize: batch, optimizer: 'adam' as const };
  client.send({ type: 'create', id: 'm', arch, hyper, seed: 1, probe: 0 });
  await waitFor((e): e is Extract<SessionEvent, { type: 'created' }> => e.type === 'created', 120_000);
  const longest = watchLongTasks();
  client.send({ type: 'play', id: 'm' });
  const views: { t: number; examples: number; seconds: number }[] = [];
  let reached: Evaluation | null = null;
  let best = 0;
  client.subscribe((e) => {
    if (e.type === 'view' && e.id === 'm') views.push({ t: performance.now(), examples: e.view.examples, seconds: e.view.seconds });
    if (e.type === 'evaluation' && e.id === 'm') {
      best = Math.max(best, e.evaluation.testAccuracy);
      if (!reached && e.evaluation.testAccuracy >= 0.97) reached = e.evaluation;
    }
  });
  const t0 = performance.now();
  const limit = until97 ? Math.max(seconds, 240) : seconds;
  while ((performance.now() - t0) / 1000 < limit && !(until97 && reached && (performance.now() - t0) / 1000 >= seconds)) {
    await new Promise((r) => setTimeout(r, 250));
    const error = events.find((e) => e.type === 'error');
    if (error && error.type === 'error') throw new Error(error.message);
  }
  client.send({ type: 'pause', id: 'm' });
  // Examples/s from the trainer's own clock (training time, excluding evaluations), after the first 20% as warm-up.
  const from = views[Math.floor(views.length * 0.2)];
  const to = views[views.length - 1];
  const examplesPerSecond = from && to && to.seconds > from.seconds ? (to.examples - from.examples) / (to.seconds - from.seconds) : 0;
  const span = views.length > 1 ? (views[views.length - 1]!.t - views[0]!.t) / 1000 : 0;
  const r = reached as Evaluation | null;
  client.terminate();
  finish({
    ok: true,
    initialised: true,
    choice,
    arch,
    batch,
    examplesPerSecond,
    viewsPerSecond: span > 0 ? (views.length - 1) / span : 0,
    longestTaskMs: longest(),
    bestTestAccuracy: best,
    secondsTo97: r ? r.seconds : null,
    examplesTo97: r ? r.examples : null,
  });
}

async function shape() {
  const steps = Number(params.get('steps') ?? 60);
  const manager = createBackendManager();
  const choice = await manager.ensure({ override: backend });
  if (backend && choice.name !== backend) return finish({ ok: true, initialised: false, choice });
  const mnist = await loadMnist(datasetUrl);
  const B = 20;
  const S = 24;
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [S, S, 1], filters: 8, kernelSize: 5, padding: 'same', activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }),
      tf.layers.conv2d({ filters: 16, kernelSize: 5, padding: 'same', activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 3, strides: 3 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  const optimizer = tf.train.adadelta(1, 0.95, 1e-6);
  // Random 24 × 24 crops of the training digits, as ConvNetJS's demo takes them.
  let seed = 1;
  const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const batch = () => {
    const xs = new Float32Array(B * S * S);
    const ys = new Float32Array(B * 10);
    for (let b = 0; b < B; b++) {
      const i = Math.floor(rand() * mnist.train);
      const dx = Math.floor(rand() * 5);
      const dy = Math.floor(rand() * 5);
      for (let r = 0; r < S; r++) for (let c = 0; c < S; c++) xs[(b * S + r) * S + c] = mnist.pixels[i * 784 + (r + dy) * 28 + c + dx]! / 255;
      ys[b * 10 + mnist.labels[i]!] = 1;
    }
    return { xs, ys };
  };
  const step = () => {
    const { xs, ys } = batch();
    const cost = tf.tidy(() =>
      optimizer.minimize(() => {
        const p = model.apply(tf.tensor4d(xs, [B, S, S, 1])) as tf.Tensor2D;
        return tf.mean(tf.metrics.categoricalCrossentropy(tf.tensor2d(ys, [B, 10]), p)) as tf.Scalar;
      }, true)!,
    );
    return cost;
  };
  for (let i = 0; i < 3; i++) await step().data();
  const t0 = performance.now();
  let last: tf.Scalar | null = null;
  for (let i = 0; i < steps; i++) {
    last?.dispose();
    last = step();
  }
  await last!.data();
  const ms = (performance.now() - t0) / steps;
  finish({ ok: true, initialised: true, choice, msPerBatch: ms, examplesPerSecond: (B * 1000) / ms });
}

(params.get('mode') === 'shape' ? shape() : session()).catch((err: unknown) =>
  finish({ ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) }),
);
