/**
 * A recurrent model's weights as the plain-JS cell and read-out, in a module of its own so the page can use it
 * without importing TF.js (recurrentModel.ts, which builds the TF.js model, re-exports it).
 */
import type { CellWeights, Readout } from './cells';
import type { SeqSpec } from './tasks';

/**
 * The model's weights (as read back by the Trainer, in variable order) as the plain-JS cell and read-out.
 *
 * @example
 * const { cell, out } = toCellWeights(spec, snapshot.weights);
 * const steps = traceSequence(cell, [1, 2, 3]);
 */
export function toCellWeights(spec: SeqSpec, weights: readonly Float32Array[]): { cell: CellWeights; out: Readout } {
  if (spec.cell === 'transformer') throw new Error('A transformer has no recurrent cell.');
  const [kernel, recurrent, bias, outKernel, outBias] = weights;
  if (!kernel || !recurrent || !bias || !outKernel || !outBias) throw new Error('A recurrent model has five weight arrays.');
  return {
    cell: { kind: spec.cell, inputSize: spec.inputSize, units: spec.units, kernel, recurrent, bias },
    out: { kernel: outKernel, bias: outBias },
  };
}
