// The plain-JS cell the gate views show, against TF.js's own recurrent layers with the same weights; and the
// course's unrolled TF.js model against both.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { cellStep, createStepper, gateCount, readoutInto, readout, softmax, traceSequence, type CellKind, type CellWeights } from './cells';
import { createRecurrentModel, orthogonal, toCellWeights, type RecurrentSpec } from './recurrentModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function randomWeights(kind: CellKind, inputSize: number, units: number, seed: number): CellWeights {
  const rng = createRng(seed);
  const g = gateCount(kind);
  const fill = (n: number) => Float32Array.from({ length: n }, () => rng.normal(0, 0.5));
  return { kind, inputSize, units, kernel: fill(inputSize * g * units), recurrent: fill(units * g * units), bias: fill(g * units) };
}

function tfLayer(kind: CellKind, units: number) {
  const common = { units, returnSequences: true, returnState: true, activation: 'tanh' } as const;
  if (kind === 'rnn') return tf.layers.simpleRNN(common);
  if (kind === 'lstm') return tf.layers.lstm({ ...common, recurrentActivation: 'sigmoid' });
  return tf.layers.gru({ ...common, recurrentActivation: 'sigmoid' });
}

const KINDS: CellKind[] = ['rnn', 'lstm', 'gru'];

