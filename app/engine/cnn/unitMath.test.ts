// The unit views' arithmetic against what TF.js itself computed in the live model's layers.
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMnist } from '../data/mnist';
import { createRng } from '../rng';
import { CNN, layerShapes } from './architectures';
import { createImageModel } from './imageModel';
import { at, explainUnit, poolUnit } from './unitMath';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const mnist = parseMnist(new Uint8Array(gunzipSync(readFileSync(new URL('../../../public/datasets/mnist.bin.gz', import.meta.url)))));

describe('unit arithmetic', () => {
  it('equals every layer TF.js computed, unit by unit (conv with padding, max-pool, softmax)', () => {
    const model = createImageModel(CNN, createRng(3));
    // Give the biases non-zero values, so a wrong bias index cannot pass.
    model.variables.forEach((v) => {
      if (v.rank === 1) v.assign(tf.tidy(() => tf.mul(tf.randomUniform(v.shape, -0.2, 0.2, 'float32', 9), 1)));
    });
    const image = Float32Array.from(mnist.pixels.subarray(0, 784), (p) => p / 255);
    const maps = tf.tidy(() => model.layerOutputs(tf.tensor2d(image, [1, 784])).map((t) => t.dataSync() as Float32Array));
    const weights = model.variables.map((v) => v.dataSync() as Float32Array);
    const shapes = layerShapes(CNN);
    const rng = createRng(11);
    for (let layer = 0; layer < CNN.layers.length; layer++) {
      if (CNN.layers[layer]!.kind === 'flatten') continue;
      const [h, w, ch] = shapes[layer]!.length === 3 ? shapes[layer]! : [1, 1, shapes[layer]![0]!];
      // The corners (where padding matters) and random units.
      const picks = [
        [0, 0, 0],
        [h! - 1, w! - 1, ch! - 1],
        ...Array.from({ length: 20 }, () => [Math.floor(rng.next() * h!), Math.floor(rng.next() * w!), Math.floor(rng.next() * ch!)]),
      ];
      for (const [row, col, channel] of picks) {
        const unit = explainUnit(CNN, image, maps, weights, { layer, channel: channel!, row: row!, col: col! });
        const expected = maps[layer]![(row! * w! + col!) * ch! + channel!]!;
        expect(unit!.value).toBeCloseTo(expected, 5);
      }
    }
    model.dispose();
  });

  it('finds the max-pool winner as tf.maxPool does, on a map with known values', () => {
    const values = Float32Array.from({ length: 6 * 6 * 2 }, (_, i) => Math.sin(i * 1.7));
    const map = { values, height: 6, width: 6, channels: 2 };
    const pooled = tf.tidy(() => tf.maxPool(tf.tensor4d(values, [1, 6, 6, 2]), 3, 3, 'valid').dataSync());
    for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) for (let ch = 0; ch < 2; ch++) {
      const u = poolUnit(map, 3, ch, r, c);
      expect(u.value).toBeCloseTo(pooled[(r * 2 + c) * 2 + ch]!, 6);
      expect(u.window[u.winner]).toBe(at(map, r * 3 + Math.floor(u.winner / 3), c * 3 + (u.winner % 3), ch));
    }
  });
});
