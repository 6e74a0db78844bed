/**
 * Trains a GAN live: k discriminator updates, then one generator update, over and over.
 *
 *   play() ─▶ scheduler tick ─▶ sub-steps until the frame budget or the speed cap ─▶ ONE awaited read ─▶ snapshot
 *                 ▲              (D update: real batch + fake batch → minimize L_D over D's variables;          │
 *                 │               G update: noise batch → minimize L_G over G's variables)                     │
 *                 └───────────────────────────── next tick (never overlapping) ◀───────────────────────────────┘
 *
 * The unit of work is a sub-step: one D update or one G update. In 'both' mode a round is k D updates and one G
 * update; 'd' trains only D, 'g' only G. Slow motion runs one sub-step at a time, at a readable pace, and says in
 * words what it did (a 'narration' event). Each read carries everything the figure draws: the losses of the
 * sub-steps, G applied to a fixed set of display noise (so the fake points move only when G learns), D's score
 * over a grid, the push on each fake point (−∂L_G/∂G(z)), G over a grid of noise, and D's scores.
 * Everything that touches the networks runs one at a time through a small lock; a generation counter drops
 * reads that a reset made stale.
 */
import * as tf from '@tensorflow/tfjs';
import { createChannel } from '../channel';
import { divergenceMessage, firstNonFinite } from '../readback';
import { createSeries, type Series } from '../ringBuffer';
import { createRng, mixSeed, type Rng } from '../rng';
import { createScheduler, type Scheduler } from '../scheduler';
import type { BackendManager, CalibrationWorkload } from '../types';
import { slicedWasserstein } from './distance';
import { noiseDim, noiseGrid, sampleDistribution, sampleNoise, type GanDistribution, type NoiseKind } from './distributions';
import { createGanNets, type GanActivation, type GanNets } from './ganModel';
import { discriminatorLoss, generatorLoss, type GeneratorLoss } from './losses';

export type GanOptimizer = 'sgd' | 'adam';
export type StepMode = 'both' | 'd' | 'g';
export type GanStatus = 'idle' | 'playing' | 'paused' | 'diverged' | 'disposed';

/** Everything that defines a GAN run. */
export interface GanConfig {
  distribution: GanDistribution;
  /** The reader's points for the 'drawn' distribution, flat [x0, y0, …]. */
  drawn?: Float32Array;
  noise: NoiseKind;
  gHidden: number[];
  dHidden: number[];
  activation: GanActivation;
  gLearningRate: number;
  dLearningRate: number;
  gOptimizer: GanOptimizer;
  dOptimizer: GanOptimizer;
  /** Adam's β₁ for both networks (0.9 is Adam's default; GANs often use 0.5). */
  beta1: number;
  /** Discriminator updates per generator update. */
  k: number;
  batchSize: number;
  loss: GeneratorLoss;
  seed: number;
}

/** What the figure draws from, read back after a tick. */
export interface GanSnapshot {
  /** Sub-steps done since reset (D updates + G updates). */
  updates: number;
  dUpdates: number;
  gUpdates: number;
  /** The last D and G losses (NaN before the first of each). */
  dLoss: number;
  gLoss: number;
  /** The real points shown (the pool the real batches come from), flat. */
  real: Float32Array;
  /** The display noise, flat (noiseDim numbers each), and G applied to it. */
  noise: Float32Array;
  fakes: Float32Array;
  /** −∂L_G/∂G(z) for each fake point: where G's loss pushes it. */
  push: Float32Array;
  /** D(x) = σ(ℓ) over a `heatResolution`² grid of [-1.25, 1.25]², rows from the bottom (y = −1.25) up. */
  heat: Float32Array;
  /** G over the noise grid (`manifoldSide`² points for 2-D noise, `manifoldSide` for 1-D), flat. */
  manifold: Float32Array;
  /** D's scores (probabilities) on the real points and on the fake points shown. */
  dReal: Float32Array;
  dFake: Float32Array;
  /** Sliced Wasserstein distance between the real points and the fakes shown (see distance.ts). */
  distance: number;
}

export type GanEvent =
  | { type: 'snapshot'; snapshot: GanSnapshot }
  | { type: 'status'; status: GanStatus; message?: string }
  | { type: 'narration'; text: string };

