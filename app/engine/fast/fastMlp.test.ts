/**
 * The fused kernel must compute what TF.js computes: the same model built as a TF.js LayersModel (toTfModel)
 * gives the reference loss, gradients (tf.variableGrads) and optimiser updates (tf.train.*).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePoints2D } from '../data/points2d';
import { withFeatures } from '../data/features';
import { createMlp } from '../models/mlp';
import { createRng } from '../rng';
import type { Dataset, OptimizerName } from '../types';
import { readWeights } from '../weights';
import { createFastMlp, createFastOptimizer, paramCount, type FastMlpSpec, type WeightPenalty } from './fastMlp';
import { fromTfModel, tfCode, toTfModel } from './tfModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Random data of the right shape for a spec: inputs in [−1, 1], labels as the head expects. */
function dataFor(spec: FastMlpSpec, n: number, seed: number): Dataset {
  const rng = createRng(seed);
  const d = spec.sizes[0]!;
  const k = spec.sizes[spec.sizes.length - 1]!;
  const xs = Float32Array.from({ length: n * d }, () => rng.next() * 2 - 1);
  const ys = new Float32Array(n * k);
  for (let r = 0; r < n; r++) {
    if (spec.head === 'softmax') ys[r * k + rng.int(k)] = 1;
    else for (let c = 0; c < k; c++) ys[r * k + c] = spec.head === 'sigmoid' ? rng.int(2) : rng.next() * 2 - 1;
  }
  return { xs, ys, n, inputDim: d, outputDim: k };
}

/** The reference: TF.js's loss of the exported model, written from the layers' outputs. */
function tfLoss(model: tf.Sequential, spec: FastMlpSpec, data: Dataset, penalty: WeightPenalty): tf.Scalar {
  const x = tf.tensor2d(data.xs, [data.n, data.inputDim]);
  const y = tf.tensor2d(data.ys, [data.n, data.outputDim]);
  const p = model.apply(x) as tf.Tensor2D;
  let loss: tf.Scalar;
  if (spec.head === 'sigmoid') loss = tf.metrics.binaryCrossentropy(y, p).mean();
  else if (spec.head === 'softmax') loss = tf.mean(tf.neg(tf.sum(tf.mul(y, tf.log(p)), 1)));
  else loss = tf.mean(tf.squaredDifference(p, y));
  for (const layer of model.layers) {
    const kernel = layer.trainableWeights[0]!.read();
    if (penalty.kind === 'l2') loss = tf.add(loss, tf.mul(penalty.rate, tf.sum(tf.square(kernel))));
    if (penalty.kind === 'l1') loss = tf.add(loss, tf.mul(penalty.rate, tf.sum(tf.abs(kernel))));
  }
  return loss;
}

const CASES: { name: string; spec: FastMlpSpec; penalty: WeightPenalty }[] = [
  { name: 'tanh → sigmoid (BCE)', spec: { sizes: [2, 5, 4, 1], activations: ['tanh', 'tanh'], head: 'sigmoid' }, penalty: { kind: 'none', rate: 0 } },
  { name: 'relu → sigmoid with L2', spec: { sizes: [7, 8, 8, 1], activations: ['relu', 'relu'], head: 'sigmoid' }, penalty: { kind: 'l2', rate: 0.01 } },
  { name: 'sigmoid, linear → softmax (3 classes) with L1', spec: { sizes: [2, 6, 5, 3], activations: ['sigmoid', 'linear'], head: 'softmax' }, penalty: { kind: 'l1', rate: 0.003 } },
  { name: 'mixed per layer → linear (MSE, 2 outputs)', spec: { sizes: [3, 4, 4, 4, 2], activations: ['relu', 'tanh', 'sigmoid'], head: 'linear' }, penalty: { kind: 'l2', rate: 0.1 } },
  { name: 'no hidden layer (logistic regression)', spec: { sizes: [2, 1], activations: [], head: 'sigmoid' }, penalty: { kind: 'none', rate: 0 } },
];

