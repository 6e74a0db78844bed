/**
 * Multiplies out an MLP whose hidden layers are all linear: x·W₁ + b₁, then ·W₂ + b₂, … is one affine map
 * x·W + b. This is the algebra behind "stacked linear layers collapse to one": the figure uses it to draw the
 * single straight line such a network can have, and collapse.test.ts checks it against the TF.js model itself.
 */

/** One affine map from `inputs` numbers to `outputs` numbers: y = x·w + b, w row-major [inputs, outputs]. */
export interface AffineMap {
  w: Float64Array;
  b: Float64Array;
  inputs: number;
  outputs: number;
}

/**
 * Collapses the weights of an all-linear MLP (as read back from `createMlp`'s variables: [W₁, b₁, W₂, b₂, …],
 * each W row-major [in, out]) into one affine map of its output logits.
 *
 * @example
 * const { w, b } = collapseLinearMlp(snapshot.weights, [2, 8, 8, 8, 1]);
 * // the boundary z = 0 is the line w[0]·x₁ + w[1]·x₂ = −b[0]
 */
export function collapseLinearMlp(weights: ArrayLike<number>[], sizes: readonly number[]): AffineMap {
  if (weights.length !== 2 * (sizes.length - 1)) {
    throw new Error(`Expected ${2 * (sizes.length - 1)} weight arrays for sizes [${sizes}], got ${weights.length}.`);
  }
  const n = sizes[0] as number;
  // Start from the identity map on the inputs, then fold in one layer at a time.
  let w: Float64Array = new Float64Array(n * n);
  for (let i = 0; i < n; i++) w[i * n + i] = 1;
  let b: Float64Array = new Float64Array(n);
  let width = n;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const out = sizes[l + 1] as number;
    const W = weights[2 * l] as ArrayLike<number>;
    const bias = weights[2 * l + 1] as ArrayLike<number>;
    const nw = new Float64Array(n * out);
    const nb = new Float64Array(out);
    for (let j = 0; j < out; j++) {
      let s = bias[j] as number;
      for (let k = 0; k < width; k++) s += (b[k] as number) * (W[k * out + j] as number);
      nb[j] = s;
      for (let i = 0; i < n; i++) {
        let t = 0;
        for (let k = 0; k < width; k++) t += (w[i * width + k] as number) * (W[k * out + j] as number);
        nw[i * out + j] = t;
      }
    }
    w = nw;
    b = nb;
    width = out;
  }
  return { w, b, inputs: n, outputs: width };
}
