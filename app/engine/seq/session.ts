/**
 * The sequence-model session: a TF.js backend and any number of recurrent models training on the lessons' tasks
 * (a noisy sine wave, the word list, the recall task), driven by {@link SeqCommand}s and reporting
 * {@link SeqEvent}s. It normally runs in a Web Worker (`worker.ts`): an LSTM's step over 50 time steps takes tens
 * of milliseconds, too long for the page's thread. The same code runs in the page as a fallback and in Node for
 * the unit tests.
 *
 *   init ──► choose a backend (timing the recall LSTM's own step) ──► ready
 *   create(id, config) ──► Trainer ──► snapshots ──► a view at most every 100 ms (weights, new losses, ms/batch)
 *                                   └─► every 2 s of training, and on pause: held-out loss, accuracy and the
 *                                       gradient at every time step ──► evaluation
 *
 * Everything a figure shows between views (samples, probabilities, hidden states, gates) it computes itself from
 * the view's weights with the plain-JS cell (`cells.ts`).
 */
import * as tf from '@tensorflow/tfjs';
import { createBackendManager } from '../backend';
import { loadWords, type WordList } from '../data/words';
import { createTrainer } from '../trainer';
import type { BackendManager, BackendName, Dataset, Trainer } from '../types';
import { createTrainingClock, createViewPoster, lossesAfter, type TrainingClock, type ViewPoster } from '../viewPacing';
import { createTrainingWorkload } from '../workload';
import type { SeqCommand, SeqEvaluation, SeqEvent, SeqView } from './protocol';
import { createSeqModel, type SeqModel } from './createModel';
import { dataFor, DEFAULT_HYPER, EVAL_EVERY_MS, specFor, type SeqModelConfig } from './tasks';

export interface SeqSessionOptions {
  post(event: SeqEvent): void;
  /** Tests pass their own backend manager and word list. */
  backend?: BackendManager;
  loadWords?: (url: string, onProgress: (fraction: number) => void) => Promise<WordList>;
  /** Training time between two evaluations (default: the task's EVAL_EVERY_MS, else 2 s). */
  evalEveryMs?: number;
  /** Least time between two views of one model. */
  viewEveryMs?: number;
  /** Trainer frame budget. */
  budgetMs?: number;
}

interface Entry {
  id: string;
  config: SeqModelConfig;
  trainer: Trainer;
  model: SeqModel | null;
  train: Dataset;
  heldOut: Dataset;
  gen: number;
  clock: TrainingClock;
  rate: { t: number; step: number }[];
  poster: ViewPoster<SeqView>;
  evaluating: boolean;
  /** Training examples seen at the latest snapshot. */
  lastExamples: number;
  lastEvalAt: number;
  lastEvalStep: number;
}

/** Held-out sequences scored per evaluation (and, of them, used for the gradient through time). */
const EVAL_ROWS = 256;
const GRAD_ROWS = 32;

/**
 * Creates a session; feed it commands with `handle`.
 *
 * @example
 * const session = createSequenceSession({ post: (e) => self.postMessage(e) });
 * session.handle({ type: 'init', wordsUrl: 'datasets/words.bin.gz', override: null });
 * session.handle({ type: 'create', id: 'recall-lstm', config: { task: 'recall', cell: 'lstm', length: 30 }, hyper, seed: 1 });
 * session.handle({ type: 'play', id: 'recall-lstm' });
 */