describe('the fused kernel against TF.js', () => {
  for (const { name, spec, penalty } of CASES) {
    it(`${name}: same loss and same gradient for every weight and bias`, () => {
      const net = createFastMlp(spec, createRng(3));
      // Non-zero biases, so that bias gradients are exercised away from the initial point.
      const rng = createRng(4);
      for (const s of net.slots) for (let j = 0; j < s.units; j++) net.params[s.b + j] = rng.normal(0, 0.3);
      const data = dataFor(spec, 17, 5);
      const grad = new Float64Array(net.params.length);
      const loss = net.gradient(data.xs, data.ys, null, 0, data.n, penalty, grad);

      const model = toTfModel(spec, net.weights(), penalty);
      const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const { value, grads } = tf.variableGrads(() => tfLoss(model, spec, data, penalty), vars as tf.Variable[]);
      const expectedTotal = value.dataSync()[0]!;
      expect(loss + net.penaltyValue(penalty)).toBeCloseTo(expectedTotal, 5);
      expect(net.loss(data.xs, data.ys, data.n)).toBeCloseTo(loss, 10);
      const ours = net.slots.flatMap((s) => [grad.subarray(s.w, s.b), grad.subarray(s.b, s.b + s.units)]);
      vars.forEach((v, i) => {
        const theirs = grads[v.name]!.dataSync();
        expect(theirs.length).toBe(ours[i]!.length);
        for (let j = 0; j < theirs.length; j++) expect(ours[i]![j]!).toBeCloseTo(theirs[j]!, 5);
      });
      // Outputs agree too.
      const pred = net.predict(data.xs, data.n);
      const tfPred = (model.predict(tf.tensor2d(data.xs, [data.n, data.inputDim])) as tf.Tensor).dataSync();
      for (let j = 0; j < pred.length; j++) expect(pred[j]!).toBeCloseTo(tfPred[j]!, 5);
      model.dispose();
      tf.dispose([value, ...Object.values(grads)]);
    });
  }

  it('the gradient equals a central finite difference of the loss', () => {
    const spec: FastMlpSpec = { sizes: [2, 3, 3], activations: ['tanh'], head: 'softmax' };
    const net = createFastMlp(spec, createRng(9));
    const data = dataFor(spec, 8, 2);
    const penalty: WeightPenalty = { kind: 'l2', rate: 0.05 };
    const grad = new Float64Array(net.params.length);
    net.gradient(data.xs, data.ys, null, 0, data.n, penalty, grad);
    const total = () => net.loss(data.xs, data.ys, data.n) + net.penaltyValue(penalty);
    const h = 1e-6;
    for (let i = 0; i < net.params.length; i++) {
      const keep = net.params[i]!;
      net.params[i] = keep + h;
      const up = total();
      net.params[i] = keep - h;
      const down = total();
      net.params[i] = keep;
      expect(grad[i]!).toBeCloseTo((up - down) / (2 * h), 6);
    }
  });

  it('layerOutputs gives every layer, the last equal to predict', () => {
    const spec: FastMlpSpec = { sizes: [2, 4, 3, 3], activations: ['relu', 'tanh'], head: 'softmax' };
    const net = createFastMlp(spec, createRng(1));
    const data = dataFor(spec, 10, 1);
    const layers = net.layerOutputs(data.xs, data.n);
    expect(layers.map((l) => l.length)).toEqual([40, 30, 30]);
    expect(Array.from(layers[2]!)).toEqual(Array.from(net.predict(data.xs, data.n)));
    for (let r = 0; r < 10; r++) expect(layers[2]![3 * r]! + layers[2]![3 * r + 1]! + layers[2]![3 * r + 2]!).toBeCloseTo(1, 6);
    expect(layers[0]!.every((v) => v >= 0)).toBe(true); // ReLU
  });

  it('starts from the same weights as the TF.js createMlp for the same seed', async () => {
    const net = createFastMlp({ sizes: [7, 8, 8, 1], activations: ['tanh', 'tanh'], head: 'sigmoid' }, createRng(42));
    const model = createMlp({ sizes: [7, 8, 8, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' }, createRng(42));
    const theirs = await readWeights(model);
    net.weights().forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(theirs[i]!)));
    expect(net.params.length).toBe(paramCount([7, 8, 8, 1]));
    model.dispose();
  });

  it('rejects shapes it cannot build, with a reason', () => {
    expect(() => createFastMlp({ sizes: [2, 0, 1], activations: ['relu'], head: 'sigmoid' }, createRng(1))).toThrow(/whole and positive/);
    expect(() => createFastMlp({ sizes: [2, 4, 1], activations: [], head: 'sigmoid' }, createRng(1))).toThrow(/one activation per hidden layer/);
    expect(() => createFastMlp({ sizes: [2, 1], activations: [], head: 'softmax' }, createRng(1))).toThrow(/two classes/);
  });
});

describe('the fused optimisers against tf.train', () => {
  // A one-parameter problem, f(w) = (w − 3)²/2 + 2·sin(3w), whose gradient changes sign and size along the way.
  const gradAt = (w: number) => w - 3 + 6 * Math.cos(3 * w);
  for (const kind of ['sgd', 'momentum', 'adam'] as OptimizerName[]) {
    it(`${kind}: 25 updates match TF.js's optimiser step for step`, () => {
      const lr = 0.05;
      const opt = createFastOptimizer(kind, 1);
      const ours = new Float64Array([0.5]);
      const g = new Float64Array(1);
      const w = tf.variable(tf.scalar(0.5));
      const tfOpt = kind === 'sgd' ? tf.train.sgd(lr) : kind === 'momentum' ? tf.train.momentum(lr, 0.9) : tf.train.adam(lr);
      for (let t = 0; t < 25; t++) {
        g[0] = gradAt(ours[0]!);
        opt.apply(ours, g, lr);
        tfOpt.applyGradients([{ name: w.name, tensor: tf.scalar(gradAt(w.dataSync()[0]!)) }]);
        // TF.js works in float32: agree to float32 precision, relative to the size of the value.
        const theirs = w.dataSync()[0]!;
        expect(Math.abs(ours[0]! - theirs)).toBeLessThan(2e-5 * Math.max(1, Math.abs(theirs)));
      }
      tfOpt.dispose();
      w.dispose();
    });
  }

  it('reset forgets momentum and Adam moments', () => {
    const opt = createFastOptimizer('adam', 1);
    const p = new Float64Array([1]);
    opt.apply(p, new Float64Array([5]), 0.1);
    opt.reset();
    const q = new Float64Array([1]);
    createFastOptimizer('adam', 1).apply(q, new Float64Array([-2]), 0.1);
    const r = new Float64Array([1]);
    opt.apply(r, new Float64Array([-2]), 0.1);
    expect(r[0]).toBe(q[0]);
  });
});

describe('the TF.js model of a lab network', () => {
  it('survives export to tf.io artifacts and import, weights and shape intact', async () => {
    const spec: FastMlpSpec = { sizes: [3, 5, 2, 3], activations: ['relu', 'sigmoid'], head: 'softmax' };
    const net = createFastMlp(spec, createRng(11));
    const model = toTfModel(spec, net.weights(), { kind: 'l2', rate: 0.01 });
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (a) => {
      saved = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    const back = fromTfModel(loaded);
    expect(back.spec).toEqual(spec);
    back.weights.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(net.weights()[i]!)));
    model.dispose();
    loaded.dispose();
  });

  it('refuses a model the lab cannot train, saying why', () => {
    const conv = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 1, kernelSize: 2 })] });
    expect(() => fromTfModel(conv)).toThrow(/Conv2D layer; the lab can only load Dense layers/);
    const elu = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 3, activation: 'elu' }), tf.layers.dense({ units: 1, activation: 'sigmoid' })] });
    expect(() => fromTfModel(elu)).toThrow(/"elu"/);
    conv.dispose();
    elu.dispose();
  });

  it('prints the TF.js definition the lab trains', () => {
    const code = tfCode({ sizes: [7, 8, 8, 1], activations: ['tanh', 'relu'], head: 'sigmoid' }, { kind: 'l1', rate: 0.001 }, 'adam', 0.03, 10);
    expect(code).toContain("model.add(tf.layers.dense({ inputShape: [7], units: 8, activation: 'tanh', kernelRegularizer: tf.regularizers.l1({ l1: 0.001 }) }));");
    expect(code).toContain("activation: 'relu'");
    expect(code).toContain("loss: 'binaryCrossentropy'");
    expect(code).toContain('tf.train.adam(0.03)');
  });
});

