/**
 * The image-model session: MNIST, a TF.js backend and any number of models (the CNN, the MLP) training on it,
 * driven by {@link SessionCommand}s and reporting {@link SessionEvent}s. It normally runs in a Web Worker
 * (`worker.ts`), so a training step of a conv net, which can take from a few to a thousand milliseconds, never
 * blocks the page; the same code runs in the page when workers are unavailable, and in Node for the unit tests.
 *
 *   init ──► load MNIST (progress) ──► choose a backend (timing the CNN's own step) ──► ready
 *   create(id) ──► Trainer ──► snapshots ──► a view at most every 100 ms (weights, the probe digit's maps, losses)
 *                          └─► every 2 s of training, and on pause: the test set in chunks ──► evaluation
 */
import * as tf from '@tensorflow/tfjs';
import { createBackendManager } from '../backend';
import { loadImageSet, type MnistData } from '../data/mnist';
import { createRng, mixSeed } from '../rng';
import { createTrainer } from '../trainer';
import type { BackendManager, BackendName, Dataset, Trainer } from '../types';
import { createTrainingClock, createViewPoster, lossesAfter, type TrainingClock, type ViewPoster } from '../viewPacing';
import { createTrainingWorkload } from '../workload';
import { CLASSES, CNN, MLP, type ArchitectureSpec } from './architectures';
import { createImageModel, type ImageModel } from './imageModel';
import { mnistDataset, onlyClasses } from './mnistDataset';
import { SCORE_CHUNK, scoreRows } from './scoring';
import { fewPerClass, trainAndScore, transferModel } from './transfer';
import type { ArchitectureId, Evaluation, ModelView, SessionCommand, SessionEvent } from './protocol';

export interface SessionOptions {
  post(event: SessionEvent): void;
  /** Tests pass their own backend manager (cpu only) and data. */
  backend?: BackendManager;
  loadData?: (url: string, onProgress: (fraction: number) => void) => Promise<MnistData>;
  /** Training time between two test-set evaluations. */
  evalEveryMs?: number;
  /** Least time between two views of one model. */
  viewEveryMs?: number;
  /** Training digits scored with each evaluation (the first ones of the training set). */
  trainSample?: number;
  /** Trainer frame budget: how long one run of steps may take before it reads back and yields. */
  budgetMs?: number;
}

const ARCHITECTURES: Record<ArchitectureId, ArchitectureSpec> = { cnn: CNN, mlp: MLP };

interface Entry {
  id: string;
  trainer: Trainer;
  model: ImageModel | null;
  probe: number;
  /** Bumped by reset: evaluations started before it are dropped. */
  gen: number;
  clock: TrainingClock;
  rate: { t: number; examples: number }[];
  last: ModelView | null;
  poster: ViewPoster<ModelView>;
  evaluating: boolean;
  /** An evaluation was asked for while one was running: run again when it ends. */
  evalAgain: boolean;
  lastEvalAt: number;
  lastEvalStep: number;
}

/**
 * Creates a session; feed it commands with `handle`.
 *
 * @example
 * const session = createImageSession({ post: (e) => self.postMessage(e) });
 * session.handle({ type: 'init', datasetUrl: 'datasets/mnist.bin.gz', override: null });
 * session.handle({ type: 'create', id: 'cnn', arch: 'cnn', hyper, seed: 1, probe: 0 });
 * session.handle({ type: 'play', id: 'cnn' });
 */
