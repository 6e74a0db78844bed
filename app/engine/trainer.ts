/**
 * The training loop behind every live figure.
 *
 *   play() ──► scheduler tick ──► steps until the frame budget or the speed cap ──► ONE awaited read ──► snapshot
 *                  ▲                (optimizer.minimize in tidy, loss kept on the device)                  │
 *                  └─────────────────────────── next tick (never overlapping) ◄───────────────────────────┘
 *
 * Everything that touches the model (ticks, step, reset, setData, setWeights) runs one at a time through a small
 * lock. A generation counter marks reads that a reset or a backend switch made stale; they are dropped.
 * Position in training is (step count, epoch, cursor), "committed" at each read: if the GPU is lost mid-tick, the
 * model is rebuilt on the next backend from the last weights read and carries on from the committed position.
 */
import * as tf from '@tensorflow/tfjs';
import { createChannel } from './channel';
import { createBatcher, type Batcher, type BatchPosition } from './data/batcher';
import { checkHyperparameters, createOptimizer } from './optimizers';
import { divergenceMessage, firstNonFinite, packReadback, unpackReadback, type ReadLayout } from './readback';
import { createSeries } from './ringBuffer';
import { createRng } from './rng';
import { createScheduler } from './scheduler';
import type {
  Hyperparameters,
  Snapshot,
  TrainableModel,
  Trainer,
  TrainerEvent,
  TrainerOptions,
  TrainerStatus,
} from './types';
import { writeWeights } from './weights';

export type { Trainer, TrainerOptions } from './types';

/**
 * Creates a trainer; the model is built at once on the current TF.js backend (choose it first with
 * `getBackendManager().ensure()`), and `ready` resolves when its initial weights have been read.
 *
 * @example
 * const trainer = createTrainer({
 *   build: (rng) => createMlp({ sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' }, rng),
 *   data: makePoints2D('circle', { n: 200, noise: 0.1, seed: 1 }),
 *   hyper: { learningRate: 0.03, batchSize: 10, optimizer: 'adam' },
 *   seed: 1,
 *   backend: getBackendManager(),
 * });
 * const off = trainer.subscribe((e) => { if (e.type === 'snapshot') draw(e.snapshot); });
 * trainer.play();
 */
