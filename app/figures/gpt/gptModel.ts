/**
 * The tiny GPT of "The transformer block and a tiny GPT", shared by the lesson's two figures: the trainer (which
 * owns the reader's layers, heads and seed choice, in its link) and the anatomy (which opens up the same live
 * model). The choice is a small store so both ask the sequence session for the same config, and so the same
 * live model.
 *
 *   GptTrainerFigure ──settings──► useGptChoice ──► useGptModel ◄── GptAnatomyFigure
 *                                                      └► useSeqModel('gpt', { task: 'gpt', layers, heads })
 */
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { TransformerSpec } from '../../engine/attention/spec';
import { readText } from '../../engine/data/words';
import { DEFAULT_HYPER } from '../../engine/seq/tasks';
import { existingSeqModel } from '../seq/sequenceModels';
import { useSeqModel } from '../seq/useSeqModel';

export const GPT_ID = 'gpt';
export const GPT_LESSON = 'transformer-block';
/** Letters a prompt may have: the model reads 10 positions, "." and 9 letters. */
export const PROMPT_LETTERS = 9;

export interface GptChoice {
  layers: number;
  heads: number;
  seed: number;
}

const existing = existingSeqModel(GPT_ID)?.config;
export const useGptChoice = create<GptChoice>()(() => ({
  layers: existing?.task === 'gpt' ? existing.layers : 2,
  heads: existing?.task === 'gpt' ? existing.heads : 4,
  seed: 1,
}));

/**
 * The live GPT, its slow state and commands: with the figure's own choice (the trainer, which shares it), or
 * with the shared one (the anatomy).
 *
 * @example
 * const { model, state, commands, phase } = useGptModel({ layers: 2, heads: 4, seed: 1 });
 */
export function useGptModel(own?: GptChoice) {
  const shared = useGptChoice(useShallow((s) => ({ layers: s.layers, heads: s.heads, seed: s.seed })));
  const { layers, heads, seed } = own ?? shared;
  const mine = own !== undefined;
  useEffect(() => {
    if (mine) useGptChoice.setState({ layers, heads, seed });
  }, [mine, layers, heads, seed]);
  const config = useMemo(() => ({ task: 'gpt' as const, cell: 'transformer' as const, layers, heads }), [layers, heads]);
  // A layers or heads choice that is still changing does not rebuild the model at every value.
  return useSeqModel(GPT_ID, { config, hyper: DEFAULT_HYPER.gpt, seed }, { recreateAfterMs: 150 });
}

/** What a typed prompt becomes for the GPT: its letters (at most 9) and the tokens "." + letters. */
export interface GptPrompt {
  text: string;
  /** Letter indices (1 … 26), at most PROMPT_LETTERS. */
  indices: number[];
  /** "." then the letters: what the model reads. */
  tokens: number[];
  /** Letters beyond the ninth, left out. */
  cut: string;
}

export function readPrompt(raw: string): GptPrompt {
  const read = readText(raw);
  const indices = read.indices.slice(0, PROMPT_LETTERS);
  return { text: read.text.slice(0, PROMPT_LETTERS), indices, tokens: [0, ...indices], cut: read.text.slice(PROMPT_LETTERS) };
}

/** A position's label: "." for the start, else its letter. */
export const tokenLabel = (token: number) => (token === 0 ? '.' : String.fromCharCode(96 + token));

export const isGptSpec = (spec: unknown): spec is TransformerSpec => (spec as TransformerSpec | null)?.cell === 'transformer';

export const useGptPromptMemo = (raw: string) => useMemo(() => readPrompt(raw), [raw]);
