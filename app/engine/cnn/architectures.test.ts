import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { buildLayersModel, CNN, countParams, layerShapes, MLP, modelCode } from './architectures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('architectures', () => {
  it('count their parameters from their shapes, as TF.js counts them', () => {
    for (const spec of [CNN, MLP]) {
      const model = buildLayersModel(spec, createRng(1));
      expect(countParams(spec)).toBe(model.countParams());
      expect(layerShapes(spec)).toEqual(model.layers.map((l) => (l.outputShape as number[]).slice(1)));
      model.dispose();
    }
    expect(countParams(CNN)).toBe(5 * 5 * 8 + 8 + 5 * 5 * 8 * 16 + 16 + 7 * 7 * 16 * 10 + 10);
    expect(countParams(MLP)).toBe(784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10);
  });

  it('print code that builds the same network as the one that trains', () => {
    for (const spec of [CNN, MLP]) {
      const code = modelCode(spec, 'adam', 0.001);
      // Run the printed definition (everything before the training step) with the real TF.js.
      const definition = code.slice(0, code.indexOf('\n\n'));
      const printed = new Function('tf', `${definition}\nreturn { model, optimizer };`)(tf) as {
        model: tf.Sequential;
        optimizer: tf.Optimizer;
      };
      const ours = buildLayersModel(spec, createRng(1));
      const describe = (m: tf.Sequential) =>
        m.layers.map((l) => {
          const { name: _name, trainable: _t, ...config } = l.getConfig() as Record<string, unknown>;
          return { cls: l.getClassName(), config: JSON.stringify(config, (k, v) => (k.endsWith('Initializer') ? undefined : v)) };
        });
      expect(describe(printed.model)).toEqual(describe(ours));
      expect(printed.optimizer.getClassName()).toBe('Adam');
      printed.model.dispose();
      ours.dispose();
    }
  });

  it('start from weights fixed by the seed', () => {
    const a = buildLayersModel(CNN, createRng(5));
    const b = buildLayersModel(CNN, createRng(5));
    const c = buildLayersModel(CNN, createRng(6));
    const first = (m: tf.Sequential) => Array.from(m.getWeights()[0]!.dataSync());
    expect(first(a)).toEqual(first(b));
    expect(first(a)).not.toEqual(first(c));
    // Biases start at zero; kernels within the Glorot limit √(6 / (fan-in + fan-out)).
    expect(Array.from(a.getWeights()[1]!.dataSync()).every((v) => v === 0)).toBe(true);
    const limit = Math.sqrt(6 / (25 + 25 * 8));
    expect(first(a).every((v) => Math.abs(v) <= limit)).toBe(true);
    [a, b, c].forEach((m) => m.dispose());
  });
});