describe('traceSequence', () => {
  for (const kind of KINDS) {
    it(`equals tf.layers ${kind} for the same weights and input (hidden states${kind === 'lstm' ? ' and cell state' : ''})`, () => {
      const inputSize = 5;
      const units = 4;
      const steps = 6;
      const w = randomWeights(kind, inputSize, units, 7);
      const rng = createRng(3);
      const xs = Array.from({ length: steps }, () => Float32Array.from({ length: inputSize }, () => rng.normal()));
      const layer = tfLayer(kind, units);
      const input = tf.input({ shape: [steps, inputSize] });
      const outs = layer.apply(input) as tf.SymbolicTensor[];
      const model = tf.model({ inputs: input, outputs: outs });
      layer.setWeights([
        tf.tensor2d(w.kernel, [inputSize, gateCount(kind) * units]),
        tf.tensor2d(w.recurrent, [units, gateCount(kind) * units]),
        tf.tensor1d(w.bias),
      ]);
      const x = tf.tensor3d(Float32Array.from(xs.flatMap((v) => [...v])), [1, steps, inputSize]);
      const [seq, ...state] = model.predict(x) as tf.Tensor[];
      const theirs = seq!.dataSync();
      const mine = traceSequence(w, xs);
      for (let t = 0; t < steps; t++) {
        for (let j = 0; j < units; j++) expect(mine[t]!.h[j]).toBeCloseTo(theirs[t * units + j]!, 5);
      }
      if (kind === 'lstm') {
        const c = state[1]!.dataSync();
        for (let j = 0; j < units; j++) expect(mine[steps - 1]!.c![j]).toBeCloseTo(c[j]!, 5);
      }
      tf.dispose([x, seq!, ...state]);
      model.layers.forEach((l) => l.dispose());
    });
  }

  it('keeps each gate as input part + state part + bias → activation, and one-hot indices equal one-hot vectors', () => {
    const w = randomWeights('lstm', 6, 3, 11);
    const oneHot = (k: number) => Float32Array.from({ length: 6 }, (_, i) => (i === k ? 1 : 0));
    const a = traceSequence(w, [2, 5, 0]);
    const b = traceSequence(w, [oneHot(2), oneHot(5), oneHot(0)]);
    for (let t = 0; t < 3; t++) for (let j = 0; j < 3; j++) expect(a[t]!.h[j]).toBeCloseTo(b[t]!.h[j]!, 6);
    const f = a[1]!.gates.f!;
    const sum = f.fromInput[0]! + f.fromState[0]! + f.bias[0]!;
    expect(f.value[0]).toBeCloseTo(1 / (1 + Math.exp(-sum)), 6);
    // c = f ⊙ c₋ + i ⊙ g
    const { i, g } = a[1]!.gates;
    expect(a[1]!.c![0]).toBeCloseTo(f.value[0]! * a[0]!.c![0]! + i!.value[0]! * g!.value[0]!, 6);
    // The step function from a state continues the trace.
    const next = cellStep(w, 0, a[1]!.h, a[1]!.c);
    expect(Array.from(next.h)).toEqual(Array.from(a[2]!.h));
  });

  for (const kind of KINDS) {
    it(`the allocation-free ${kind} stepper (for sampling) computes what cellStep does`, () => {
      const w = randomWeights(kind, 6, 5, 13);
      const s = createStepper(w);
      const seq = [3, 0, 5, 5, 1];
      const trace = traceSequence(w, seq);
      seq.forEach((k, t) => {
        s.step(k);
        for (let j = 0; j < 5; j++) expect(s.h[j]).toBeCloseTo(trace[t]!.h[j]!, 6);
      });
      const out = { kernel: Float32Array.from({ length: 10 }, (_, i) => i / 10 - 0.5), bias: Float32Array.from([0.1, -0.2]) };
      const mine = readoutInto(out, s.h, new Float32Array(2));
      readout(out, trace[4]!.h).forEach((y, k) => expect(mine[k]).toBeCloseTo(y, 5));
      s.reset();
      s.step(3);
      trace[0]!.h.forEach((y, j) => expect(s.h[j]).toBeCloseTo(y, 6));
    });
  }

  it('softmax with a temperature: T = 1 is the plain softmax, low T sharpens, high T flattens', () => {
    const logits = [2, 1, 0];
    const plain = softmax(logits);
    expect(plain.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    expect(plain[0]).toBeCloseTo(Math.exp(2) / (Math.exp(2) + Math.exp(1) + 1), 6);
    expect(softmax(logits, 0.1)[0]).toBeGreaterThan(0.99);
    expect(softmax(logits, 10)[0]).toBeLessThan(0.4);
  });
});

describe('createRecurrentModel', () => {
  for (const kind of KINDS) {
    it(`predicts what the plain-JS ${kind} and its read-out compute from its own weights`, async () => {
      const spec: RecurrentSpec = { cell: kind, units: 4, inputSize: 3, outputSize: 2, readout: 'every', loss: 'mse' };
      const model = createRecurrentModel(spec, createRng(5));
      const rng = createRng(9);
      const steps = 5;
      const xs = Float32Array.from({ length: 2 * steps * 3 }, () => rng.normal());
      const pred = tf.tidy(() => model.predict(tf.tensor2d(xs, [2, steps * 3])));
      const values = await pred.data();
      const weights = await Promise.all(model.variables.map((v) => v.data() as Promise<Float32Array>));
      const { cell, out } = toCellWeights(spec, weights);
      for (let b = 0; b < 2; b++) {
        const seq = Array.from({ length: steps }, (_, t) => xs.subarray((b * steps + t) * 3, (b * steps + t + 1) * 3));
        traceSequence(cell, seq).forEach((s, t) => {
          const y = readout(out, s.h);
          for (let k = 0; k < 2; k++) expect(values[(b * steps + t) * 2 + k]).toBeCloseTo(y[k]!, 5);
        });
      }
      pred.dispose();
      model.dispose();
    });
  }

  it('starts the LSTM forget gate at 1 and the recurrent kernel orthonormal by rows', async () => {
    const model = createRecurrentModel({ cell: 'lstm', units: 3, inputSize: 2, outputSize: 2, readout: 'last', loss: 'softmax' }, createRng(1));
    expect(Array.from(await model.variables[2]!.data())).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    const q = orthogonal(createRng(2), 3, 12);
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        let dot = 0;
        for (let j = 0; j < 12; j++) dot += q[a * 12 + j]! * q[b * 12 + j]!;
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 5);
      }
    }
    model.dispose();
  });

  it('ignores all-zero target rows (padding) in the softmax loss', () => {
    const spec: RecurrentSpec = { cell: 'rnn', units: 3, inputSize: 2, outputSize: 2, readout: 'every', loss: 'softmax' };
    const model = createRecurrentModel(spec, createRng(4));
    const xs = tf.tensor2d([[1, 0, 0, 1, 1, 0]]);
    const padded = tf.tidy(() => model.loss(xs, tf.tensor2d([[0, 1, 0, 0, 0, 0]])).dataSync()[0]!);
    const logits = tf.tidy(() => model.predict(xs).dataSync());
    const first = softmax([logits[0]!, logits[1]!]);
    expect(padded).toBeCloseTo(-Math.log(first[1]!), 5);
    model.dispose();
  });

  it('measures the gradient at every hidden state as backpropagation through time does by hand', () => {
    // A plain RNN reading a sequence and classifying at the end: ∂L/∂h_T = (softmax − y)·Vᵀ, and
    // ∂L/∂h_{t−1} = (∂L/∂h_t ⊙ (1 − h_t²))·Uᵀ.
    const spec: RecurrentSpec = { cell: 'rnn', units: 4, inputSize: 3, outputSize: 3, readout: 'last', loss: 'softmax' };
    const model = createRecurrentModel(spec, createRng(8));
    const steps = 6;
    const seq = [0, 2, 1, 1, 0, 2];
    const xs = tf.tensor2d([seq.flatMap((k) => [0, 1, 2].map((i) => (i === k ? 1 : 0)))]);
    const ys = tf.tensor2d([[0, 1, 0]]);
    const norms = tf.tidy(() => model.stateGradientNorms(xs, ys).dataSync());
    const { cell, out } = toCellWeights(spec, model.variables.map((v) => v.dataSync() as Float32Array));
    const trace = traceSequence(cell, seq);
    const p = softmax(readout(out, trace[steps - 1]!.h));
    let grad = Array.from({ length: 4 }, (_, k) => [0, 1, 2].reduce((s, j) => s + (p[j]! - (j === 1 ? 1 : 0)) * out.kernel[k * 3 + j]!, 0));
    const expected: number[] = [];
    for (let t = steps - 1; t >= 0; t--) {
      expected[t] = Math.hypot(...grad);
      const h = trace[t]!.h;
      const back = grad.map((g, j) => g * (1 - h[j]! * h[j]!));
      grad = Array.from({ length: 4 }, (_, k) => back.reduce((s, b, j) => s + b * cell.recurrent[k * 4 + j]!, 0));
    }
    expect(norms.length).toBe(steps);
    for (let t = 0; t < steps; t++) expect(norms[t]).toBeCloseTo(expected[t]!, 5);
    model.dispose();
  });
});