export function createSequenceSession(opts: SeqSessionOptions) {
  const post = opts.post;
  const viewEveryMs = opts.viewEveryMs ?? 100;
  const manager = opts.backend ?? createBackendManager();
  const entries = new Map<string, Entry>();
  let ready: Promise<void> | null = null;
  let wordsUrl = '';
  let words: Promise<WordList> | null = null;

  manager.subscribe((event) => post({ type: 'backend', event }));

  const fail = (err: unknown, id?: string) =>
    post({ type: 'error', message: err instanceof Error ? err.message : String(err), ...(id ? { id } : {}) });

  async function init(url: string, override: BackendName | null) {
    wordsUrl = url;
    // Calibrate on the recall LSTM's own step: the slowest of the lessons' models per batch.
    const config: SeqModelConfig = { task: 'recall', cell: 'lstm', length: 30 };
    const sample = dataFor(config, 1).train;
    const workload = createTrainingWorkload('lstm32-recall30-b32', {
      build: (rng) => createSeqModel(specFor(config), rng),
      data: { ...sample, n: 256, xs: sample.xs.subarray(0, 256 * sample.inputDim), ys: sample.ys.subarray(0, 256 * sample.outputDim) },
      hyper: DEFAULT_HYPER.recall,
    });
    const choice = await manager.ensure({ override, workload });
    post({ type: 'ready', choice });
  }

  /** The word list, fetched the first time a spelling model needs it (a failed fetch is tried again next time). */
  function wordList(): Promise<WordList> {
    if (!words) {
      const load = opts.loadWords ?? ((u, p) => loadWords(u, { onProgress: p }));
      words = load(wordsUrl, (fraction) => post({ type: 'progress', fraction })).then((list) => {
        post({ type: 'words', words: list.words, train: list.train, maxLength: list.maxLength });
        return list;
      });
      words.catch(() => (words = null));
    }
    return words;
  }

  function makeView(entry: Entry, snap: NonNullable<Trainer['snapshot']>): SeqView {
    const now = performance.now();
    entry.rate.push({ t: now, step: snap.step });
    while (entry.rate.length > 2 && now - entry.rate[0]!.t > 3000) entry.rate.shift();
    const first = entry.rate[0]!;
    const msPerBatch = entry.clock.playing && snap.step > first.step ? (now - first.t) / (snap.step - first.step) : 0;
    const n = entry.train.n;
    return {
      step: snap.step,
      epoch: snap.epoch,
      examples: snap.epoch * n + Math.min(n, snap.batchInEpoch * entry.trainer.hyper.batchSize),
      seconds: entry.clock.seconds,
      msPerBatch,
      loss: snap.loss,
      newLosses: lossesAfter(entry.trainer.losses, entry.poster.postedStep),
      weights: snap.weights,
    };
  }

  async function evaluate(entry: Entry) {
    const model = entry.model;
    const snap = entry.trainer.snapshot;
    if (entry.evaluating || !model || !snap) return;
    entry.evaluating = true;
    const gen = entry.gen;
    const started = performance.now();
    const data = entry.heldOut;
    const rows = Math.min(EVAL_ROWS, data.n);
    const oneAnswer = model.spec.readout === 'last';
    // The reversal task is right only when every position is.
    const wholeSequence = entry.config.task === 'reverse';
    const classes = model.spec.outputSize;
    try {
      const scored = tf.tidy(() => {
        const xs = tf.tensor2d(data.xs.subarray(0, rows * data.inputDim), [rows, data.inputDim]);
        const ys = tf.tensor2d(data.ys.subarray(0, rows * data.outputDim), [rows, data.outputDim]);
        const out: Record<string, tf.Tensor> = { loss: model.loss(xs, ys) };
        if (oneAnswer) {
          out.correct = tf.sum(tf.cast(tf.equal(tf.argMax(model.predict(xs), 1), tf.argMax(ys, 1)), 'float32'));
          if ('stateGradientNorms' in model) {
            const g = Math.min(GRAD_ROWS, rows);
            out.grads = model.stateGradientNorms(tf.slice(xs, [0, 0], [g, -1]), tf.slice(ys, [0, 0], [g, -1]));
          }
        }
        if (wholeSequence) {
          const right = tf.equal(tf.argMax(tf.reshape(model.predict(xs), [rows, -1, classes]), 2), tf.argMax(tf.reshape(ys, [rows, -1, classes]), 2));
          out.correct = tf.sum(tf.cast(tf.all(right, 1), 'float32'));
          out.tokens = tf.mean(tf.cast(right, 'float32'));
        }
        return out;
      });
      const [lossV, correctV, gradV, tokensV] = await Promise.all([scored.loss!.data(), scored.correct?.data(), scored.grads?.data(), scored.tokens?.data()]);
      tf.dispose(Object.values(scored));
      if (gen !== entry.gen || !entries.has(entry.id)) return;
      const evaluation: SeqEvaluation = {
        step: snap.step,
        seconds: entry.clock.seconds,
        examples: entry.lastExamples,
        loss: lossV[0]!,
        accuracy: correctV ? correctV[0]! / rows : null,
        tokenAccuracy: tokensV ? tokensV[0]! : null,
        gradNorms: gradV ? Float32Array.from(gradV) : null,
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
    }
  }

  async function create(cmd: Extract<SeqCommand, { type: 'create' }>) {
    await ready;
    const list = cmd.config.task === 'spell' || cmd.config.task === 'gpt' ? await wordList() : null;
    const old = entries.get(cmd.id);
    if (old) dispose(old);
    const spec = specFor(cmd.config);
    const { train, heldOut } = dataFor(cmd.config, cmd.seed, list);
    const entry: Entry = {
      id: cmd.id,
      config: cmd.config,
      trainer: null as unknown as Trainer,
      model: null,
      train,
      heldOut,
      gen: 0,
      clock: createTrainingClock(),
      rate: [],
      poster: createViewPoster(viewEveryMs, (view) => post({ type: 'view', id: cmd.id, view })),
      evaluating: false,
      lastExamples: 0,
      lastEvalAt: 0,
      lastEvalStep: -1,
    };
    entry.trainer = createTrainer({
      build: (rng) => (entry.model = createSeqModel(spec, rng)),
      data: train,
      hyper: cmd.hyper,
      seed: cmd.seed,
      backend: manager,
      frameBudgetMs: opts.budgetMs ?? 40,
      lossHistory: 50_000,
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
      const view = makeView(entry, snap);
      entry.lastExamples = view.examples;
      entry.poster.offer(view);
      const due = performance.now() - entry.lastEvalAt >= (opts.evalEveryMs ?? EVAL_EVERY_MS[entry.config.task] ?? 2000);
      if ((entry.trainer.status !== 'playing' || due) && snap.step !== entry.lastEvalStep) void evaluate(entry);
    });
    await entry.trainer.ready;
    post({ type: 'created', id: cmd.id, spec, config: cmd.config });
  }

  function dispose(entry: Entry) {
    entry.gen++;
    entry.poster.cancel();
    entry.trainer.dispose();
    entries.delete(entry.id);
  }

  async function handleAsync(cmd: SeqCommand) {
    if (cmd.type === 'init') {
      ready = init(cmd.wordsUrl, cmd.override);
      return ready;
    }
    if (cmd.type === 'simulateLoss') return manager.simulateLoss();
    if (cmd.type === 'create') return create(cmd);
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
      case 'dispose':
        return dispose(entry);
    }
  }

  return {
    handle(cmd: SeqCommand): Promise<void> {
      return handleAsync(cmd).catch((err: unknown) => fail(err, 'id' in cmd ? cmd.id : undefined));
    },
    dispose() {
      for (const entry of [...entries.values()]) dispose(entry);
    },
  };
}

export type SequenceSession = ReturnType<typeof createSequenceSession>;