export interface GanTrainer {
  readonly status: GanStatus;
  readonly snapshot: GanSnapshot | null;
  readonly config: GanConfig;
  /** (update, loss) of every D update and every G update since reset. */
  readonly dLosses: Series;
  readonly gLosses: Series;
  readonly ready: Promise<void>;
  play(): void;
  pause(): void;
  /** Pauses, then runs `rounds` rounds of the current mode (a round: k D + 1 G, or one update in 'd'/'g'). */
  step(rounds?: number): Promise<void>;
  /** Rebuilds both networks (and the real points) from the config, merged with `changes`. */
  reset(changes?: Partial<GanConfig>): Promise<void>;
  /** Learning rates, optimizers, β₁, k, batch size and loss: take effect at the next sub-step, weights kept. */
  setHyper(changes: Partial<Pick<GanConfig, 'gLearningRate' | 'dLearningRate' | 'gOptimizer' | 'dOptimizer' | 'beta1' | 'k' | 'batchSize' | 'loss'>>): void;
  /** New real points (another distribution, or a new drawing), keeping both networks. */
  setReal(distribution: GanDistribution, drawn?: Float32Array): Promise<void>;
  setMode(mode: StepMode): void;
  readonly mode: StepMode;
  /** Rounds per frame while playing: Infinity fills the frame budget; below 1, one round every 1/speed frames. */
  setSpeed(roundsPerFrame: number): void;
  /** Slow motion: one sub-step every `ms` milliseconds, each narrated; null turns it off. */
  setSlowMotion(ms: number | null): void;
  subscribe(listener: (e: GanEvent) => void): () => void;
  dispose(): void;
}

export interface GanTrainerOptions {
  config: GanConfig;
  scheduler?: Scheduler;
  /** Milliseconds of sub-steps per tick before reading (default 8). */
  frameBudgetMs?: number;
  backend?: BackendManager;
}

/** Real points in the pool (and shown), fake points shown. */
export const GAN_POOL = 400;
export const GAN_DISPLAY = 400;
export const HEAT_RESOLUTION = 40;
export const HEAT_DOMAIN: [number, number] = [-1.25, 1.25];
export const MANIFOLD_SIDE = 13;
const MANIFOLD_LINE = 41;
/** While playing, the pictures are read back at most this often (the losses every tick). */
const FULL_READ_MS = 120;

/** The grid D is evaluated on for the heatmap, row-major from the bottom-left corner. */
export function heatGrid(res = HEAT_RESOLUTION, [lo, hi] = HEAT_DOMAIN): Float32Array {
  const out = new Float32Array(res * res * 2);
  for (let r = 0; r < res; r++) {
    for (let c = 0; c < res; c++) {
      out[2 * (r * res + c)] = lo + ((c + 0.5) / res) * (hi - lo);
      out[2 * (r * res + c) + 1] = lo + ((r + 0.5) / res) * (hi - lo);
    }
  }
  return out;
}

/**
 * Per point, the push G's loss gives it: −∂ℓ_G/∂x with ℓ_G(x) = −log D(x) (non-saturating) or log(1 − D(x))
 * (minimax), the loss of that one point. G moves its points along these arrows, through its own weights.
 *
 * @example
 * const arrows = tf.tidy(() => generatorPush(nets, points, 'nonsaturating')); // [n, 2]
 */
export function generatorPush(nets: Pick<GanNets, 'discriminate'>, points: tf.Tensor2D, loss: GeneratorLoss): tf.Tensor2D {
  return tf.tidy(() => {
    const perPoint = (x: tf.Tensor) => {
      const logits = nets.discriminate(x as tf.Tensor2D);
      return loss === 'nonsaturating' ? tf.sum(tf.softplus(tf.neg(logits))) : tf.neg(tf.sum(tf.softplus(logits)));
    };
    // Each point's loss depends only on that point, so the gradient of the sum is each point's own gradient.
    return tf.neg(tf.grad(perPoint)(points)) as tf.Tensor2D;
  });
}

