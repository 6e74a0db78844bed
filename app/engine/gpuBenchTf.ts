/**
 * The benchmark's TF.js side ("Why GPUs"): the `BenchDeps` that `runBench` drives, in the worker (or in Node's
 * tests on cpu). Inputs come from a fixed-seed generator, so every backend multiplies the same numbers.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from './backends/init';
import type { BenchDeps } from './gpuBench';
import { createRng } from './rng';
import type { BackendName } from './types';

function randomMatrix(rows: number, cols: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = rng.next() * 2 - 1;
  return out;
}

/** The MLP of the training-step timing: 784 → 128 (ReLU) → 10, softmax cross-entropy, batch 64, plain SGD. */
function createMlpStep() {
  const batch = 64;
  // Variables outlive tidy; the temporaries that made them do not.
  const { w1, b1, w2, b2, x } = tf.tidy(() => ({
    w1: tf.variable(tf.tensor2d(randomMatrix(784, 128, 11), [784, 128]).mul(0.05)),
    b1: tf.variable(tf.zeros([128])),
    w2: tf.variable(tf.tensor2d(randomMatrix(128, 10, 12), [128, 10]).mul(0.1)),
    b2: tf.variable(tf.zeros([10])),
    x: tf.tensor2d(randomMatrix(batch, 784, 13), [batch, 784]),
  }));
  const labels = new Int32Array(batch).map((_, i) => i % 10);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10));
  const optimizer = tf.train.sgd(0.01);
  return {
    async steps(count: number) {
      let loss: tf.Scalar | null = null;
      for (let s = 0; s < count; s++) {
        loss?.dispose();
        loss = optimizer.minimize(() => {
          const hidden = tf.relu(tf.add(tf.matMul(x, w1), b1));
          const logits = tf.add(tf.matMul(hidden, w2), b2);
          return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
        }, true);
      }
      if (loss) {
        await loss.data();
        loss.dispose();
      }
    },
    dispose() {
      [w1, b1, w2, b2, x, y].forEach((t) => t.dispose());
      optimizer.dispose();
    },
  };
}

/**
 * Real benchmark dependencies. WebGL and WebGPU normally hand tiny tensors to the CPU (PITFALLS); the benchmark
 * switches that off, so a "webgl" number is always the GPU's.
 *
 * @example
 * await runBench(createTfBenchDeps(), plan, post);
 */
export function createTfBenchDeps(init: (name: BackendName) => Promise<void> = (name) => initBackend(name)): BenchDeps {
  let inputs: { n: number; a: tf.Tensor2D; b: tf.Tensor2D } | null = null;
  let mlp: ReturnType<typeof createMlpStep> | null = null;

  const dropInputs = () => {
    inputs?.a.dispose();
    inputs?.b.dispose();
    inputs = null;
  };

  return {
    async start(name) {
      tf.env().set('WEBGL_CPU_FORWARD', false);
      if (name === 'webgpu') {
        // Only defined once the webgpu backend is registered, which initBackend does.
        await init(name);
        tf.env().set('WEBGPU_CPU_FORWARD', false);
        return;
      }
      await init(name);
    },
    async matMul(n, reps) {
      if (inputs?.n !== n) {
        dropInputs();
        inputs = { n, a: tf.tensor2d(randomMatrix(n, n, n), [n, n]), b: tf.tensor2d(randomMatrix(n, n, n + 1), [n, n]) };
      }
      const { a, b } = inputs;
      let c: tf.Tensor | null = null;
      for (let r = 0; r < reps; r++) {
        c?.dispose();
        c = tf.matMul(a, b);
      }
      // One awaited read at the end of the batch: the GPU's queue runs in order, so the last result's arrival
      // means every product of the batch is finished.
      if (c) {
        await c.data();
        c.dispose();
      }
    },
    async trainSteps(steps) {
      mlp ??= createMlpStep();
      await mlp.steps(steps);
    },
    stop() {
      dropInputs();
      mlp?.dispose();
      mlp = null;
    },
    now: () => performance.now(),
  };
}
