import { createTransformerModel, type TransformerModel } from '../attention/transformerModel';
import type { Rng } from '../rng';
import { createRecurrentModel, type RecurrentModel } from './recurrentModel';
import { isTransformer, type SeqSpec } from './tasks';

export type SeqModel = RecurrentModel | TransformerModel;

/**
 * The TF.js model for any spec the sequence session trains: a recurrent network or a transformer.
 *
 * @example
 * const model = createSeqModel(specFor({ task: 'reverse', cell: 'transformer', positions: 'learned', heads: 2 }), createRng(1));
 */
export function createSeqModel(spec: SeqSpec, rng: Rng): SeqModel {
  return isTransformer(spec) ? createTransformerModel(spec, rng) : createRecurrentModel(spec, rng);
}
