/**
 * What the sine lesson draws from a trained one-value-per-step RNN, in plain JavaScript: its one-step-ahead
 * predictions over an observed stretch of a series, then its own continuation, each prediction fed back in as the
 * next input (autoregressive).
 *
 *   observed  x₀ x₁ … x_{n−1}                   the model reads these
 *   oneStep      ŷ₁ ŷ₂ … ŷ_n                    ŷ_{t+1} = V h_t + c after reading x_t
 *   continued                ŷ_n ŷ_{n+1} …      after x_{n−1}: reads its own ŷ, predicts the next
 */
import { cellStep, readout, type CellWeights, type Readout } from './cells';

export interface Rollout {
  /** oneStep[t] is the prediction of value t + 1, made after reading the observed values 0 … t. */
  oneStep: Float32Array;
  /**
   * continued[k] is the prediction of value n + k. continued[0] equals oneStep[n − 1]; every later one is made
   * after reading the model's own previous prediction instead of a real value.
   */
  continued: Float32Array;
}

/**
 * One-step predictions over `observed`, then `horizon` values of the model's own continuation.
 *
 * @example
 * const { cell, out } = toCellWeights(spec, view.weights);
 * const { oneStep, continued } = rollout(cell, out, wave.values.subarray(0, 40), 40);
 */
export function rollout(cell: CellWeights, out: Readout, observed: ArrayLike<number>, horizon: number): Rollout {
  if (cell.inputSize !== 1 || out.bias.length !== 1) throw new Error('rollout needs a model that reads and predicts one value per step.');
  const n = observed.length;
  const oneStep = new Float32Array(n);
  const continued = new Float32Array(Math.max(0, horizon));
  let h: Float32Array | undefined;
  let next = NaN;
  for (let t = 0; t < n; t++) {
    h = cellStep(cell, [observed[t]!], h).h;
    next = readout(out, h)[0]!;
    oneStep[t] = next;
  }
  for (let k = 0; k < continued.length; k++) {
    continued[k] = next;
    if (k === continued.length - 1) break;
    h = cellStep(cell, [next], h).h;
    next = readout(out, h)[0]!;
  }
  return { oneStep, continued };
}
