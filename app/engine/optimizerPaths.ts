/**
 * Optimizer paths on a 2D loss landscape: a point (x, y) is a TF.js variable, and TF.js's own optimizers
 * (tf.train.sgd, tf.train.momentum, tf.train.adam) minimise the landscape from a starting point. The path is the
 * sequence of points they visit, read back once at the end.
 */
import * as tf from '@tensorflow/tfjs';

export type PathOptimizer = 'sgd' | 'momentum' | 'adam';

/** The momentum coefficient the landscape figure uses (TF.js: v ← m·v + g, θ ← θ − η·v). */
export const PATH_MOMENTUM = 0.9;

/** The lesson's landscape: a long valley tilted by 30°, 30 times steeper across than along, minimum at (1, 0.5). */
export const VALLEY = {
  min: [1, 0.5] as const,
  angle: Math.PI / 6,
  along: 0.5,
  across: 15,
};

/**
 * The valley's height at (x, y), in plain JavaScript (for drawing contours).
 *
 * @example
 * valleyLoss(1, 0.5); // 0, the minimum
 */
export function valleyLoss(x: number, y: number): number {
  const dx = x - VALLEY.min[0];
  const dy = y - VALLEY.min[1];
  const u = Math.cos(VALLEY.angle) * dx + Math.sin(VALLEY.angle) * dy;
  const w = -Math.sin(VALLEY.angle) * dx + Math.cos(VALLEY.angle) * dy;
  return 0.5 * (VALLEY.along * u * u + VALLEY.across * w * w);
}

/** The same valley as a TF.js function of a [2] tensor, which the optimizers differentiate. */
function valleyTf(p: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const d = tf.sub(p, tf.tensor1d([VALLEY.min[0], VALLEY.min[1]]));
    const cos = Math.cos(VALLEY.angle);
    const sin = Math.sin(VALLEY.angle);
    const rot = tf.tensor2d([
      [cos, -sin],
      [sin, cos],
    ]);
    const uw = tf.matMul(tf.reshape(d, [1, 2]), rot); // [u, w]
    const scale = tf.tensor2d([[VALLEY.along, VALLEY.across]]);
    return tf.mul(0.5, tf.sum(tf.mul(scale, tf.square(uw)))) as tf.Scalar;
  });
}

/**
 * Makes one of TF.js's optimizers with a learning rate.
 *
 * @example
 * const opt = makePathOptimizer('adam', 0.1); // tf.train.adam(0.1)
 */
export function makePathOptimizer(kind: PathOptimizer, lr: number): tf.Optimizer {
  if (kind === 'sgd') return tf.train.sgd(lr);
  if (kind === 'momentum') return tf.train.momentum(lr, PATH_MOMENTUM);
  return tf.train.adam(lr);
}

export interface OptimizerPath {
  /** x0, y0, x1, y1, … : the start and the point after each step, up to the first non-finite or far-away point. */
  points: Float32Array;
  /** The loss at each point of `points`. */
  losses: Float32Array;
  /** True when the path left the landscape (|x| or |y| above 1e3, or NaN): the learning rate is too large. */
  diverged: boolean;
}

/**
 * Runs `steps` steps of an optimizer on a loss of (x, y) from `start`, with a single read at the end.
 * `loss` defaults to the lesson's valley.
 *
 * @example
 * const { points } = await optimizerPath('momentum', 0.01, [-2, 1.5], 80);
 */
export async function optimizerPath(
  kind: PathOptimizer,
  lr: number,
  start: readonly [number, number],
  steps: number,
  loss: (p: tf.Tensor1D) => tf.Scalar = valleyTf,
): Promise<OptimizerPath> {
  const init = tf.tensor1d([start[0], start[1]]);
  const p = tf.variable(init);
  init.dispose(); // the variable keeps its own reference
  const optimizer = makePathOptimizer(kind, lr);
  const visited: tf.Tensor[] = [p.clone()];
  const losses: tf.Tensor[] = [];
  for (let i = 0; i < steps; i++) {
    // minimize returns the loss before the step, at the point visited last.
    const l = optimizer.minimize(() => loss(p), true);
    if (l) losses.push(l);
    visited.push(p.clone());
  }
  losses.push(tf.tidy(() => loss(p)));
  const stacked = tf.tidy(() => tf.concat([tf.stack(visited).reshape([-1]), tf.stack(losses).reshape([-1])]));
  const all = (await stacked.data()) as Float32Array;
  tf.dispose([stacked, p, ...visited, ...losses]);
  optimizer.dispose();
  const n = steps + 1;
  let keep = n;
  for (let i = 0; i < n; i++) {
    const x = all[2 * i]!;
    const y = all[2 * i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 1e3 || Math.abs(y) > 1e3) {
      keep = i;
      break;
    }
  }
  return {
    points: all.slice(0, 2 * keep),
    losses: all.slice(2 * n, 2 * n + keep),
    diverged: keep < n,
  };
}
