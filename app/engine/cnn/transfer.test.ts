// Transfer learning: frozen layers stay frozen, the few-shot sampler is balanced, and on a few digits the
// features of a trained digit CNN beat training from scratch (wasm in Node, with the course's conv gradients).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmConvGradients } from '../backends/wasmConvGrad';
import { parseMnist } from '../data/mnist';
import { createRng } from '../rng';
import { CNN } from './architectures';
import { createImageModel } from './imageModel';
import { mnistDataset } from './mnistDataset';
import { fewPerClass, trainAndScore, transferModel } from './transfer';

const mnist = parseMnist(new Uint8Array(gunzipSync(readFileSync(new URL('../../../public/datasets/mnist.bin.gz', import.meta.url)))));

beforeAll(async () => {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  registerWasmConvGradients();
  await tf.setBackend('wasm');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('transfer learning', () => {
  const train = mnistDataset(mnist, 0, 3000);
  const fewSource = mnistDataset(mnist, mnist.train, mnist.train + 1000);
  const test = mnistDataset(mnist, mnist.train + 1000, mnist.n);

  it('takes exactly n examples of each class', () => {
    const few = fewPerClass(fewSource, 3);
    expect(few.n).toBe(30);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < few.n; i++) counts[few.ys.subarray(i * 10, i * 10 + 10).indexOf(1)]++;
    expect(counts).toEqual(new Array(10).fill(3));
  });

  it('keeps the copied layers frozen and beats training from scratch on 5 digits per class', async () => {
    const source = createImageModel(CNN, createRng(1));
    await trainAndScore(source, train, test, 150, 0.005, 1); // a briefly trained digit CNN
    const frozen = transferModel('frozen', source, 2);
    expect(frozen.variables.length).toBe(2); // only the new head's kernel and bias
    const convBefore = frozen.layers.layers[0]!.getWeights()[0]!.dataSync().slice();
    expect(Array.from(convBefore)).toEqual(Array.from(source.layers.layers[0]!.getWeights()[0]!.dataSync()));
    const few = fewPerClass(fewSource, 5);
    const withFeatures = await trainAndScore(frozen, few, test, 100, 0.01, 3);
    expect(Array.from(frozen.layers.layers[0]!.getWeights()[0]!.dataSync())).toEqual(Array.from(convBefore));
    const random = transferModel('random', null, 2);
    expect(random.variables.length).toBe(2);
    random.dispose();
    const scratch = transferModel('scratch', null, 2);
    expect(scratch.variables.length).toBe(6);
    const fromScratch = await trainAndScore(scratch, few, test, 100, 0.005, 3);
    expect(withFeatures).toBeGreaterThan(0.75);
    expect(withFeatures).toBeGreaterThan(fromScratch + 0.05);
    [source, frozen, scratch].forEach((m) => m.dispose());
  });
});