describe('a spiral the lab trains', () => {
  it('the fused kernel and TF.js take the same first Adam steps from the same seed', async () => {
    const data = withFeatures(makePoints2D('spiral', { n: 40, noise: 0, seed: 1 }), ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sin1', 'sin2']);
    const spec: FastMlpSpec = { sizes: [7, 8, 8, 1], activations: ['tanh', 'tanh'], head: 'sigmoid' };
    const net = createFastMlp(spec, createRng(1));
    const model = createMlp({ sizes: [7, 8, 8, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' }, createRng(1));
    const opt = createFastOptimizer('adam', net.params.length);
    const tfOpt = tf.train.adam(0.03);
    const grad = new Float64Array(net.params.length);
    const x = tf.tensor2d(data.xs, [data.n, 7]);
    const y = tf.tensor2d(data.ys, [data.n, 1]);
    for (let t = 0; t < 5; t++) {
      net.gradient(data.xs, data.ys, null, 0, data.n, { kind: 'none', rate: 0 }, grad);
      opt.apply(net.params, grad, 0.03);
      tfOpt.minimize(() => model.loss(x, y), false, model.variables);
    }
    const theirs = await readWeights(model);
    net.weights().forEach((w, i) => w.forEach((v, j) => expect(v).toBeCloseTo(theirs[i]![j]!, 4)));
    tf.dispose([x, y]);
    tfOpt.dispose();
    model.dispose();
  });
});