export function createTrainer(opts: TrainerOptions): Trainer {
  checkHyperparameters(opts.hyper);
  const scheduler = opts.scheduler ?? createScheduler();
  const budget = opts.frameBudgetMs ?? 10;
  const channel = createChannel<TrainerEvent>();
  const losses = createSeries(opts.lossHistory ?? 5000);

  let hyper: Hyperparameters = { ...opts.hyper };
  let seed = opts.seed;
  let data = opts.data;
  let status: TrainerStatus = 'idle';
  let snapshot: Snapshot | null = null;
  let speed = Infinity;
  let framesWaited = 0;

  let model: TrainableModel = opts.build(createRng(seed));
  let optimizer = createOptimizer(hyper);
  let batcher: Batcher = createBatcher(data, seed);
  let stepCount = 0;
  let committed: { step: number; position: BatchPosition } = { step: 0, position: batcher.position };

  let gen = 0; // bumped by reset, backend rebuild and dispose: reads started before are dropped
  let lock: Promise<unknown> = Promise.resolve();
  let cancelTick: (() => void) | null = null;
  let activeTick: object | null = null; // the tick whose steps or read are under way
  let suspended = false; // the backend was lost; waiting for the manager's fallback

  const exclusive = (fn: () => Promise<void>): Promise<void> => {
    // Work queued before dispose() must not touch the disposed model when its turn comes.
    const run = lock.then(() => (status === 'disposed' ? undefined : fn()));
    lock = run.catch(() => undefined);
    return run;
  };

  const setStatus = (next: TrainerStatus, message?: string) => {
    if (next === status && message === undefined) return;
    status = next;
    channel.emit(message === undefined ? { type: 'status', status } : { type: 'status', status, message });
  };

  const safely = (fn: () => void) => {
    // Disposing tensors of a lost GPU backend can throw; the tensors are gone either way.
    try {
      fn();
    } catch {
      /* nothing to recover */
    }
  };

  const trainOne = (): tf.Scalar => {
    const cost = tf.tidy(() => {
      const { xs, ys } = batcher.next(hyper.batchSize);
      return optimizer.minimize(() => model.loss(xs, ys), true, model.variables) as tf.Scalar;
    });
    stepCount++;
    return cost;
  };

  /** Reads costs + weights + probes at once, then commits the position and emits a snapshot. */
  const readAndEmit = async (costs: tf.Scalar[], how: { fullLoss?: boolean; loss?: number } = {}) => {
    const myGen = gen;
    const firstStep = stepCount - costs.length + 1;
    let layout: ReadLayout | undefined;
    let packed: tf.Tensor1D;
    try {
      packed = tf.tidy(() => {
        const r = packReadback(
          costs,
          model.variables,
          opts.probes?.(model),
          how.fullLoss ? model.loss(batcher.allXs, batcher.allYs) : undefined,
        );
        layout = r.layout;
        return r.packed;
      });
    } finally {
      costs.forEach((c) => safely(() => c.dispose()));
    }
    let flat: Float32Array;
    try {
      flat = (await packed.data()) as Float32Array;
    } finally {
      safely(() => packed.dispose());
    }
    // Drop the read if a reset or backend switch happened meanwhile, or if it came from a lost GPU (zeros).
    if (myGen !== gen || status === 'disposed' || (opts.backend && !opts.backend.healthy())) return;

    const parts = unpackReadback(flat, layout as ReadLayout);
    const badLoss = firstNonFinite(parts.losses);
    const badWeight = parts.weights.findIndex((w) => firstNonFinite(w) >= 0);
    const goodSteps = badLoss >= 0 ? badLoss : parts.losses.length;
    for (let i = 0; i < goodSteps; i++) losses.push(firstStep + i, parts.losses[i] as number);

    committed = { step: stepCount, position: batcher.position };
    const lastLoss = parts.losses.length > 0 ? (parts.losses[parts.losses.length - 1] as number) : NaN;
    snapshot = {
      step: stepCount,
      epoch: committed.position.epoch,
      batchInEpoch: committed.position.batchInEpoch,
      batchesPerEpoch: batcher.batchesPerEpoch(hyper.batchSize),
      loss: parts.losses.length > 0 ? lastLoss : how.fullLoss ? parts.fullLoss : (how.loss ?? NaN),
      weights: parts.weights,
      probes: parts.probes,
    };
    channel.emit({ type: 'snapshot', snapshot });

    if (badLoss >= 0 || badWeight >= 0) {
      stopTicking();
      const message =
        badLoss >= 0
          ? divergenceMessage('loss', parts.losses[badLoss] as number, firstStep + badLoss, hyper.learningRate)
          : divergenceMessage('weights', NaN, stepCount, hyper.learningRate);
      setStatus('diverged', message);
    }
  };

  /** Runs up to `maxSteps` steps within the frame budget (optionally stopping at an epoch's end), then reads. */
  const runSteps = async (maxSteps: number, untilEpochEnd: boolean) => {
    const costs: tf.Scalar[] = [];
    const t0 = performance.now();
    do {
      costs.push(trainOne());
      if (untilEpochEnd && batcher.position.cursor === 0) break;
    } while (costs.length < maxSteps && performance.now() - t0 < budget);
    await readAndEmit(costs);
  };

  const stopTicking = () => {
    cancelTick?.();
    cancelTick = null;
  };

  const scheduleTick = () => {
    // One chain of ticks at a time: a tick schedules the next only when it has finished.
    if (status !== 'playing' || suspended || cancelTick || activeTick) return;
    cancelTick = scheduler.next(() => {
      cancelTick = null;
      if (status !== 'playing' || suspended) return;
      if (speed < 1) {
        // Slow motion: one step every round(1/speed) ticks.
        framesWaited++;
        if (framesWaited < Math.round(1 / speed)) {
          scheduleTick();
          return;
        }
        framesWaited = 0;
      }
      const maxSteps = Number.isFinite(speed) ? Math.max(1, Math.floor(speed)) : Infinity;
      const token = {};
      const myGen = gen;
      activeTick = token;
      exclusive(() => (status === 'playing' && !suspended ? runSteps(maxSteps, false) : Promise.resolve()))
        .catch((err: unknown) => {
          // Errors of a tick abandoned by a backend switch (its reads fail on the dead device) mean nothing.
          if (myGen === gen) onTickError(err);
        })
        .finally(() => {
          if (activeTick !== token) return; // abandoned: the rebuild started a new chain
          activeTick = null;
          scheduleTick();
        });
    });
  };

  const onTickError = (err: unknown) => {
    // A lost device makes reads fail; the backend manager's fallback will take over, so wait for it.
    if (suspended || (opts.backend && !opts.backend.healthy())) return;
    stopTicking();
    const why = err instanceof Error ? err.message : String(err);
    setStatus('paused', `Training stopped because of an error: ${why}`);
  };

  /** Rebuilds model, optimiser and data on the (new) current backend from the last weights read. */
  const rebuildAfterLoss = () => {
    gen++;
    stopTicking();
    const weights = snapshot?.weights;
    safely(() => model.dispose());
    safely(() => optimizer.dispose());
    safely(() => batcher.dispose());
    stepCount = committed.step;
    model = opts.build(createRng(seed));
    if (weights) writeWeights(model, weights);
    optimizer = createOptimizer(hyper);
    batcher = createBatcher(data, seed, committed.position);
    // Any operation stuck behind a read from the lost device would wait forever: start a fresh lock, and
    // abandon the tick that may be stuck in it.
    lock = Promise.resolve();
    activeTick = null;
    suspended = false;
    const previousLoss = snapshot?.loss ?? NaN;
    void exclusive(() => readAndEmit([], { loss: previousLoss }))
      .catch(onTickError)
      .finally(scheduleTick);
  };

  const unsubscribeBackend = opts.backend?.subscribe((e) => {
    if (status === 'disposed') return;
    if (e.type === 'lost') {
      suspended = true;
      gen++;
      stopTicking();
    } else if (e.type === 'ready' && e.choice.source === 'runtime-fallback') {
      rebuildAfterLoss();
    }
  });

  const ready = exclusive(() => readAndEmit([]));
  // Callers who never await `ready` should not get an unhandled rejection; awaiting it still throws.
  ready.catch(() => undefined);

  const trainer: Trainer = {
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
    step(unit) {
      if (status === 'diverged' || status === 'disposed') return Promise.resolve();
      trainer.pause();
      return exclusive(async () => {
        const startEpoch = batcher.position.epoch;
        const myGen = gen;
        if (unit === 'batch') {
          await runSteps(1, false);
        } else {
          // Chunks of one frame budget each, yielding between them so the page can draw the progress.
          while (batcher.position.epoch === startEpoch && myGen === gen && status !== 'diverged') {
            await runSteps(Infinity, true);
            if (batcher.position.epoch === startEpoch) await new Promise<void>((r) => scheduler.next(r));
          }
        }
        if (status === 'idle') setStatus('paused');
      });
    },
    reset(newSeed) {
      if (status === 'disposed') return Promise.resolve();
      gen++;
      stopTicking();
      setStatus('idle');
      return exclusive(async () => {
        if (newSeed !== undefined) seed = newSeed;
        safely(() => model.dispose());
        safely(() => optimizer.dispose());
        safely(() => batcher.dispose());
        model = opts.build(createRng(seed));
        optimizer = createOptimizer(hyper);
        batcher = createBatcher(data, seed);
        stepCount = 0;
        committed = { step: 0, position: batcher.position };
        framesWaited = 0;
        losses.clear();
        await readAndEmit([]);
      });
    },
    setSpeed(stepsPerFrame) {
      if (!(stepsPerFrame > 0)) throw new Error(`Speed must be positive (got ${stepsPerFrame}).`);
      speed = stepsPerFrame;
      framesWaited = 0;
    },
    setHyper(partial) {
      const next = { ...hyper, ...partial };
      checkHyperparameters(next);
      const rebuild = next.learningRate !== hyper.learningRate || next.optimizer !== hyper.optimizer;
      hyper = next;
      // Safe between ticks: steps run synchronously, so no step is ever half-way through here.
      if (rebuild && status !== 'disposed') {
        optimizer.dispose();
        optimizer = createOptimizer(hyper);
      }
    },
    setData(dataset) {
      if (status === 'disposed') return Promise.resolve();
      return exclusive(async () => {
        data = dataset;
        const epoch = batcher.position.epoch;
        batcher.dispose();
        batcher = createBatcher(data, seed, { epoch, cursor: 0, batchInEpoch: 0 });
        await readAndEmit([], { fullLoss: true });
      });
    },
    setWeights(arrays) {
      if (status === 'disposed') return Promise.resolve();
      return exclusive(async () => {
        writeWeights(model, arrays);
        // Momentum or Adam state built up for the old weights means nothing for hand-set ones.
        optimizer.dispose();
        optimizer = createOptimizer(hyper);
        await readAndEmit([], { fullLoss: true });
      });
    },
    subscribe: (listener) => channel.subscribe(listener),
    dispose() {
      if (status === 'disposed') return;
      gen++;
      stopTicking();
      unsubscribeBackend?.();
      safely(() => model.dispose());
      safely(() => optimizer.dispose());
      safely(() => batcher.dispose());
      setStatus('disposed');
    },
  };
  return trainer;
}