function makeOptimizer(kind: GanOptimizer, lr: number, beta1: number): tf.Optimizer {
  return kind === 'adam' ? tf.train.adam(lr, beta1, 0.999) : tf.train.sgd(lr);
}

function checkConfig(c: GanConfig) {
  for (const [name, lr] of [['generator', c.gLearningRate], ['discriminator', c.dLearningRate]] as const) {
    if (!(lr > 0) || !Number.isFinite(lr)) throw new Error(`The ${name}'s learning rate must be a positive number (got ${lr}).`);
  }
  if (!Number.isInteger(c.k) || c.k < 1) throw new Error(`D's steps per G step must be a whole number of at least 1 (got ${c.k}).`);
  if (!Number.isInteger(c.batchSize) || c.batchSize < 1) throw new Error(`The batch size must be a whole number of at least 1 (got ${c.batchSize}).`);
  if (!(c.beta1 >= 0 && c.beta1 < 1)) throw new Error(`Adam's β₁ must be at least 0 and below 1 (got ${c.beta1}).`);
}

/**
 * Creates a GAN trainer on the current TF.js backend; `ready` resolves with the first snapshot (untrained nets).
 *
 * @example
 * const gan = createGanTrainer({ config: { ...GAN_DEFAULTS, distribution: 'ring' } });
 * gan.subscribe((e) => e.type === 'snapshot' && draw(e.snapshot));
 * gan.play();
 */
