/**
 * The sequence lessons' three tasks, each as a model description and its data, in one place so the session, the
 * bench and the tests train exactly the same thing.
 *
 * | task | input per step | read-out | loss | model |
 * | --- | --- | --- | --- | --- |
 * | sine   | the wave's value            | every step: the next value      | mse     | 16 units |
 * | spell  | one of 27 characters        | every step: the next character | softmax | 64 units |
 * | recall | one of 8 letters            | after the last: the first      | softmax | 32 units |
 *
 * And the attention lessons' transformers (one-hot tokens in, softmax out):
 *
 * | task    | tokens               | read-out                            | model                                  |
 * | ---     | ---                  | ---                                 | ---                                    |
 * | reverse | 8 digits             | every position: the reversed digit  | 1 layer, d 32, 2 heads, not causal     |
 * | gpt     | a word, one per char | every position: the next character  | 2 layers, d 32, 2 or 4 heads, causal   |
 * | recall  | 8 letters            | after the last: the first           | 1 layer, d 32, 2 heads                 |
 */
import type { PositionKind, TransformerSpec } from '../attention/spec';
import { recallDataset, RECALL_KEYS, RECALL_SYMBOLS, REVERSE_LENGTH, REVERSE_SYMBOLS, reverseDataset, sequenceSet, sineDataset } from '../data/sequences';
import { WORD_ALPHABET, wordDataset, type WordList } from '../data/words';
import { mixSeed } from '../rng';
import type { Dataset, Hyperparameters } from '../types';
import type { CellKind } from './cells';
import type { RecurrentSpec } from './recurrentModel';

export type SeqTask = 'sine' | 'spell' | 'recall' | 'reverse' | 'gpt';

/** What to train: a task, a cell (or a transformer), and the task's own setting. */
export type SeqModelConfig =
  | { task: 'sine'; cell: CellKind; noise: number }
  | { task: 'spell'; cell: CellKind }
  | { task: 'recall'; cell: CellKind | 'transformer'; length: number }
  | { task: 'reverse'; cell: 'transformer'; positions: PositionKind; heads: number }
  | { task: 'gpt'; cell: 'transformer'; layers: number; heads: number };

/** Any model the session trains. */
export type SeqSpec = RecurrentSpec | TransformerSpec;

export const isTransformer = (spec: SeqSpec): spec is TransformerSpec => spec.cell === 'transformer';

/** The transformers' width. */
export const TRANSFORMER_D = 32;

/** Positions of a word for the spelling models: the start mark and up to 9 letters. */
export const WORD_STEPS = 10;

/**
 * Training time between two held-out evaluations, per task (default 2 s). The reversal model learns in seconds:
 * its accuracy is measured four times as often, so the chart shows the climb.
 */
export const EVAL_EVERY_MS: Partial<Record<SeqTask, number>> = { reverse: 500 };

/** Time steps of a sine window. */
export const SINE_STEPS = 40;

/** The forget bias the recall LSTM starts with: σ(5) ≈ 0.993 of the cell kept per step. */
export const RECALL_FORGET_BIAS = 5;

export const DEFAULT_HYPER: Record<SeqTask, Hyperparameters> = {
  sine: { learningRate: 0.01, batchSize: 32, optimizer: 'adam' },
  spell: { learningRate: 0.01, batchSize: 32, optimizer: 'adam' },
  recall: { learningRate: 0.01, batchSize: 32, optimizer: 'adam' },
  reverse: { learningRate: 0.002, batchSize: 32, optimizer: 'adam' },
  gpt: { learningRate: 0.005, batchSize: 32, optimizer: 'adam' },
};

/**
 * The model a config trains.
 *
 * @example
 * createRecurrentModel(specFor({ task: 'recall', cell: 'lstm', length: 30 }), createRng(1));
 */
export function specFor(config: SeqModelConfig): SeqSpec {
  const d = TRANSFORMER_D;
  if (config.task === 'reverse') {
    const v = REVERSE_SYMBOLS.length;
    return { cell: 'transformer', inputSize: v, outputSize: v, length: REVERSE_LENGTH, dModel: d, heads: config.heads, layers: 1, ffn: 2 * d,
      positions: config.positions, causal: false, readout: 'every', loss: 'softmax' };
  }
  if (config.task === 'gpt') {
    const v = WORD_ALPHABET.length;
    return { cell: 'transformer', inputSize: v, outputSize: v, length: WORD_STEPS, dModel: d, heads: config.heads, layers: config.layers, ffn: 4 * d,
      positions: 'learned', causal: true, readout: 'every', loss: 'softmax' };
  }
  if (config.task === 'recall' && config.cell === 'transformer') {
    return { cell: 'transformer', inputSize: RECALL_SYMBOLS.length, outputSize: RECALL_KEYS, length: config.length, dModel: d, heads: 2, layers: 1,
      ffn: 2 * d, positions: 'learned', causal: false, readout: 'last', loss: 'softmax' };
  }
  const cell = config.cell as CellKind;
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
    case 'reverse': {
      const train = reverseDataset({ n: 4096, seed });
      return { train, heldOut: reverseDataset({ n: 512, seed: mixSeed(seed, 1000), exclude: sequenceSet(train) }) };
    }
    case 'gpt':
      return dataFor({ task: 'spell', cell: 'lstm' }, seed, words);
  }
}
