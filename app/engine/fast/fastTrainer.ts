/**
 * The Trainer of the training lab, over the fused kernel (fastMlp.ts) instead of TF.js ops. Same interface and
 * same behaviour as `createTrainer` (play/pause/step/reset/speed, seeded shuffles with the same permutations,
 * NaN → 'diverged' with the same message), plus what the lab needs on top:
 *
 * - the learning rate, optimiser and weight penalty change without losing the optimiser's memory (a new
 *   optimiser kind starts fresh, as it must);
 * - `restore` jumps back to an earlier point of training (weights, step, epoch), to branch from history;
 * - probes are plain functions of the network, computed in JavaScript each tick (no device, no read).
 *
 *   play() ──► scheduler tick ──► steps until the frame budget or the speed cap ──► probes ──► snapshot
 *                  ▲                                                                              │
 *                  └──────────────────────────── next tick ◄──────────────────────────────────────┘
 *
 * Everything runs synchronously inside a tick, so no step is ever half-done when a setter runs.
 */
import { mixSeed, createRng } from '../rng';
import { divergenceMessage, firstNonFinite } from '../readback';
import { checkHyperparameters } from '../optimizers';
import { createChannel } from '../channel';
import { createSeries } from '../ringBuffer';
import { createScheduler, type Scheduler } from '../scheduler';
import type { Dataset, Hyperparameters, Snapshot, Trainer, TrainerEvent, TrainerStatus } from '../types';
import { createFastOptimizer, NO_PENALTY, type FastMlp, type FastOptimizer, type WeightPenalty } from './fastMlp';
import type { Rng } from '../rng';

/** Options for {@link createFastTrainer}. */
export interface FastTrainerOptions {
  /** Builds the network; called with a fresh Rng seeded with the trainer's seed, on every reset. */
  build: (rng: Rng) => FastMlp;
  data: Dataset;
  hyper: Hyperparameters;
  penalty?: WeightPenalty;
  seed: number;
  /** Extra read-outs for every snapshot, e.g. every layer over a grid: plain arrays computed from the network. */
  probes?: (net: FastMlp) => Record<string, Float32Array>;
  /**
   * Most milliseconds of stepping per tick (default 8, leaving the rest of a 16 ms frame for drawing). While
   * playing, the budget adapts: it shrinks when ticks arrive late (drawing took the frame) and grows back when
   * they are on time, so the page keeps its frame rate whatever the figure draws.
   */
  frameBudgetMs?: number;
  lossHistory?: number;
  scheduler?: Scheduler;
}

/** A point of training to come back to. */
export interface TrainingPoint {
  weights: Float32Array[];
  step: number;
  epoch: number;
}

/** The lab's Trainer: a {@link Trainer} plus penalty, restore and direct access to the network. */
export interface FastTrainer extends Trainer {
  /** The network being trained (read it between ticks; do not keep references across resets). */
  readonly net: FastMlp;
  readonly penalty: WeightPenalty;
  setPenalty(p: WeightPenalty): void;
  /** Goes back to an earlier point: its weights, step and epoch; the optimiser's memory starts afresh. */
  restore(point: TrainingPoint): Promise<void>;
  /** The gradient of the loss over the whole training set for the current weights, laid out like the weights. */
  gradients(): Float32Array[];
  /**
   * A new network (from `build`, with the trainer's seed or `seed`) on new data, as for a new shape or data set:
   * unlike reset + setData, no snapshot ever pairs the new network with the old data.
   */
  rebuild(dataset: Dataset, seed?: number): Promise<void>;
}

/**
 * Creates the lab's trainer. Nothing needs a TF.js backend: it can run before TF.js has even loaded.
 *
 * @example
 * const trainer = createFastTrainer({
 *   build: (rng) => createFastMlp({ sizes: [2, 8, 8, 1], activations: ['tanh', 'tanh'], head: 'sigmoid' }, rng),
 *   data, hyper: { learningRate: 0.03, batchSize: 10, optimizer: 'adam' }, seed: 1,
 *   probes: (net) => ({ out: net.predict(grid, grid.length / 2) }),
 * });
 * trainer.subscribe((e) => { if (e.type === 'snapshot') draw(e.snapshot); });
 * trainer.play();
 */