export function createGanTrainer(opts: GanTrainerOptions): GanTrainer {
  let config: GanConfig = { ...opts.config };
  checkConfig(config);
  // Training runs in its own task just after each frame, so it never adds to the frame's drawing.
  const scheduler = opts.scheduler ?? createScheduler({ afterFrame: true });
  const budget = opts.frameBudgetMs ?? 8;
  const channel = createChannel<GanEvent>();
  const dLosses = createSeries(5000);
  const gLosses = createSeries(5000);
  const heat = tf.tensor2d(heatGrid(), [HEAT_RESOLUTION * HEAT_RESOLUTION, 2]);

  let status: GanStatus = 'idle';
  let snapshot: GanSnapshot | null = null;
  let mode: StepMode = 'both';
  let speed = Infinity;
  let slowMs: number | null = null;
  let framesWaited = 0;
  let lastSlow = 0;
  let lastFull = 0;

  // Per-run state, rebuilt by build().
  let nets!: GanNets;
  let dOpt!: tf.Optimizer;
  let gOpt!: tf.Optimizer;
  let batchRng!: Rng;
  let real!: Float32Array;
  let realT!: tf.Tensor2D;
  let noiseShown!: Float32Array;
  let noiseT!: tf.Tensor2D;
  let gridT!: tf.Tensor2D;
  let updates = 0;
  let dUpdates = 0;
  let gUpdates = 0;
  let phase = 0; // position in the round: 0 … k−1 are D updates, k is the G update
  let lastD = NaN;
  let lastG = NaN;

  let gen = 0;
  let lock: Promise<unknown> = Promise.resolve();
  let cancelTick: (() => void) | null = null;
  let ticking = false;

  const exclusive = (fn: () => Promise<void>): Promise<void> => {
    const run = lock.then(() => (status === 'disposed' ? undefined : fn()));
    lock = run.catch(() => undefined);
    return run;
  };
  const setStatus = (next: GanStatus, message?: string) => {
    if (next === status && message === undefined) return;
    status = next;
    channel.emit(message === undefined ? { type: 'status', status } : { type: 'status', status, message });
  };
  const safely = (fn: () => void) => {
    try {
      fn();
    } catch {
      /* tensors of a lost backend are gone either way */
    }
  };

  const setRealPoints = (distribution: GanDistribution, drawn?: Float32Array) => {
    real = sampleDistribution(distribution, GAN_POOL, createRng(mixSeed(config.seed, 2)), drawn);
    if (realT) safely(() => realT.dispose());
    realT = tf.tensor2d(real, [GAN_POOL, 2]);
  };

  const disposeRun = () => {
    safely(() => nets.dispose());
    safely(() => dOpt.dispose());
    safely(() => gOpt.dispose());
    safely(() => realT.dispose());
    safely(() => noiseT.dispose());
    safely(() => gridT.dispose());
  };

  const build = () => {
    const d = noiseDim(config.noise);
    nets = createGanNets({ noiseDim: d, gHidden: config.gHidden, dHidden: config.dHidden, activation: config.activation }, createRng(config.seed));
    dOpt = makeOptimizer(config.dOptimizer, config.dLearningRate, config.beta1);
    gOpt = makeOptimizer(config.gOptimizer, config.gLearningRate, config.beta1);
    batchRng = createRng(mixSeed(config.seed, 1));
    setRealPoints(config.distribution, config.drawn);
    noiseShown = sampleNoise(config.noise, GAN_DISPLAY, createRng(mixSeed(config.seed, 3)));
    noiseT = tf.tensor2d(noiseShown, [GAN_DISPLAY, d]);
    const grid = noiseGrid(config.noise, d === 2 ? MANIFOLD_SIDE : MANIFOLD_LINE);
    gridT = tf.tensor2d(grid, [grid.length / d, d]);
    updates = dUpdates = gUpdates = phase = 0;
    lastD = lastG = NaN;
    dLosses.clear();
    gLosses.clear();
  };
  build();

  const realBatch = (): tf.Tensor2D => {
    const n = config.batchSize;
    const xs = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) {
      const j = batchRng.int(GAN_POOL);
      xs[2 * i] = real[2 * j]!;
      xs[2 * i + 1] = real[2 * j + 1]!;
    }
    return tf.tensor2d(xs, [n, 2]);
  };
  const noiseBatch = (): tf.Tensor2D =>
    tf.tensor2d(sampleNoise(config.noise, config.batchSize, batchRng), [config.batchSize, noiseDim(config.noise)]);

  type Cost = { who: 'd' | 'g'; at: number; t: tf.Scalar };

  /** One sub-step of the current mode. */
  const subStep = (): Cost => {
    const dTurn = mode === 'd' || (mode === 'both' && phase < config.k);
    let t: tf.Scalar;
    if (dTurn) {
      t = tf.tidy(() => {
        const x = realBatch();
        const z = noiseBatch();
        // Only D's variables are updated: G's fakes are just data here.
        return dOpt.minimize(() => discriminatorLoss(nets.discriminate(x), nets.discriminate(nets.generate(z))), true, nets.dVariables) as tf.Scalar;
      });
      dUpdates++;
    } else {
      t = tf.tidy(() => {
        const z = noiseBatch();
        return gOpt.minimize(() => generatorLoss(nets.discriminate(nets.generate(z)), config.loss), true, nets.gVariables) as tf.Scalar;
      });
      gUpdates++;
    }
    updates++;
    if (mode === 'both') phase = (phase + 1) % (config.k + 1);
    return { who: dTurn ? 'd' : 'g', at: updates, t };
  };

  const subStepsPerRound = () => (mode === 'both' ? config.k + 1 : 1);

  /** Reads the sub-steps' losses; with `full` (at most every FULL_READ_MS while playing) everything drawn too. */
  const readAndEmit = async (costs: Cost[], full = true) => {
    if (!full) return readLosses(costs);
    lastFull = performance.now();
    const myGen = gen;
    const sizes: number[] = [];
    const packed = tf.tidy(() => {
      const fakes = nets.generate(noiseT);
      const parts: tf.Tensor[] = [
        ...costs.map((c) => tf.reshape(c.t, [1])),
        fakes,
        generatorPush(nets, fakes, config.loss),
        tf.sigmoid(nets.discriminate(heat)),
        nets.generate(gridT),
        tf.sigmoid(nets.discriminate(realT)),
        tf.sigmoid(nets.discriminate(fakes)),
      ];
      for (const p of parts) sizes.push(p.size);
      return tf.concat(parts.map((p) => tf.reshape(p, [-1])));
    });
    costs.forEach((c) => safely(() => c.t.dispose()));
    let flat: Float32Array;
    try {
      flat = (await packed.data()) as Float32Array;
    } finally {
      safely(() => packed.dispose());
    }
    if (myGen !== gen || status === 'disposed' || (opts.backend && !opts.backend.healthy())) return;
    let o = 0;
    const take = (n: number) => flat.slice(o, (o += n));
    const losses = take(costs.length);
    const [fakes, push, heatValues, manifold, dReal, dFake] = sizes.slice(costs.length).map(take) as Float32Array[];
    const bad = firstNonFinite(losses);
    const good = bad >= 0 ? bad : costs.length;
    for (let i = 0; i < good; i++) {
      const c = costs[i]!;
      (c.who === 'd' ? dLosses : gLosses).push(c.at, losses[i]!);
      if (c.who === 'd') lastD = losses[i]!;
      else lastG = losses[i]!;
    }
    const fakesOk = firstNonFinite(fakes!) < 0;
    snapshot = {
      updates,
      dUpdates,
      gUpdates,
      dLoss: lastD,
      gLoss: lastG,
      real,
      noise: noiseShown,
      fakes: fakes!,
      push: push!,
      heat: heatValues!,
      manifold: manifold!,
      dReal: dReal!,
      dFake: dFake!,
      distance: fakesOk ? slicedWasserstein(real, fakes!) : NaN,
    };
    channel.emit({ type: 'snapshot', snapshot });
    if (bad >= 0 || !fakesOk) {
      stopTicking();
      const c = costs[bad >= 0 ? bad : costs.length - 1];
      const lr = c?.who === 'g' ? config.gLearningRate : config.dLearningRate;
      setStatus('diverged', divergenceMessage(bad >= 0 ? 'loss' : 'weights', bad >= 0 ? losses[bad]! : NaN, c?.at ?? updates, lr));
      return;
    }
  };

  /** Between full reads: only the losses, one small read, so a tick stays short. */
  const readLosses = async (costs: Cost[]) => {
    const myGen = gen;
    const packed = tf.tidy(() => tf.concat(costs.map((c) => tf.reshape(c.t, [1]))));
    costs.forEach((c) => safely(() => c.t.dispose()));
    let losses: Float32Array;
    try {
      losses = (await packed.data()) as Float32Array;
    } finally {
      safely(() => packed.dispose());
    }
    if (myGen !== gen || status === 'disposed') return;
    const bad = firstNonFinite(losses);
    for (let i = 0; i < (bad >= 0 ? bad : costs.length); i++) {
      const c = costs[i]!;
      (c.who === 'd' ? dLosses : gLosses).push(c.at, losses[i]!);
      if (c.who === 'd') lastD = losses[i]!;
      else lastG = losses[i]!;
    }
    if (bad >= 0) {
      stopTicking();
      const c = costs[bad]!;
      setStatus('diverged', divergenceMessage('loss', losses[bad]!, c.at, c.who === 'g' ? config.gLearningRate : config.dLearningRate));
    }
  };

  const narrate = (who: 'd' | 'g'): string => {
    const s = snapshot;
    const n = config.batchSize;
    if (!s) return '';
    const mean = (a: Float32Array) => a.reduce((x, y) => x + y, 0) / Math.max(1, a.length);
    if (who === 'd') {
      return (
        `D looks at ${n} real and ${n} fake points and moves its boundary to tell them apart ` +
        `(D update ${s.dUpdates}). Now it rates real points ${Math.round(mean(s.dReal) * 100)}% real on average, ` +
        `fakes ${Math.round(mean(s.dFake) * 100)}%; its loss is ${s.dLoss.toFixed(3)}.`
      );
    }
    return (
      `G moves its ${n} points along the arrows, towards where D says "real" (G update ${s.gUpdates}). ` +
      `D now rates the fakes ${Math.round(mean(s.dFake) * 100)}% real on average; G's loss is ${s.gLoss.toFixed(3)}.`
    );
  };

  const runTick = async () => {
    const costs: Cost[] = [];
    if (slowMs !== null) {
      costs.push(subStep());
    } else {
      const cap = Number.isFinite(speed) ? Math.max(1, Math.floor(speed)) * subStepsPerRound() : Infinity;
      const t0 = performance.now();
      do costs.push(subStep());
      while (costs.length < cap && performance.now() - t0 < budget);
    }
    await readAndEmit(costs, slowMs !== null || performance.now() - lastFull >= FULL_READ_MS);
    if (slowMs !== null && status === 'playing') channel.emit({ type: 'narration', text: narrate(costs[0]!.who) });
  };

  const stopTicking = () => {
    cancelTick?.();
    cancelTick = null;
  };

  const scheduleTick = () => {
    if (status !== 'playing' || cancelTick || ticking) return;
    cancelTick = scheduler.next(() => {
      cancelTick = null;
      if (status !== 'playing') return;
      if (slowMs !== null) {
        if (performance.now() - lastSlow < slowMs) return scheduleTick();
        lastSlow = performance.now();
      } else if (speed < 1) {
        framesWaited++;
        if (framesWaited < Math.round(1 / speed)) return scheduleTick();
        framesWaited = 0;
      }
      const myGen = gen;
      ticking = true;
      exclusive(() => (status === 'playing' ? runTick() : Promise.resolve()))
        .catch((err: unknown) => {
          if (myGen !== gen) return;
          stopTicking();
          setStatus('paused', `Training stopped because of an error: ${err instanceof Error ? err.message : String(err)}`);
        })
        .finally(() => {
          ticking = false;
          scheduleTick();
        });
    });
  };

  const unsubscribeBackend = opts.backend?.subscribe((e) => {
    if (status === 'disposed') return;
    if (e.type === 'lost') {
      gen++;
      stopTicking();
      if (status === 'playing') setStatus('paused');
    } else if (e.type === 'ready' && e.choice.source === 'runtime-fallback') {
      // The networks were on the lost device: start again from the seed on the new backend.
      lock = Promise.resolve();
      void trainer.reset();
    }
  });

  const ready = exclusive(() => readAndEmit([]));
  ready.catch(() => undefined);

  const trainer: GanTrainer = {
    get status() {
      return status;
    },
    get snapshot() {
      return snapshot;
    },
    get config() {
      return { ...config };
    },
    get mode() {
      return mode;
    },
    dLosses,
    gLosses,
    ready,
    play() {
      if (status !== 'idle' && status !== 'paused') return;
      setStatus('playing');
      lastSlow = 0;
      scheduleTick();
    },
    pause() {
      if (status !== 'playing') return;
      stopTicking();
      setStatus('paused');
      // The last ticks may have read only losses: read the pictures once more so they match the counters.
      const myGen = gen;
      void exclusive(() => (myGen === gen ? readAndEmit([]) : Promise.resolve())).catch(() => undefined);
    },
    step(rounds = 1) {
      if (status === 'diverged' || status === 'disposed') return Promise.resolve();
      trainer.pause();
      return exclusive(async () => {
        const myGen = gen;
        let left = rounds * subStepsPerRound();
        let lastWho: 'd' | 'g' | null = null;
        // Chunks of one frame budget, yielding between them, so 50 rounds never block the page.
        do {
          const costs: Cost[] = [];
          const t0 = performance.now();
          while (left > 0 && performance.now() - t0 < budget) {
            costs.push(subStep());
            left--;
          }
          lastWho = costs[costs.length - 1]?.who ?? lastWho;
          await readAndEmit(costs, left === 0);
          if (left > 0) await new Promise<void>((r) => scheduler.next(r));
        } while (left > 0 && myGen === gen && status !== 'diverged' && status !== 'disposed');
        if (lastWho && status !== 'diverged') channel.emit({ type: 'narration', text: narrate(lastWho) });
        if (status === 'idle') setStatus('paused');
      });
    },
    reset(changes) {
      if (status === 'disposed') return Promise.resolve();
      const next = { ...config, ...changes };
      checkConfig(next);
      gen++;
      stopTicking();
      setStatus('idle');
      return exclusive(async () => {
        disposeRun();
        config = next;
        build();
        framesWaited = 0;
        await readAndEmit([]);
      });
    },
    setHyper(changes) {
      const next = { ...config, ...changes };
      checkConfig(next);
      const dNew = next.dOptimizer !== config.dOptimizer || next.dLearningRate !== config.dLearningRate || next.beta1 !== config.beta1;
      const gNew = next.gOptimizer !== config.gOptimizer || next.gLearningRate !== config.gLearningRate || next.beta1 !== config.beta1;
      if (next.k !== config.k) phase = Math.min(phase, next.k);
      config = next;
      if (status === 'disposed') return;
      // Safe between ticks: sub-steps run synchronously, so none is half-way through here.
      if (dNew) {
        dOpt.dispose();
        dOpt = makeOptimizer(config.dOptimizer, config.dLearningRate, config.beta1);
      }
      if (gNew) {
        gOpt.dispose();
        gOpt = makeOptimizer(config.gOptimizer, config.gLearningRate, config.beta1);
      }
    },
    setReal(distribution, drawn) {
      if (status === 'disposed') return Promise.resolve();
      return exclusive(async () => {
        // Checked before anything changes, so a bad drawing loses nothing.
        sampleDistribution(distribution, 1, createRng(1), drawn);
        config = { ...config, distribution, drawn };
        setRealPoints(distribution, drawn);
        await readAndEmit([]);
      });
    },
    setMode(next) {
      if (next !== mode && next === 'both') phase = 0;
      mode = next;
    },
    setSpeed(roundsPerFrame) {
      if (!(roundsPerFrame > 0)) throw new Error(`Speed must be positive (got ${roundsPerFrame}).`);
      speed = roundsPerFrame;
      framesWaited = 0;
    },
    setSlowMotion(ms) {
      slowMs = ms;
      lastSlow = 0;
    },
    subscribe: (listener) => channel.subscribe(listener),
    dispose() {
      if (status === 'disposed') return;
      gen++;
      stopTicking();
      unsubscribeBackend?.();
      disposeRun();
      safely(() => heat.dispose());
      setStatus('disposed');
    },
  };
  return trainer;
}

