/**
 * The common activation functions as closed-form JavaScript, value and slope, so a figure can redraw them under
 * a dragging finger without a device round trip (and without loading TF.js). Their TF.js twins are in
 * activationsTf.ts; activations.test.ts proves the two agree: the JavaScript values against TF.js's ops, and the
 * JavaScript slopes against TF.js's own gradients (tf.grad), including TF.js's choice at the kinks.
 */
/** The activations with one number in and one number out. */
export type ScalarActivation = 'relu' | 'leaky-relu' | 'sigmoid' | 'tanh' | 'gelu';

/** The slope leaky ReLU keeps for negative inputs here. Libraries differ: PyTorch uses 0.01, TF.js 0.2. */
export const LEAKY_ALPHA = 0.1;

/**
 * The error function, Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7, under float32 rounding): the same
 * approximation TF.js's CPU kernel uses.
 */
function erf(x: number): number {
  const s = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return s * (1 - poly * Math.exp(-a * a));
}

const normalCdf = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
const normalPdf = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/**
 * f(x) for one number.
 *
 * @example
 * activationValue('relu', -2); // 0
 * activationValue('sigmoid', 0); // 0.5
 */
export function activationValue(name: ScalarActivation, x: number): number {
  switch (name) {
    case 'relu':
      return Math.max(0, x);
    case 'leaky-relu':
      return x > 0 ? x : LEAKY_ALPHA * x;
    case 'sigmoid':
      return sigmoid(x);
    case 'tanh':
      return Math.tanh(x);
    case 'gelu':
      return x * normalCdf(x);
  }
}

/**
 * The slope f′(x) for one number. At the kink of ReLU and leaky ReLU (x = 0) the slope is undefined; this returns
 * what TF.js's gradient uses there: the left-hand slope (0 for ReLU, α for leaky ReLU).
 *
 * @example
 * activationSlope('tanh', 0); // 1
 * activationSlope('relu', -3); // 0: a "dead" unit passes no gradient back
 */
export function activationSlope(name: ScalarActivation, x: number): number {
  switch (name) {
    case 'relu':
      return x > 0 ? 1 : 0;
    case 'leaky-relu':
      return x > 0 ? 1 : LEAKY_ALPHA;
    case 'sigmoid': {
      const s = sigmoid(x);
      return s * (1 - s);
    }
    case 'tanh': {
      const t = Math.tanh(x);
      return 1 - t * t;
    }
    case 'gelu':
      return normalCdf(x) + x * normalPdf(x);
  }
}

/** A sampled activation curve: n evenly spaced inputs from lo to hi, with values and slopes. */
export interface ActivationCurve {
  xs: Float32Array;
  ys: Float32Array;
  slopes: Float32Array;
}

/**
 * Samples f and f′ at n evenly spaced points of [lo, hi] (n ≥ 2).
 *
 * @example
 * const { xs, ys, slopes } = activationCurve('tanh', -4, 4, 201);
 */
export function activationCurve(name: ScalarActivation, lo: number, hi: number, n: number): ActivationCurve {
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  const slopes = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const x = lo + ((hi - lo) * i) / (n - 1);
    xs[i] = x;
    ys[i] = activationValue(name, x);
    slopes[i] = activationSlope(name, x);
  }
  return { xs, ys, slopes };
}

/**
 * Softmax with a temperature T: p_i = exp(z_i / T) / Σ_j exp(z_j / T). The probabilities are positive and sum
 * to 1; a small T sharpens them towards the largest z, a large T flattens them towards equal shares.
 *
 * @example
 * softmax([2, 1, 0]); // [0.665, 0.245, 0.090]
 */
export function softmax(z: readonly number[], temperature = 1): number[] {
  // Subtracting the largest score first changes nothing mathematically and keeps exp from overflowing.
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp((v - m) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * ∂p_i/∂z_j of {@link softmax}: p_i (δ_ij − p_j) / T. Raising one score raises its own probability and lowers
 * every other one.
 *
 * @example
 * softmaxSlope([0, 0], 0, 0); // 0.25: p₀ = 0.5, and 0.5 · (1 − 0.5) = 0.25
 */
export function softmaxSlope(z: readonly number[], i: number, j: number, temperature = 1): number {
  const p = softmax(z, temperature);
  const pi = p[i] ?? 0;
  const pj = p[j] ?? 0;
  return (pi * ((i === j ? 1 : 0) - pj)) / temperature;
}
