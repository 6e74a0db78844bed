/**
 * A fused small-network kernel: the whole forward pass, backward pass and optimiser update of a small fully
 * connected network, written as plain loops over one flat Float64Array of parameters.
 *
 * Why: for the playground-sized nets of the training lab (a few dozen to a few hundred weights, batches of
 * 10) every TF.js op costs far more in dispatch than in arithmetic. Measured here on TF.js 4.22 for a
 * 7-8-8-1 tanh net at batch 10, one optimiser step takes ~1 ms on `cpu` and `wasm` and ~30 ms on the software
 * GPUs, while this kernel takes a few microseconds (see ARCHITECTURE.md, "The lab's fused kernel").
 *
 * It computes exactly what TF.js computes for the same model — `toTfModel` (tfModel.ts) builds that model
 * — and fastMlp.test.ts checks its losses, gradients (with L1/L2 penalties) and optimiser updates against
 * TF.js's own (`tf.variableGrads`, `tf.train.*`) on every activation and head.
 *
 * Layout, as `createMlp` makes its variables: [W1, b1, W2, b2, …], W of shape [in, out] row-major (W[i·out + j]
 * joins input i to unit j), all packed one after another in `params`.
 */
import { MOMENTUM } from '../optimizers';
import type { Rng } from '../rng';
import type { OptimizerName } from '../types';

/** A hidden layer's activation. */
export type FastActivation = 'relu' | 'tanh' | 'sigmoid' | 'linear';

/**
 * The output layer and its loss:
 * - 'sigmoid': one probability per output, binary cross-entropy (labels 0/1);
 * - 'softmax': a probability per class, categorical cross-entropy (one-hot labels);
 * - 'linear': a real number per output, mean squared error (regression).
 */
export type FastHead = 'sigmoid' | 'softmax' | 'linear';

/** A network's shape. */
export interface FastMlpSpec {
  /** Units per layer, input first: [2, 8, 8, 1]. */
  sizes: number[];
  /** One activation per hidden layer (sizes.length − 2 of them). */
  activations: FastActivation[];
  head: FastHead;
}

/** A weight penalty added to the loss, as TF.js's regularizers define it: l1 = rate·Σ|w|, l2 = rate·Σw². Biases are not penalised. */
export interface WeightPenalty {
  kind: 'none' | 'l1' | 'l2';
  rate: number;
}

/** No penalty. */
export const NO_PENALTY: WeightPenalty = { kind: 'none', rate: 0 };

/** Where one layer's weights and biases sit in `params`. */
export interface LayerSlot {
  fanIn: number;
  units: number;
  /** Offset of W (fanIn × units values). */
  w: number;
  /** Offset of b (units values). */
  b: number;
}

/** A network over a flat parameter array; see the module comment. */
export interface FastMlp {
  readonly spec: FastMlpSpec;
  /** Every weight and bias, layer by layer. */
  readonly params: Float64Array;
  readonly slots: readonly LayerSlot[];
  /**
   * The gradient of (mean data loss + penalty) over the rows `rows[start … start + count)` of (xs, ys) (all rows
   * in order when `rows` is null), written into `grad`. Returns the batch's mean data loss (penalty excluded, as
   * the loss charts show it).
   */
  gradient(xs: Float32Array, ys: Float32Array, rows: Int32Array | null, start: number, count: number, penalty: WeightPenalty, grad: Float64Array): number;
  /** Mean data loss over all n rows. */
  loss(xs: Float32Array, ys: Float32Array, n: number): number;
  /** The penalty's value for the current weights. */
  penaltyValue(penalty: WeightPenalty): number;
  /** Every layer's activations for n inputs: one [n, units] array per layer after the input, the last being the output (after its head). */
  layerOutputs(xs: Float32Array, n: number): Float32Array[];
  /** The output layer only, [n, outputs]. */
  predict(xs: Float32Array, n: number): Float32Array;
  /** The parameters as [W1, b1, W2, b2, …] Float32Array copies (the Trainer's snapshot layout). */
  weights(): Float32Array[];
  /** Writes parameters given as [W1, b1, …]; throws if the shapes do not match. */
  setWeights(arrays: readonly ArrayLike<number>[]): void;
}

