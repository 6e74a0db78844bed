/**
 * The sequence lessons' three tasks, each as a model description and its data, in one place so the session, the
 * bench and the tests train exactly the same thing.
 *
 * | task | input per step | read-out | loss | model |
 * | --- | --- | --- | --- | --- |
 * | sine   | the wave's value            | every step: the next value      | mse     | 16 units |
 * | spell  | one of 27 characters        | every step: the next character | softmax | 64 units |
 * | recall | one of 8 letters            | after the last: the first      | softmax | 32 units |
 */
import { recallDataset, RECALL_KEYS, RECALL_SYMBOLS, sineDataset } from '../data/sequences';
import { WORD_ALPHABET, wordDataset, type WordList } from '../data/words';
import { mixSeed } from '../rng';
import type { Dataset, Hyperparameters } from '../types';
import type { CellKind } from './cells';
import type { RecurrentSpec } from './recurrentModel';

export type SeqTask = 'sine' | 'spell' | 'recall';

/** What to train: a task, a cell, and the task's own setting. */
export type SeqModelConfig =
  | { task: 'sine'; cell: CellKind; noise: number }
  | { task: 'spell'; cell: CellKind }
  | { task: 'recall'; cell: CellKind; length: number };

/** Time steps of a sine window. */
export const SINE_STEPS = 40;

/** The forget bias the recall LSTM starts with: σ(5) ≈ 0.993 of the cell kept per step. */
export const RECALL_FORGET_BIAS = 5;

export const DEFAULT_HYPER: Record<SeqTask, Hyperparameters> = {
  sine: { learningRate: 0.01, batchSize: 32, optimizer: 'adam' },
  spell: { learningRate: 0.01, batchSize: 32, optimizer: 'adam' },
  recall: { learningRate: 0.01, batchSize: 32, optimizer: 'adam' },
};

/**
 * The model a config trains.
 *
 * @example
 * createRecurrentModel(specFor({ task: 'recall', cell: 'lstm', length: 30 }), createRng(1));
 */
export function specFor(config: SeqModelConfig): RecurrentSpec {
  const { cell } = config;
  switch (config.task) {
    case 'sine':
      return { cell, units: 16, inputSize: 1, outputSize: 1, readout: 'every', loss: 'mse' };
    case 'spell':
      return { cell, units: 64, inputSize: WORD_ALPHABET.length, outputSize: WORD_ALPHABET.length, readout: 'every', loss: 'softmax' };
    case 'recall':
      return { cell, units: 32, inputSize: RECALL_SYMBOLS.length, outputSize: RECALL_KEYS, readout: 'last', loss: 'softmax', forgetBias: RECALL_FORGET_BIAS };
  }
}

/** Training and held-out data for a config (the word list is needed for 'spell'). */
export function dataFor(config: SeqModelConfig, seed: number, words?: WordList | null): { train: Dataset; heldOut: Dataset } {
  switch (config.task) {
    case 'sine':
      return {
        train: sineDataset({ n: 1024, steps: SINE_STEPS, noise: config.noise, seed }),
        heldOut: sineDataset({ n: 128, steps: SINE_STEPS, noise: config.noise, seed: mixSeed(seed, 1000) }),
      };
    case 'spell': {
      if (!words) throw new Error('The word list is not loaded.');
      return {
        train: wordDataset(words.words.slice(0, words.train), words.maxLength),
        heldOut: wordDataset(words.words.slice(words.train), words.maxLength),
      };
    }
    case 'recall':
      return {
        train: recallDataset({ n: 4096, length: config.length, seed }),
        heldOut: recallDataset({ n: 512, length: config.length, seed: mixSeed(seed, 1000) }),
      };
  }
}
