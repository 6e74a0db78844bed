/**
 * One training step of a 2-2-1 network on ONE example, laid open for the backpropagation figure:
 *
 *   x (2) ─W (2×2), b─▶ z₁ = W x + b ─tanh─▶ h (2) ─v (2), c─▶ z₂ = v·h + c ─σ─▶ ŷ ─▶ L = (ŷ − y)²
 *
 * The forward values, the loss and every gradient come from TF.js (`tf.variableGrads`); the update is TF.js's own
 * SGD (`tf.train.sgd(η).applyGradients`). The local slopes of the chain rule (∂L/∂ŷ, σ′(z₂), 1 − h²) are also
 * computed by TF.js (`tf.grad` of the loss, of σ and of tanh), so every number the figure prints is TF.js's.
 */
import * as tf from '@tensorflow/tfjs';

/** The network's seven weights and biases, as plain numbers. `w[j][k]` is the weight from input k to hidden j. */
export interface BackpropParams {
  w: [[number, number], [number, number]];
  b: [number, number];
  v: [number, number];
  c: number;
}

/** Everything one step shows: forward values, loss, local slopes, gradients and the updated parameters. */
export interface BackpropStep {
  z1: [number, number];
  h: [number, number];
  z2: number;
  yhat: number;
  loss: number;
  /** Local slopes: ∂L/∂ŷ, σ′(z₂) = dŷ/dz₂, and tanh′(z₁ⱼ) = 1 − hⱼ². */
  dLdyhat: number;
  dyhatdz2: number;
  dhdz1: [number, number];
  /** Gradients of L from tf.variableGrads, shaped like the parameters. */
  grads: BackpropParams;
  /** The parameters after one SGD step, w ← w − η·∂L/∂w, done by tf.train.sgd. */
  next: BackpropParams;
}

/** The lesson's starting network: small, uneven weights so that every gradient is visibly different. */
export const BACKPROP_START: BackpropParams = {
  w: [
    [0.5, -0.4],
    [0.3, 0.8],
  ],
  b: [0.1, -0.2],
  v: [0.7, -0.6],
  c: 0.05,
};

/** tf.variable keeps its initial tensor alive; dispose it so nothing is left behind. */
function toVariable(t: tf.Tensor): tf.Variable {
  const v = tf.variable(t);
  t.dispose();
  return v;
}

const pair = (a: ArrayLike<number>, i: number): [number, number] => [a[i]!, a[i + 1]!];

/**
 * Runs the forward pass, the backward pass and one SGD update on the example (x, y); one awaited read.
 * Leaves no tensors behind.
 *
 * @example
 * const step = await backpropStep(BACKPROP_START, [1, 0.5], 1, 0.5);
 * step.grads.v[0]; // ∂L/∂v₁, from tf.variableGrads
 * step.next.v[0];  // v₁ − 0.5·∂L/∂v₁, from tf.train.sgd
 */
export async function backpropStep(p: BackpropParams, x: [number, number], y: number, lr: number): Promise<BackpropStep> {
  const W = toVariable(tf.tensor2d(p.w));
  const b = toVariable(tf.tensor1d(p.b));
  const v = toVariable(tf.tensor2d([[p.v[0]], [p.v[1]]]));
  const c = toVariable(tf.tensor1d([p.c]));
  const optimizer = tf.train.sgd(lr);
  const packed = tf.tidy(() => {
    const xs = tf.tensor2d([x], [1, 2]);
    const forward = () => {
      const z1 = tf.add(tf.matMul(xs, W, false, true), b); // [1, 2]
      const h = tf.tanh(z1);
      const z2 = tf.add(tf.matMul(h, v), c); // [1, 1]
      const yhat = tf.sigmoid(z2);
      return { z1, h, z2, yhat };
    };
    const lossOf = (yhat: tf.Tensor) => tf.sum(tf.square(tf.sub(yhat, y)));
    const f = forward();
    const { value, grads } = tf.variableGrads(() => lossOf(forward().yhat) as tf.Scalar, [W, b, v, c]);
    // Local slopes, each by TF.js's own autodiff of the one function it belongs to.
    const dLdyhat = tf.grad(lossOf)(f.yhat);
    const dyhatdz2 = tf.grad((z: tf.Tensor) => tf.sigmoid(z))(f.z2);
    const dhdz1 = tf.grad((z: tf.Tensor) => tf.tanh(z))(f.z1);
    const flat = [f.z1, f.h, f.z2, f.yhat, value, dLdyhat, dyhatdz2, dhdz1, grads[W.name]!, grads[b.name]!, grads[v.name]!, grads[c.name]!];
    const before = tf.concat(flat.map((t) => tf.reshape(t, [-1])));
    optimizer.applyGradients(grads);
    return tf.concat([before, tf.reshape(W, [-1]), b, tf.reshape(v, [-1]), c]);
  });
  const d = await packed.data();
  tf.dispose([packed, W, b, v, c]);
  optimizer.dispose();
  const params = (o: number): BackpropParams => ({ w: [pair(d, o), pair(d, o + 2)], b: pair(d, o + 4), v: pair(d, o + 6), c: d[o + 8]! });
  return {
    z1: pair(d, 0),
    h: pair(d, 2),
    z2: d[4]!,
    yhat: d[5]!,
    loss: d[6]!,
    dLdyhat: d[7]!,
    dyhatdz2: d[8]!,
    dhdz1: pair(d, 9),
    grads: params(11),
    next: params(20),
  };
}