export function createFastTrainer(opts: FastTrainerOptions): FastTrainer {
  checkHyperparameters(opts.hyper);
  const scheduler = opts.scheduler ?? createScheduler({ afterFrame: true });
  const maxBudget = opts.frameBudgetMs ?? 8;
  let budget = maxBudget;
  let lastTick = 0;
  const channel = createChannel<TrainerEvent>();
  const losses = createSeries(opts.lossHistory ?? 5000);

  let hyper: Hyperparameters = { ...opts.hyper };
  let penalty: WeightPenalty = opts.penalty ?? NO_PENALTY;
  let seed = opts.seed;
  let data = opts.data;
  let status: TrainerStatus = 'idle';
  let snapshot: Snapshot | null = null;
  let speed = Infinity;
  let framesWaited = 0;
  let cancelTick: (() => void) | null = null;

  let net = opts.build(createRng(seed));
  let optimizer: FastOptimizer = createFastOptimizer(hyper.optimizer, net.params.length);
  let grad = new Float64Array(net.params.length);
  let step = 0;
  let epoch = 0;
  let cursor = 0;
  let batchInEpoch = 0;
  let perm = createRng(mixSeed(seed, 1)).permutation(data.n);

  const setStatus = (next: TrainerStatus, message?: string) => {
    if (next === status && message === undefined) return;
    status = next;
    channel.emit(message === undefined ? { type: 'status', status } : { type: 'status', status, message });
  };

  const shuffle = () => {
    // The same permutation as the TF.js batcher's for (seed, epoch): salted with epoch + 1.
    perm = createRng(mixSeed(seed, epoch + 1)).permutation(data.n);
  };

  const batchesPerEpoch = () => batchInEpoch + Math.ceil((data.n - cursor) / Math.max(1, hyper.batchSize));

  /** One optimiser step on the next batch; returns its loss. */
  const trainOne = (): number => {
    const size = Math.max(1, Math.min(hyper.batchSize, data.n - cursor));
    const loss = net.gradient(data.xs, data.ys, perm, cursor, size, penalty, grad);
    optimizer.apply(net.params, grad, hyper.learningRate);
    step++;
    cursor += size;
    batchInEpoch++;
    if (cursor >= data.n) {
      epoch++;
      cursor = 0;
      batchInEpoch = 0;
      shuffle();
    }
    return loss;
  };

  const emit = (loss: number) => {
    snapshot = {
      step,
      epoch,
      batchInEpoch,
      batchesPerEpoch: batchesPerEpoch(),
      loss,
      weights: net.weights(),
      probes: opts.probes?.(net) ?? {},
    };
    channel.emit({ type: 'snapshot', snapshot });
  };

  const diverge = (what: 'loss' | 'weights', value: number, at: number) => {
    stopTicking();
    setStatus('diverged', divergenceMessage(what, value, at, hyper.learningRate));
  };

  /** Steps within the budget (or up to maxSteps, or to the epoch's end), then emits one snapshot. */
  const runSteps = (maxSteps: number, untilEpochEnd: boolean) => {
    const t0 = performance.now();
    let n = 0;
    let last = NaN;
    do {
      last = trainOne();
      n++;
      if (!Number.isFinite(last)) {
        emit(last);
        diverge('loss', last, step);
        return;
      }
      losses.push(step, last);
      if (untilEpochEnd && cursor === 0) break;
      // Time is read every few steps only: performance.now() is not free next to a 10 µs step.
    } while (n < maxSteps && ((n & 3) !== 0 || performance.now() - t0 < budget));
    emit(last);
    if (firstNonFinite(net.params) >= 0) diverge('weights', NaN, step);
  };

  const stopTicking = () => {
    cancelTick?.();
    cancelTick = null;
  };

  const scheduleTick = () => {
    if (status !== 'playing' || cancelTick) return;
    cancelTick = scheduler.next(() => {
      cancelTick = null;
      if (status !== 'playing') return;
      if (speed < 1) {
        framesWaited++;
        if (framesWaited < Math.round(1 / speed)) {
          scheduleTick();
          return;
        }
        framesWaited = 0;
      }
      // Ticks come once a frame (~16.7 ms at 60 Hz): a gap of a frame and a half means a frame was dropped,
      // so train less; otherwise creep back up towards the full budget.
      const now = performance.now();
      const gap = now - lastTick;
      lastTick = now;
      if (gap < 100) budget = gap > 25 ? Math.max(1, budget * 0.8) : Math.min(maxBudget, budget + 0.5);
      runSteps(Number.isFinite(speed) ? Math.max(1, Math.floor(speed)) : Infinity, false);
      scheduleTick();
    });
  };

  const rebuildOptimizer = () => {
    optimizer = createFastOptimizer(hyper.optimizer, net.params.length);
  };

  // The first snapshot (the initial weights) goes out once the caller has had a chance to subscribe.
  const ready = Promise.resolve().then(() => {
    if (status !== 'disposed' && snapshot === null) emit(net.loss(data.xs, data.ys, data.n));
  });

  const trainer: FastTrainer = {
    get status() {
      return status;
    },
    get snapshot() {
      return snapshot;
    },
    losses,
    get hyper() {
      return { ...hyper };
    },
    get seed() {
      return seed;
    },
    get speed() {
      return speed;
    },
    get net() {
      return net;
    },
    get penalty() {
      return penalty;
    },
    ready,
    play() {
      if (status !== 'idle' && status !== 'paused') return;
      setStatus('playing');
      scheduleTick();
    },
    pause() {
      if (status !== 'playing') return;
      stopTicking();
      setStatus('paused');
    },
    async step(unit) {
      if (status === 'diverged' || status === 'disposed') return;
      trainer.pause();
      if (unit === 'batch') runSteps(1, false);
      else {
        const start = epoch;
        // runSteps may end in 'diverged', and a dispose may land while waiting: re-read the status each round.
        const going = () => trainer.status !== 'diverged' && trainer.status !== 'disposed';
        while (epoch === start && going()) {
          runSteps(Infinity, true);
          if (epoch === start) await new Promise<void>((r) => scheduler.next(r));
        }
      }
      if (status === 'idle') setStatus('paused');
    },
    reset(newSeed) {
      if (status === 'disposed') return Promise.resolve();
      stopTicking();
      if (newSeed !== undefined) seed = newSeed;
      net = opts.build(createRng(seed));
      grad = new Float64Array(net.params.length);
      rebuildOptimizer();
      step = 0;
      epoch = 0;
      cursor = 0;
      batchInEpoch = 0;
      framesWaited = 0;
      shuffle();
      losses.clear();
      setStatus('idle');
      emit(net.loss(data.xs, data.ys, data.n));
      return Promise.resolve();
    },
    setSpeed(stepsPerFrame) {
      if (!(stepsPerFrame > 0)) throw new Error(`Speed must be positive (got ${stepsPerFrame}).`);
      speed = stepsPerFrame;
      framesWaited = 0;
    },
    setHyper(partial) {
      const next = { ...hyper, ...partial };
      checkHyperparameters(next);
      const newKind = next.optimizer !== hyper.optimizer;
      hyper = next;
      // A new learning rate keeps the optimiser's memory (momentum, Adam's moments); a new optimiser cannot.
      if (newKind) rebuildOptimizer();
    },
    setPenalty(p) {
      if (!(p.rate >= 0) || !Number.isFinite(p.rate)) throw new Error(`The regularization rate must be 0 or more (got ${p.rate}).`);
      penalty = { ...p };
    },
    setData(dataset) {
      if (status === 'disposed') return Promise.resolve();
      if (dataset.inputDim !== net.spec.sizes[0] || dataset.outputDim !== net.spec.sizes[net.spec.sizes.length - 1]) {
        return Promise.reject(new Error(`The data has ${dataset.inputDim} inputs and ${dataset.outputDim} outputs; the network expects ${net.spec.sizes[0]} and ${net.spec.sizes.at(-1)}.`));
      }
      data = dataset;
      cursor = 0;
      batchInEpoch = 0;
      shuffle();
      emit(net.loss(data.xs, data.ys, data.n));
      return Promise.resolve();
    },
    setWeights(arrays) {
      if (status === 'disposed') return Promise.resolve();
      net.setWeights(arrays);
      rebuildOptimizer();
      emit(net.loss(data.xs, data.ys, data.n));
      return Promise.resolve();
    },
    restore(point) {
      if (status === 'disposed') return Promise.resolve();
      trainer.pause();
      net.setWeights(point.weights);
      rebuildOptimizer();
      step = point.step;
      epoch = point.epoch;
      cursor = 0;
      batchInEpoch = 0;
      shuffle();
      // Losses recorded after the point belong to the abandoned branch.
      const kept = losses.toArrays();
      losses.clear();
      for (let i = 0; i < kept.xs.length && kept.xs[i]! <= step; i++) losses.push(kept.xs[i]!, kept.ys[i]!);
      if (status === 'diverged' || status === 'idle') setStatus('paused');
      emit(net.loss(data.xs, data.ys, data.n));
      return Promise.resolve();
    },
    rebuild(dataset, newSeed) {
      if (status === 'disposed') return Promise.resolve();
      data = dataset;
      return trainer.reset(newSeed);
    },
    gradients() {
      const g = new Float64Array(net.params.length);
      net.gradient(data.xs, data.ys, null, 0, data.n, penalty, g);
      return net.slots.flatMap((s) => [Float32Array.from(g.subarray(s.w, s.b)), Float32Array.from(g.subarray(s.b, s.b + s.units))]);
    },
    subscribe: (listener) => channel.subscribe(listener),
    dispose() {
      if (status === 'disposed') return;
      stopTicking();
      setStatus('disposed');
    },
  };
  return trainer;
}