/** Checks a spec, with messages a reader of the lab could act on. */
export function checkSpec(spec: FastMlpSpec): void {
  const { sizes, activations } = spec;
  if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new Error(`A network needs an input and an output size, all whole and positive (got [${sizes.join(', ')}]).`);
  }
  if (activations.length !== sizes.length - 2) {
    throw new Error(`Expected one activation per hidden layer (${sizes.length - 2}), got ${activations.length}.`);
  }
  if (spec.head === 'softmax' && sizes[sizes.length - 1]! < 2) throw new Error('A softmax output needs at least two classes.');
}

/** Parameter count of a spec: Σ (fanIn + 1)·units. */
export function paramCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += (sizes[l]! + 1) * sizes[l + 1]!;
  return n;
}

/**
 * Creates a network with the same initial weights `createMlp` draws from the same Rng: Glorot-uniform weights,
 * zero biases. So a seed gives the same starting point in the fused kernel and in TF.js.
 *
 * @example
 * const net = createFastMlp({ sizes: [2, 8, 8, 1], activations: ['tanh', 'tanh'], head: 'sigmoid' }, createRng(1));
 * const grad = new Float64Array(net.params.length);
 * const loss = net.gradient(data.xs, data.ys, null, 0, data.n, NO_PENALTY, grad);
 */
