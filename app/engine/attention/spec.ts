/**
 * A transformer's shape, and where each of its weights sits in the list of variables, TF-free so the page can
 * read the numbers a view carries (the TF.js model is in transformerModel.ts, the plain-JS forward pass in
 * forward.ts; a unit test proves them equal).
 *
 *   tokens (one-hot) ─► ·E + positions ─► [ x + MHA(LN₁(x)) ─► x + MLP(LN₂(x)) ] × layers ─► LN_f ─► ·W_out + b_out
 *
 * The block is "pre-norm", as in GPT-2: each sub-layer reads a layer-normalised copy of the residual stream and
 * adds its result back to it. The MLP is ReLU(x·W₁ + b₁)·W₂ + b₂. Queries, keys and values have no bias.
 */

export type PositionKind = 'sinusoidal' | 'learned' | 'none';

export interface TransformerSpec {
  cell: 'transformer';
  /** One-hot width of a token (the vocabulary size). */
  inputSize: number;
  /** Classes per prediction. */
  outputSize: number;
  /** Most positions a sequence can have (rows of the learned position table). */
  length: number;
  dModel: number;
  heads: number;
  layers: number;
  /** Width of the MLP's hidden layer. */
  ffn: number;
  positions: PositionKind;
  /** Each position attends only to itself and earlier ones (a language model). */
  causal: boolean;
  /** 'every': a prediction at every position; 'last': one, from the last position. */
  readout: 'every' | 'last';
  loss: 'softmax';
}

/** Layer norm's ε (as in PyTorch and Keras's LayerNormalization). */
export const LAYER_NORM_EPSILON = 1e-5;

/** The additive score of a masked (future) position: exp of it is exactly 0 in float32. */
export const MASKED_SCORE = -1e9;

/** One block's weights, in the order they appear in the variable list. */
export const BLOCK_PARTS = ['ln1Gain', 'ln1Bias', 'wq', 'wk', 'wv', 'wo', 'ln2Gain', 'ln2Bias', 'w1', 'b1', 'w2', 'b2'] as const;
export type BlockPart = (typeof BLOCK_PARTS)[number];

export type BlockWeights = Record<BlockPart, Float32Array>;

export interface TransformerWeights {
  /** [inputSize, dModel]. */
  tokenEmbedding: Float32Array;
  /** [length, dModel], only for learned positions. */
  positionEmbedding: Float32Array | null;
  blocks: BlockWeights[];
  finalGain: Float32Array;
  finalBias: Float32Array;
  /** [dModel, outputSize]. */
  outKernel: Float32Array;
  outBias: Float32Array;
}

/** Every variable's name and shape, in order. */
export function variableShapes(spec: TransformerSpec): { name: string; shape: number[] }[] {
  const { inputSize: v, outputSize: o, length, dModel: d, ffn } = spec;
  const out: { name: string; shape: number[] }[] = [{ name: 'tokenEmbedding', shape: [v, d] }];
  if (spec.positions === 'learned') out.push({ name: 'positionEmbedding', shape: [length, d] });
  const block: Record<BlockPart, number[]> = {
    ln1Gain: [d], ln1Bias: [d], wq: [d, d], wk: [d, d], wv: [d, d], wo: [d, d],
    ln2Gain: [d], ln2Bias: [d], w1: [d, ffn], b1: [ffn], w2: [ffn, d], b2: [d],
  };
  for (let l = 0; l < spec.layers; l++) for (const part of BLOCK_PARTS) out.push({ name: `block${l}.${part}`, shape: block[part] });
  out.push({ name: 'finalGain', shape: [d] }, { name: 'finalBias', shape: [d] }, { name: 'outKernel', shape: [d, o] }, { name: 'outBias', shape: [o] });
  return out;
}

/**
 * Names the flat list of weights a view carries.
 *
 * @example
 * const { blocks } = toTransformerWeights(spec, view.weights); // blocks[0].wq is [dModel, dModel]
 */
export function toTransformerWeights(spec: TransformerSpec, weights: readonly Float32Array[]): TransformerWeights {
  const shapes = variableShapes(spec);
  if (weights.length !== shapes.length) throw new Error(`A transformer of this shape has ${shapes.length} weight arrays, not ${weights.length}.`);
  let i = 0;
  const next = () => weights[i++]!;
  const tokenEmbedding = next();
  const positionEmbedding = spec.positions === 'learned' ? next() : null;
  const blocks: BlockWeights[] = [];
  for (let l = 0; l < spec.layers; l++) {
    const b = {} as BlockWeights;
    for (const part of BLOCK_PARTS) b[part] = next();
    blocks.push(b);
  }
  return { tokenEmbedding, positionEmbedding, blocks, finalGain: next(), finalBias: next(), outKernel: next(), outBias: next() };
}

/** Each head's width. */
export const headSize = (spec: Pick<TransformerSpec, 'dModel' | 'heads'>) => spec.dModel / spec.heads;
