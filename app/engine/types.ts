/**
 * The engine's public types. The engine is pure TypeScript over TF.js: no React, no d3, no zustand.
 * Tensors never leave it; it hands out Float32Arrays and plain objects.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Series } from './ringBuffer';
import type { Rng } from './rng';
import type { Scheduler } from './scheduler';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** What probing found about one backend before it was initialised. */
export interface BackendProbe {
  name: BackendName;
  /** The browser has what this backend needs (adapter, float32 render target, WebAssembly…). */
  available: boolean;
  /** A software GPU (SwiftShader, llvmpipe, a fallback adapter): ranked below wasm and cpu. */
  software: boolean;
  /** Human-readable detail: the adapter or renderer name, or why it is unavailable. */
  detail: string;
}

/** Which backend runs, and why: this is what the badge shows. */
export interface BackendChoice {
  name: BackendName;
  /** One sentence for the reader, e.g. "fastest for this model on this device (calibrated)". */
  reason: string;
  /** Backends tried before this one, in order, each with why it was not used. */
  skipped: { name: BackendName; why: string }[];
  /** How the choice was made. */
  source: 'override' | 'calibrated' | 'cached-calibration' | 'ranked' | 'runtime-fallback';
  /** ms per calibration step for each backend measured, when calibrated. */
  timings?: Partial<Record<BackendName, number>>;
}

/** A labelled dataset held as flat typed arrays (row-major). */
export interface Dataset {
  /** n × inputDim features. */
  xs: Float32Array;
  /** n × outputDim targets. */
  ys: Float32Array;
  n: number;
  inputDim: number;
  outputDim: number;
}

/**
 * A model the Trainer can train. It owns its tf.Variables; `loss` and `predict` are called inside tf.tidy.
 * Weights are created from the seeded Rng handed to its factory, never from unseeded TF.js randomness.
 */
export interface TrainableModel {
  readonly variables: tf.Variable[];
  loss(xs: tf.Tensor2D, ys: tf.Tensor2D): tf.Scalar;
  predict(xs: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

export type OptimizerName = 'sgd' | 'momentum' | 'adam';

export interface Hyperparameters {
  learningRate: number;
  batchSize: number;
  optimizer: OptimizerName;
}

export type TrainerStatus = 'idle' | 'playing' | 'paused' | 'diverged' | 'disposed';

/** What a figure draws from: everything read back from the device after a tick. */
export interface Snapshot {
  /** Optimisation steps (batches) taken since reset. */
  step: number;
  /** Whole epochs completed since reset. */
  epoch: number;
  /** Batches done in the current epoch, and batches per epoch. */
  batchInEpoch: number;
  batchesPerEpoch: number;
  /** Loss of the last batch of the tick (NaN before the first step). */
  loss: number;
  /** Every variable's values, in `model.variables` order. */
  weights: Float32Array[];
  /** Extra read-outs a figure asked for (e.g. a prediction grid for a heatmap), by name. */
  probes: Record<string, Float32Array>;
}

export type TrainerEvent =
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'status'; status: TrainerStatus; message?: string };

/**
 * A small piece of real work used to time backends against each other (calibration). `build` runs with the
 * backend under test already active; `step` should do one unit of work (e.g. one training step) and `read`, if
 * given, awaits a device read that depends on every step so far (timing ends with it).
 */
export interface CalibrationWorkload {
  /** Names the workload in the calibration cache, e.g. "mlp-2-8-8-1-b10". */
  key: string;
  build: () => { step(): void; read?(): Promise<void>; dispose(): void };
}

/** What the backend manager reports. */
export type BackendEvent =
  | { type: 'choosing' }
  | { type: 'ready'; choice: BackendChoice }
  | { type: 'lost'; name: BackendName; why: string };

/** Chooses, initialises and watches the TF.js backend; one per page (see getBackendManager). */
export interface BackendManager {
  /** Chooses and initialises a backend. Idempotent: concurrent and later calls share the first call's result. */
  ensure(opts?: { override?: BackendName | null; workload?: CalibrationWorkload }): Promise<BackendChoice>;
  readonly current: BackendChoice | null;
  subscribe(fn: (e: BackendEvent) => void): () => void;
  /** What each backend looked like before initialisation (cached after the first call). */
  probes(): Promise<BackendProbe[]>;
  /** Debug/test hook: loses TF.js's WebGL context or destroys its WebGPU device, as a GPU reset would. */
  simulateLoss(): void;
  /**
   * False once the current backend's device is known to be lost (a lost WebGL context is detectable at once,
   * before its event arrives). The trainer drops reads made after that moment: they may hold zeros.
   */
  healthy(): boolean;
}

/**
 * Options for {@link createTrainer}.
 *
 * @example
 * const opts: TrainerOptions = { build: () => createNeuron(p, 'sigmoid'), data, hyper, seed: 1 };
 */
export interface TrainerOptions {
  /** Builds the model; called with a fresh Rng seeded with the trainer's seed, on every reset. */
  build: (rng: Rng) => TrainableModel;
  data: Dataset;
  hyper: Hyperparameters;
  seed: number;
  /** Extra tensors to read back with every snapshot (computed inside tf.tidy), e.g. a heatmap grid. */
  probes?: (model: TrainableModel) => Record<string, tf.Tensor>;
  /** Milliseconds of stepping per tick before yielding (default 10, leaving room for drawing in a 16 ms frame). */
  frameBudgetMs?: number;
  /** Losses kept for the chart (default 5000 steps). */
  lossHistory?: number;
  scheduler?: Scheduler;
  /** When given, the trainer survives GPU loss by moving to the backend the manager falls back to. */
  backend?: BackendManager;
}

/**
 * A running (or paused) training session. See the module comment for the loop.
 *
 * @example
 * trainer.setSpeed(0.25); // one step every four frames
 * trainer.play();
 * await trainer.step('epoch'); // pauses, then finishes the current epoch
 */
export interface Trainer {
  readonly status: TrainerStatus;
  /** The latest read-back state; null until the first read after creation. */
  readonly snapshot: Snapshot | null;
  /** (step, loss) for every step since reset, oldest first (the last `lossHistory` of them). */
  readonly losses: Series;
  readonly hyper: Hyperparameters;
  readonly seed: number;
  readonly speed: number;
  /** Resolves once the first snapshot (the initial weights) has been read. */
  readonly ready: Promise<void>;
  play(): void;
  pause(): void;
  /** Pauses, then trains one batch, or to the end of the current epoch; resolves after its snapshot. */
  step(unit: 'batch' | 'epoch'): Promise<void>;
  /** Rebuilds the model from `seed` (default: the current seed): same seed, same initial weights. */
  reset(seed?: number): Promise<void>;
  /** Steps per frame: Infinity = as many as fit the frame budget; 0.25 = one step every 4 frames. */
  setSpeed(stepsPerFrame: number): void;
  /** Changes hyperparameters; a new learning rate or optimiser rebuilds the optimiser. */
  setHyper(partial: Partial<Hyperparameters>): void;
  /** Swaps the dataset, keeping the weights; the next batch starts a fresh pass over the new data. */
  setData(dataset: Dataset): Promise<void>;
  /** Writes the weights (e.g. from a slider), resets the optimiser's memory, and emits a snapshot. */
  setWeights(arrays: Float32Array[]): Promise<void>;
  subscribe(listener: (e: TrainerEvent) => void): () => void;
  dispose(): void;
}