/** The lesson's starting point: the 8-Gaussian ring, small ReLU nets, Adam for both. */
export const GAN_DEFAULTS: GanConfig = {
  distribution: 'gaussians',
  noise: 'uniform2',
  gHidden: [32, 32],
  dHidden: [32, 32],
  activation: 'relu',
  gLearningRate: 0.002,
  dLearningRate: 0.002,
  gOptimizer: 'adam',
  dOptimizer: 'adam',
  beta1: 0.5,
  k: 1,
  batchSize: 64,
  loss: 'nonsaturating',
  seed: 1,
};

/**
 * One GAN round (a D update and a G update, the lesson's default networks) packaged for the backend manager's
 * calibration, so the backend is chosen on the work this lesson really does.
 *
 * @example
 * await getBackendManager().ensure({ workload: GAN_WORKLOAD });
 */
export const GAN_WORKLOAD: CalibrationWorkload = {
  key: 'gan-32x32-b64-v2',
  build() {
    // The same work as one round of the trainer, done synchronously so the calibration times it, not a queue.
    const c = GAN_DEFAULTS;
    const rng = createRng(c.seed);
    const nets = createGanNets({ noiseDim: 2, gHidden: c.gHidden, dHidden: c.dHidden, activation: c.activation }, rng);
    const dOpt = makeOptimizer('adam', c.dLearningRate, c.beta1);
    const gOpt = makeOptimizer('adam', c.gLearningRate, c.beta1);
    const real = sampleDistribution(c.distribution, GAN_POOL, rng);
    const batch = () => tf.tensor2d(sampleNoise('uniform2', c.batchSize, rng), [c.batchSize, 2]);
    return {
      step() {
        tf.tidy(() => {
          const x = tf.tensor2d(real.subarray(0, c.batchSize * 2), [c.batchSize, 2]);
          const z = batch();
          dOpt.minimize(() => discriminatorLoss(nets.discriminate(x), nets.discriminate(nets.generate(z))), false, nets.dVariables);
          gOpt.minimize(() => generatorLoss(nets.discriminate(nets.generate(batch())), c.loss), false, nets.gVariables);
        });
      },
      async read() {
        const packed = tf.tidy(() => tf.concat([...nets.gVariables, ...nets.dVariables].map((v) => tf.reshape(v, [-1]))));
        try {
          await packed.data();
        } finally {
          packed.dispose();
        }
      },
      dispose() {
        nets.dispose();
        dOpt.dispose();
        gOpt.dispose();
      },
    };
  },
};