export function createFastMlp(spec: FastMlpSpec, rng: Rng): FastMlp {
  checkSpec(spec);
  const sizes = spec.sizes.slice();
  const L = sizes.length - 1; // layers with weights
  const slots: LayerSlot[] = [];
  let at = 0;
  for (let l = 0; l < L; l++) {
    const fanIn = sizes[l]!;
    const units = sizes[l + 1]!;
    slots.push({ fanIn, units, w: at, b: at + fanIn * units });
    at += (fanIn + 1) * units;
  }
  const params = new Float64Array(at);
  for (const s of slots) {
    const limit = Math.sqrt(6 / (s.fanIn + s.units));
    for (let i = 0; i < s.fanIn * s.units; i++) params[s.w + i] = (rng.next() * 2 - 1) * limit;
  }
  // Activation codes for the inner loops: 0 linear, 1 relu, 2 tanh, 3 sigmoid; the head has its own.
  const code = (a: FastActivation) => (a === 'linear' ? 0 : a === 'relu' ? 1 : a === 'tanh' ? 2 : 3);
  const acts = Int8Array.from(spec.activations.map(code));
  const head = spec.head;
  const outputs = sizes[L]!;

  // Work buffers, one per layer (index 0 is the input), reused for every example.
  const a = sizes.map((n) => new Float64Array(n));
  const delta = sizes.map((n) => new Float64Array(n));

  /** Forward pass of one example (row r of xs) into the buffers `a`; the last holds the LOGITS. */
  const forward = (xs: Float32Array, r: number) => {
    const a0 = a[0]!;
    const d0 = sizes[0]!;
    for (let i = 0; i < d0; i++) a0[i] = xs[r * d0 + i]!;
    for (let l = 0; l < L; l++) {
      const { fanIn, units, w, b } = slots[l]!;
      const prev = a[l]!;
      const out = a[l + 1]!;
      for (let j = 0; j < units; j++) out[j] = params[b + j]!;
      for (let i = 0; i < fanIn; i++) {
        const ai = prev[i]!;
        if (ai === 0) continue;
        const row = w + i * units;
        for (let j = 0; j < units; j++) out[j] = out[j]! + params[row + j]! * ai;
      }
      if (l + 1 < L) {
        const c = acts[l]!;
        if (c === 1) for (let j = 0; j < units; j++) out[j] = out[j]! > 0 ? out[j]! : 0;
        else if (c === 2) for (let j = 0; j < units; j++) out[j] = Math.tanh(out[j]!);
        else if (c === 3) for (let j = 0; j < units; j++) out[j] = 1 / (1 + Math.exp(-out[j]!));
      }
    }
  };

  /**
   * The loss of the example whose logits are in a[L], against row r of ys; writes dLoss/dlogits (unscaled:
   * per example, before the mean) into delta[L].
   */
  const headLoss = (ys: Float32Array, r: number, wantDelta: boolean): number => {
    const z = a[L]!;
    const d = delta[L]!;
    let loss = 0;
    if (head === 'sigmoid') {
      for (let k = 0; k < outputs; k++) {
        const zk = z[k]!;
        const y = ys[r * outputs + k]!;
        // The stable form createMlp uses: max(z, 0) − z·y + log(1 + e^−|z|).
        loss += (zk > 0 ? zk : 0) - zk * y + Math.log1p(Math.exp(-Math.abs(zk)));
        if (wantDelta) d[k] = 1 / (1 + Math.exp(-zk)) - y;
      }
      return loss / outputs;
    }
    if (head === 'softmax') {
      let max = -Infinity;
      for (let k = 0; k < outputs; k++) max = Math.max(max, z[k]!);
      let sum = 0;
      for (let k = 0; k < outputs; k++) sum += Math.exp(z[k]! - max);
      const logSum = Math.log(sum) + max;
      for (let k = 0; k < outputs; k++) {
        const y = ys[r * outputs + k]!;
        loss -= y * (z[k]! - logSum);
        if (wantDelta) d[k] = Math.exp(z[k]! - logSum) - y;
      }
      return loss;
    }
    for (let k = 0; k < outputs; k++) {
      const e = z[k]! - ys[r * outputs + k]!;
      loss += e * e;
      if (wantDelta) d[k] = 2 * e;
    }
    return loss / outputs;
  };

  const net: FastMlp = {
    spec: { sizes, activations: spec.activations.slice(), head },
    params,
    slots,
    gradient(xs, ys, rows, start, count, penalty, grad) {
      grad.fill(0);
      let total = 0;
      // The head's per-element mean (sigmoid and MSE average over outputs too, as tf.mean does).
      const headScale = head === 'softmax' ? 1 / count : 1 / (count * outputs);
      for (let e = 0; e < count; e++) {
        const r = rows ? rows[start + e]! : start + e;
        forward(xs, r);
        total += headLoss(ys, r, true);
        const dL = delta[L]!;
        for (let k = 0; k < outputs; k++) dL[k] = dL[k]! * headScale;
        for (let l = L - 1; l >= 0; l--) {
          const { fanIn, units, w, b } = slots[l]!;
          const prev = a[l]!;
          const dOut = delta[l + 1]!;
          for (let j = 0; j < units; j++) grad[b + j] = grad[b + j]! + dOut[j]!;
          const dIn = delta[l]!;
          const needIn = l > 0;
          for (let i = 0; i < fanIn; i++) {
            const ai = prev[i]!;
            const row = w + i * units;
            let back = 0;
            for (let j = 0; j < units; j++) {
              grad[row + j] = grad[row + j]! + ai * dOut[j]!;
              back += params[row + j]! * dOut[j]!;
            }
            if (needIn) dIn[i] = back;
          }
          if (needIn) {
            const c = acts[l - 1]!;
            if (c === 1) for (let i = 0; i < fanIn; i++) dIn[i] = prev[i]! > 0 ? dIn[i]! : 0;
            else if (c === 2) for (let i = 0; i < fanIn; i++) dIn[i] = dIn[i]! * (1 - prev[i]! * prev[i]!);
            else if (c === 3) for (let i = 0; i < fanIn; i++) dIn[i] = dIn[i]! * prev[i]! * (1 - prev[i]!);
          }
        }
      }
      if (penalty.kind !== 'none' && penalty.rate > 0) {
        const r = penalty.rate;
        for (const s of slots) {
          const end = s.w + s.fanIn * s.units;
          if (penalty.kind === 'l2') for (let i = s.w; i < end; i++) grad[i] = grad[i]! + 2 * r * params[i]!;
          else for (let i = s.w; i < end; i++) grad[i] = grad[i]! + r * Math.sign(params[i]!);
        }
      }
      return total / count;
    },
    loss(xs, ys, n) {
      let total = 0;
      for (let r = 0; r < n; r++) {
        forward(xs, r);
        total += headLoss(ys, r, false);
      }
      return n > 0 ? total / n : NaN;
    },
    penaltyValue(penalty) {
      if (penalty.kind === 'none') return 0;
      let s = 0;
      for (const slot of slots) {
        const end = slot.w + slot.fanIn * slot.units;
        for (let i = slot.w; i < end; i++) s += penalty.kind === 'l2' ? params[i]! * params[i]! : Math.abs(params[i]!);
      }
      return penalty.rate * s;
    },
    layerOutputs(xs, n) {
      const outs = slots.map((s) => new Float32Array(n * s.units));
      for (let r = 0; r < n; r++) {
        forward(xs, r);
        for (let l = 0; l < L; l++) {
          const units = slots[l]!.units;
          const src = a[l + 1]!;
          const dst = outs[l]!;
          for (let j = 0; j < units; j++) dst[r * units + j] = src[j]!;
        }
        applyHead(outs[L - 1]!, r * outputs, outputs, head);
      }
      return outs;
    },
    predict(xs, n) {
      const out = new Float32Array(n * outputs);
      const z = a[L]!;
      for (let r = 0; r < n; r++) {
        forward(xs, r);
        for (let k = 0; k < outputs; k++) out[r * outputs + k] = z[k]!;
        applyHead(out, r * outputs, outputs, head);
      }
      return out;
    },
    weights() {
      const out: Float32Array[] = [];
      for (const s of slots) out.push(Float32Array.from(params.subarray(s.w, s.b)), Float32Array.from(params.subarray(s.b, s.b + s.units)));
      return out;
    },
    setWeights(arrays) {
      if (arrays.length !== 2 * L) throw new Error(`Expected ${2 * L} weight arrays [W1, b1, …], got ${arrays.length}.`);
      slots.forEach((s, l) => {
        const w = arrays[2 * l]!;
        const b = arrays[2 * l + 1]!;
        if (w.length !== s.fanIn * s.units || b.length !== s.units) {
          throw new Error(`Layer ${l + 1} expects ${s.fanIn}×${s.units} weights and ${s.units} biases (got ${w.length} and ${b.length}).`);
        }
        for (let i = 0; i < w.length; i++) params[s.w + i] = w[i]!;
        for (let i = 0; i < b.length; i++) params[s.b + i] = b[i]!;
      });
    },
  };
  return net;
}