export function createImageSession(opts: SessionOptions) {
  const post = opts.post;
  const evalEveryMs = opts.evalEveryMs ?? 2000;
  const viewEveryMs = opts.viewEveryMs ?? 100;
  const manager = opts.backend ?? createBackendManager();
  const entries = new Map<string, Entry>();
  let train: Dataset | null = null;
  let test: Dataset | null = null;
  let testLabels: Uint8Array | null = null;
  let ready: Promise<void> | null = null;

  manager.subscribe((event) => post({ type: 'backend', event }));

  const fail = (err: unknown, id?: string) =>
    post({ type: 'error', message: err instanceof Error ? err.message : String(err), ...(id ? { id } : {}) });

  async function init(url: string, override: BackendName | null) {
    const load = opts.loadData ?? ((u, p) => loadImageSet(u, { onProgress: p, expect: 'mnist' }));
    const mnist = await load(url, (fraction) => post({ type: 'progress', fraction }));
    train = mnistDataset(mnist, 0, mnist.train);
    test = mnistDataset(mnist, mnist.train, mnist.n);
    testLabels = mnist.labels.slice(mnist.train);
    post({
      type: 'data',
      trainCount: train.n,
      testCount: test.n,
      testLabels: testLabels.slice(),
      testPixels: mnist.pixels.slice(mnist.train * 784),
    });
    // Calibrate on the CNN's own step with a small batch, so even the slowest backend is timed within seconds.
    const sample = mnistDataset(mnist, 0, Math.min(256, mnist.train));
    const workload = createTrainingWorkload('cnn-mnist-b16', {
      build: (rng) => createImageModel(CNN, rng),
      data: sample,
      hyper: { learningRate: 0.001, batchSize: 16, optimizer: 'adam' },
    });
    const choice = await manager.ensure({ override, workload });
    post({ type: 'ready', choice });
  }

  function makeView(entry: Entry, snap: NonNullable<Trainer['snapshot']>, maps: Float32Array[]): ModelView {
    const n = train?.n ?? 0;
    const examples = snap.epoch * n + Math.min(n, snap.batchInEpoch * entry.trainer.hyper.batchSize);
    const now = performance.now();
    entry.rate.push({ t: now, examples });
    while (entry.rate.length > 2 && now - entry.rate[0]!.t > 3000) entry.rate.shift();
    const first = entry.rate[0]!;
    const examplesPerSecond = now > first.t && entry.clock.playing ? ((examples - first.examples) * 1000) / (now - first.t) : 0;
    return {
      step: snap.step,
      epoch: snap.epoch,
      batchInEpoch: snap.batchInEpoch,
      batchesPerEpoch: snap.batchesPerEpoch,
      examples,
      seconds: entry.clock.seconds,
      examplesPerSecond,
      loss: snap.loss,
      newLosses: lossesAfter(entry.trainer.losses, entry.poster.postedStep),
      weights: snap.weights,
      maps,
      probe: entry.probe,
    };
  }

  async function evaluate(entry: Entry) {
    if (entry.evaluating) {
      entry.evalAgain = true;
      return;
    }
    if (!test || !train || !testLabels) return;
    const model = entry.model;
    const snap = entry.trainer.snapshot;
    if (!model || !snap) return;
    entry.evaluating = true;
    const gen = entry.gen;
    const started = performance.now();
    const confusion = new Int32Array(CLASSES * CLASSES);
    const predicted = new Uint8Array(test.n);
    const confidence = new Float32Array(test.n);
    const score = (data: Dataset, from: number, to: number) => scoreRows(model, data, from, to);
    const yieldToOthers = () => new Promise((r) => setTimeout(r, 0));
    try {
      let testLoss = 0;
      let testCorrect = 0;
      for (let from = 0; from < test.n; from += SCORE_CHUNK) {
        const to = Math.min(test.n, from + SCORE_CHUNK);
        const r = await score(test, from, to);
        if (gen !== entry.gen || !entries.has(entry.id)) return;
        for (let i = 0; i < to - from; i++) {
          const truth = testLabels[from + i]!;
          const guess = r.classes[i]!;
          predicted[from + i] = guess;
          confidence[from + i] = r.probs[i]!;
          confusion[truth * CLASSES + guess]!++;
          if (guess === truth) testCorrect++;
          testLoss += r.losses[i]!;
        }
        await yieldToOthers();
      }
      const sample = Math.min(train.n, opts.trainSample ?? 1000);
      let trainLoss = 0;
      let trainCorrect = 0;
      for (let from = 0; from < sample; from += SCORE_CHUNK) {
        const to = Math.min(sample, from + SCORE_CHUNK);
        const r = await score(train, from, to);
        if (gen !== entry.gen || !entries.has(entry.id)) return;
        for (let i = 0; i < to - from; i++) {
          if (train.ys[(from + i) * CLASSES + r.classes[i]!] === 1) trainCorrect++;
          trainLoss += r.losses[i]!;
        }
        await yieldToOthers();
      }
      const evaluation: Evaluation = {
        step: snap.step,
        examples: entry.last?.examples ?? 0,
        seconds: entry.clock.seconds,
        testLoss: testLoss / test.n,
        testAccuracy: testCorrect / test.n,
        trainLoss: trainLoss / sample,
        trainAccuracy: trainCorrect / sample,
        confusion,
        predicted,
        confidence,
      };
      entry.lastEvalStep = snap.step;
      post({ type: 'evaluation', id: entry.id, evaluation });
    } catch (err) {
      if (gen === entry.gen) fail(err, entry.id);
    } finally {
      entry.evaluating = false;
      // Evaluation time is not training time.
      entry.clock.exclude(performance.now() - started);
      entry.lastEvalAt = performance.now();
      if (entry.evalAgain && entries.has(entry.id)) {
        entry.evalAgain = false;
        if (entry.trainer.snapshot?.step !== entry.lastEvalStep) void evaluate(entry);
      }
    }
  }

  /** Every layer's output for one image through the entry's current model. */
  async function mapsFor(model: ImageModel, pixels: Float32Array): Promise<Float32Array[]> {
    const outs = tf.tidy(() => model.layerOutputs(tf.tensor2d(pixels, [1, pixels.length])));
    try {
      return (await Promise.all(outs.map((t) => t.data()))) as Float32Array[];
    } finally {
      tf.dispose(outs);
    }
  }

  const probePixels = (index: number) => test!.xs.subarray(index * test!.inputDim, (index + 1) * test!.inputDim);

  async function create(cmd: Extract<SessionCommand, { type: 'create' }>) {
    await ready;
    if (!train || !test) throw new Error('The digits are not loaded.');
    entries.get(cmd.id)?.trainer.dispose();
    const spec = ARCHITECTURES[cmd.arch];
    const entry: Entry = {
      id: cmd.id,
      trainer: null as unknown as Trainer,
      model: null,
      probe: Math.max(0, Math.min(test.n - 1, cmd.probe)),
      gen: 0,
      clock: createTrainingClock(),
      rate: [],
      last: null,
      poster: createViewPoster(viewEveryMs, (view) => post({ type: 'view', id: cmd.id, view })),
      evaluating: false,
      evalAgain: false,
      lastEvalAt: 0,
      lastEvalStep: -1,
    };
    entry.trainer = createTrainer({
      build: (rng) => (entry.model = createImageModel(spec, rng)),
      data: train,
      hyper: cmd.hyper,
      seed: cmd.seed,
      backend: manager,
      frameBudgetMs: opts.budgetMs ?? 40,
      lossHistory: 50_000,
      probes: (model) => {
        const outs = (model as ImageModel).layerOutputs(tf.tensor2d(probePixels(entry.probe), [1, test!.inputDim]));
        return Object.fromEntries(outs.map((t, i) => [`map${i}`, t]));
      },
    });
    entries.set(cmd.id, entry);
    entry.trainer.subscribe((event) => {
      if (event.type === 'status') {
        entry.clock.setPlaying(event.status === 'playing');
        post({ type: 'status', id: entry.id, status: event.status, ...(event.message ? { message: event.message } : {}) });
        if (event.status === 'paused' || event.status === 'diverged') void evaluate(entry);
        return;
      }
      entry.clock.tick();
      const snap = event.snapshot;
      const maps = spec.layers.map((_, i) => snap.probes[`map${i}`] ?? new Float32Array(0));
      entry.last = makeView(entry, snap, maps);
      entry.poster.offer(entry.last);
      const due = performance.now() - entry.lastEvalAt >= evalEveryMs;
      if (entry.trainer.status !== 'playing' || due) {
        if (snap.step !== entry.lastEvalStep) void evaluate(entry);
      }
    });
    await entry.trainer.ready;
    post({ type: 'created', id: cmd.id });
  }

  const secondSets = new Map<string, Promise<MnistData>>();
  let lowDigitCnn: Promise<ImageModel> | null = null;

  /** A CNN trained on the digits 0–4 only (two epochs of them), the source of the 'new-digits' task; made once. */
  function lowDigitSource(request: number): Promise<ImageModel> {
    lowDigitCnn ??= (async () => {
      const t0 = performance.now();
      const low = onlyClasses(train!, (k) => k < 5);
      const model = createImageModel(CNN, createRng(mixSeed(1, 4)));
      const steps = Math.ceil((2 * low.n) / 32);
      const accuracy = await trainAndScore(model, low, onlyClasses(test!, (k) => k < 5), steps, 0.005, 1);
      post({ type: 'transferSource', request, testAccuracy: accuracy, seconds: (performance.now() - t0) / 1000 });
      return model;
    })();
    lowDigitCnn.catch(() => (lowDigitCnn = null));
    return lowDigitCnn;
  }

  /** The new task's few-shot pool and test set, and the CNN whose layers are reused. */
  async function transferTask(cmd: Extract<SessionCommand, { type: 'transfer' }>) {
    if (cmd.task === 'new-digits') {
      const source = await lowDigitSource(cmd.request);
      return { source, train: onlyClasses(train!, (k) => k >= 5), test: onlyClasses(test!, (k) => k >= 5), pixels: null };
    }
    const source = entries.get(cmd.source)?.model ?? null;
    if (!source) throw new Error('Train the digit CNN first (in the lesson “Train a CNN live”, or with the button here).');
    const load = opts.loadData ?? ((u: string) => loadImageSet(u, { expect: 'fashion' }));
    if (!secondSets.has(cmd.datasetUrl)) secondSets.set(cmd.datasetUrl, load(cmd.datasetUrl, () => undefined));
    const pending = secondSets.get(cmd.datasetUrl)!;
    // A failed download is not remembered: the next run fetches again.
    pending.catch(() => secondSets.delete(cmd.datasetUrl));
    const data = await pending;
    return { source, train: mnistDataset(data, 0, data.train), test: mnistDataset(data, data.train, data.n), pixels: data };
  }

  async function transfer(cmd: Extract<SessionCommand, { type: 'transfer' }>) {
    await ready;
    const { source, train: pool, test: heldOut, pixels } = await transferTask(cmd);
    const sample = 40;
    // Sample pictures of the new task: from the second file, or the first test digits of the new classes.
    let samplePixels: Uint8Array;
    let sampleLabels: Uint8Array;
    if (pixels) {
      samplePixels = pixels.pixels.slice(pixels.train * 784, (pixels.train + sample) * 784);
      sampleLabels = pixels.labels.slice(pixels.train, pixels.train + sample);
    } else {
      samplePixels = Uint8Array.from(heldOut.xs.subarray(0, sample * 784), (v) => Math.round(v * 255));
      sampleLabels = Uint8Array.from({ length: sample }, (_, i) => heldOut.ys.subarray(i * 10, i * 10 + 10).indexOf(1));
    }
    post({ type: 'transferData', request: cmd.request, trainCount: pool.n, testCount: heldOut.n, samplePixels, sampleLabels });
    for (const n of cmd.perClass) {
      for (const mode of ['frozen', 'random', 'scratch'] as const) {
        const t0 = performance.now();
        const model = transferModel(mode, source, cmd.seed);
        try {
          // The frozen head learns faster with a larger step; the whole network needs the CNN's usual one.
          const accuracy = await trainAndScore(model, fewPerClass(pool, n), heldOut, cmd.steps, mode === 'scratch' ? 0.005 : 0.01, cmd.seed);
          post({ type: 'transferResult', request: cmd.request, perClass: n, mode, accuracy, seconds: (performance.now() - t0) / 1000 });
        } finally {
          model.dispose();
        }
      }
    }
    post({ type: 'transferDone', request: cmd.request });
  }

  async function handleAsync(cmd: SessionCommand) {
    if (cmd.type === 'init') {
      ready = init(cmd.datasetUrl, cmd.override);
      return ready;
    }
    if (cmd.type === 'simulateLoss') return manager.simulateLoss();
    if (cmd.type === 'create') return create(cmd);
    if (cmd.type === 'transfer') {
      return transfer(cmd).catch((err: unknown) =>
        post({ type: 'transferError', request: cmd.request, message: err instanceof Error ? err.message : String(err) }),
      );
    }
    await ready;
    const entry = entries.get(cmd.id);
    if (!entry) return;
    switch (cmd.type) {
      case 'play':
        return entry.trainer.play();
      case 'pause':
        return entry.trainer.pause();
      case 'step':
        for (let i = 0; i < (cmd.count ?? 1); i++) await entry.trainer.step(cmd.unit);
        return;
      case 'speed':
        return entry.trainer.setSpeed(cmd.stepsPerTick);
      case 'reset':
        entry.gen++;
        entry.clock.reset();
        entry.rate = [];
        entry.poster.restart();
        entry.lastEvalStep = -1;
        return entry.trainer.reset(cmd.seed);
      case 'hyper':
        return entry.trainer.setHyper(cmd.hyper);
      case 'probe': {
        entry.probe = Math.max(0, Math.min(test!.n - 1, cmd.index));
        if (!entry.model || !entry.last) return;
        const maps = await mapsFor(entry.model, probePixels(entry.probe));
        entry.last = { ...entry.last, maps, probe: entry.probe, newLosses: { steps: new Float64Array(0), values: new Float64Array(0) } };
        return entry.poster.offer(entry.last);
      }
      case 'classify': {
        if (!entry.model) return;
        const maps = await mapsFor(entry.model, cmd.pixels);
        return post({ type: 'classified', id: entry.id, request: cmd.request, probabilities: maps[maps.length - 1]!, maps });
      }
      case 'dispose':
        entry.gen++;
        entry.poster.cancel();
        entry.trainer.dispose();
        entries.delete(cmd.id);
        return;
    }
  }

  return {
    handle(cmd: SessionCommand): Promise<void> {
      return handleAsync(cmd).catch((err: unknown) => fail(err, 'id' in cmd ? cmd.id : undefined));
    },
    dispose() {
      for (const entry of entries.values()) {
        entry.poster.cancel();
        entry.trainer.dispose();
      }
      entries.clear();
    },
  };
}

export type ImageSession = ReturnType<typeof createImageSession>;
