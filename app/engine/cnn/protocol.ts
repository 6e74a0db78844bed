/**
 * The messages between the page and the image-model session (in a Web Worker, or in the page as a fallback).
 * Plain objects and typed arrays only, so they cross a worker boundary by structured clone.
 */
import type { BackendChoice, BackendEvent, BackendName, Hyperparameters, TrainerStatus } from '../types';

/** The new task of the transfer-learning comparison. */
export type TransferTask = 'clothes' | 'new-digits';

/** Which network a model is. */
export type ArchitectureId = 'cnn' | 'mlp';

export type SessionCommand =
  | { type: 'init'; datasetUrl: string; override: BackendName | null }
  | { type: 'create'; id: string; arch: ArchitectureId; hyper: Hyperparameters; seed: number; probe: number }
  | { type: 'play' | 'pause' | 'dispose'; id: string }
  | { type: 'step'; id: string; unit: 'batch' | 'epoch'; count?: number }
  | { type: 'speed'; id: string; stepsPerTick: number }
  | { type: 'reset'; id: string; seed?: number }
  | { type: 'hyper'; id: string; hyper: Partial<Hyperparameters> }
  /** Which test digit the feature maps show. */
  | { type: 'probe'; id: string; index: number }
  /** One 28 × 28 image (0 … 1) through the model: probabilities and every layer's maps. */
  | { type: 'classify'; id: string; request: number; pixels: Float32Array }
  /**
   * Transfer learning on a second image set: for each number of examples per class, the digit CNN `source`'s
   * frozen conv layers with a new head, against the same network from scratch.
   */
  | {
      type: 'transfer';
      request: number;
      /**
       * 'clothes': from the digit CNN `source` to the photos of clothes at `datasetUrl`. 'new-digits': from a CNN
       * the session trains on the digits 0–4 only, to the digits 5–9.
       */
      task: TransferTask;
      source: string;
      datasetUrl: string;
      perClass: number[];
      steps: number;
      seed: number;
    }
  /** Test hook: behave as if the GPU were lost. */
  | { type: 'simulateLoss' };

/** Everything a figure draws from, sent at most ten times a second while a model trains. */
export interface ModelView {
  step: number;
  epoch: number;
  batchInEpoch: number;
  batchesPerEpoch: number;
  /** Training examples seen so far. */
  examples: number;
  /** Seconds spent training (excluding pauses). */
  seconds: number;
  /** Training examples per second over the last few seconds. */
  examplesPerSecond: number;
  /** The latest batch loss. */
  loss: number;
  /** Batch losses since the previous view: step numbers and values. */
  newLosses: { steps: Float64Array; values: Float64Array };
  /** Every trainable variable, in model order (kernel, bias, kernel, bias…). */
  weights: Float32Array[];
  /** Every layer's output for the probe digit, in layer order; the last is the class probabilities. */
  maps: Float32Array[];
  /** Index (in the test set) of the probe digit. */
  probe: number;
}

/** A pass over the whole test set (and a fixed sample of the training set). */
export interface Evaluation {
  step: number;
  examples: number;
  seconds: number;
  testLoss: number;
  testAccuracy: number;
  trainLoss: number;
  trainAccuracy: number;
  /** confusion[true * 10 + predicted], counts over the test set. */
  confusion: Int32Array;
  /** The predicted class of every test digit. */
  predicted: Uint8Array;
  /** The probability the model gave each test digit's true class. */
  confidence: Float32Array;
}

export type SessionEvent =
  | { type: 'progress'; fraction: number }
  | { type: 'data'; trainCount: number; testCount: number; testLabels: Uint8Array; testPixels: Uint8Array }
  | { type: 'backend'; event: BackendEvent }
  | { type: 'ready'; choice: BackendChoice }
  | { type: 'error'; message: string; id?: string }
  | { type: 'created'; id: string }
  | { type: 'status'; id: string; status: TrainerStatus; message?: string }
  | { type: 'view'; id: string; view: ModelView }
  | { type: 'evaluation'; id: string; evaluation: Evaluation }
  | { type: 'classified'; id: string; request: number; probabilities: Float32Array; maps: Float32Array[] }
  | { type: 'transferData'; request: number; trainCount: number; testCount: number; samplePixels: Uint8Array; sampleLabels: Uint8Array }
  | { type: 'transferSource'; request: number; testAccuracy: number; seconds: number }
  | { type: 'transferResult'; request: number; perClass: number; mode: 'frozen' | 'random' | 'scratch'; accuracy: number; seconds: number }
  | { type: 'transferDone'; request: number }
  | { type: 'transferError'; request: number; message: string };
