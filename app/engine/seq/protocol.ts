/**
 * The messages between the page and the sequence-model session (in a Web Worker, or in the page as a fallback).
 * Plain objects and typed arrays only, so they cross a worker boundary by structured clone.
 */
import type { BackendChoice, BackendEvent, BackendName, Hyperparameters, TrainerStatus } from '../types';
import type { SeqModelConfig, SeqSpec } from './tasks';

export type SeqCommand =
  | { type: 'init'; wordsUrl: string; override: BackendName | null }
  /** Creates (or replaces) model `id`: a fresh model of `config` from `seed`, paused. */
  | { type: 'create'; id: string; config: SeqModelConfig; hyper: Hyperparameters; seed: number }
  | { type: 'play' | 'pause' | 'dispose'; id: string }
  | { type: 'step'; id: string; unit: 'batch' | 'epoch'; count?: number }
  | { type: 'speed'; id: string; stepsPerTick: number }
  | { type: 'reset'; id: string; seed?: number }
  | { type: 'hyper'; id: string; hyper: Partial<Hyperparameters> }
  /** Test hook: behave as if the GPU were lost. */
  | { type: 'simulateLoss' };

/** What a figure draws from, sent at most ten times a second while a model trains. */
export interface SeqView {
  step: number;
  epoch: number;
  /** Training sequences seen so far. */
  examples: number;
  /** Seconds spent training (excluding pauses). */
  seconds: number;
  /** Milliseconds per training batch over the last few seconds (0 when paused). */
  msPerBatch: number;
  /** The latest batch loss. */
  loss: number;
  /** Batch losses since the previous view: step numbers and values. */
  newLosses: { steps: Float64Array; values: Float64Array };
  /**
   * A recurrent model's [kernel, recurrentKernel, bias, outKernel, outBias] (see recurrentModel.ts), or a
   * transformer's variables in the order of attention/spec.ts's `variableShapes`.
   */
  weights: Float32Array[];
}

/** The model on held-out data, every 2 s of training and on pause. */
export interface SeqEvaluation {
  step: number;
  seconds: number;
  examples: number;
  /** Mean loss on the held-out sequences. */
  loss: number;
  /**
   * Share of held-out sequences answered right (tasks with one answer per sequence; for the reversal task, every
   * position right), else null.
   */
  accuracy: number | null;
  /** Share of positions right (the reversal task), else null. */
  tokenAccuracy: number | null;
  /** ‖∂loss/∂h_t‖ for every step t, averaged over held-out sequences (tasks with one answer), else null. */
  gradNorms: Float32Array | null;
}

export type SeqEvent =
  | { type: 'progress'; fraction: number }
  | { type: 'words'; words: string[]; train: number; maxLength: number }
  | { type: 'backend'; event: BackendEvent }
  | { type: 'ready'; choice: BackendChoice }
  | { type: 'error'; message: string; id?: string }
  | { type: 'created'; id: string; spec: SeqSpec; config: SeqModelConfig }
  | { type: 'status'; id: string; status: TrainerStatus; message?: string }
  | { type: 'view'; id: string; view: SeqView }
  | { type: 'evaluation'; id: string; evaluation: SeqEvaluation };