/** Turns logits at out[at … at + k) into the head's outputs, in place. */
function applyHead(out: Float32Array, at: number, k: number, head: FastHead) {
  if (head === 'sigmoid') for (let i = at; i < at + k; i++) out[i] = 1 / (1 + Math.exp(-out[i]!));
  else if (head === 'softmax') {
    let max = -Infinity;
    for (let i = at; i < at + k; i++) max = Math.max(max, out[i]!);
    let sum = 0;
    for (let i = at; i < at + k; i++) sum += Math.exp(out[i]! - max);
    for (let i = at; i < at + k; i++) out[i] = Math.exp(out[i]! - max) / sum;
  }
}

/** An optimiser over a flat parameter array, with the same update rules as TF.js's. */
export interface FastOptimizer {
  readonly kind: OptimizerName;
  /** One update with the given gradient; the learning rate may change between calls without losing state. */
  apply(params: Float64Array, grad: Float64Array, learningRate: number): void;
  /** Forgets momentum / Adam moments (after weights are set by hand). */
  reset(): void;
}

/** Adam's constants: TF.js's defaults (β1 0.9, β2 0.999, ε = the float32 backend's 1e-7). */
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/**
 * SGD (w −= lr·g), momentum (v = 0.9·v + g; w −= lr·v, TF.js's non-Nesterov form) or Adam (TF.js's form, with
 * bias correction), for `size` parameters.
 *
 * @example
 * const opt = createFastOptimizer('adam', net.params.length);
 * opt.apply(net.params, grad, 0.03);
 */
export function createFastOptimizer(kind: OptimizerName, size: number): FastOptimizer {
  const m = new Float64Array(kind === 'sgd' ? 0 : size);
  const v = new Float64Array(kind === 'adam' ? size : 0);
  let beta1Pow = ADAM.beta1;
  let beta2Pow = ADAM.beta2;
  return {
    kind,
    apply(params, grad, lr) {
      const n = params.length;
      if (kind === 'sgd') {
        for (let i = 0; i < n; i++) params[i] = params[i]! - lr * grad[i]!;
      } else if (kind === 'momentum') {
        for (let i = 0; i < n; i++) {
          m[i] = MOMENTUM * m[i]! + grad[i]!;
          params[i] = params[i]! - lr * m[i]!;
        }
      } else {
        const { beta1, beta2, epsilon } = ADAM;
        const c1 = 1 - beta1Pow;
        const c2 = 1 - beta2Pow;
        for (let i = 0; i < n; i++) {
          const g = grad[i]!;
          m[i] = beta1 * m[i]! + (1 - beta1) * g;
          v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
          params[i] = params[i]! - (lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + epsilon);
        }
        beta1Pow *= beta1;
        beta2Pow *= beta2;
      }
    },
    reset() {
      m.fill(0);
      v.fill(0);
      beta1Pow = ADAM.beta1;
      beta2Pow = ADAM.beta2;
    },
  };
}
