import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readText, WORD_ALPHABET, wordDataset } from '../data/words';
import { createRng } from '../rng';
import { createRecurrentModel, toCellWeights, type RecurrentSpec } from './recurrentModel';
import { draw, nextCharProbabilities, sampleWord } from './sampling';
import { specFor } from './tasks';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function model(cell: 'rnn' | 'lstm' | 'gru') {
  const spec = specFor({ task: 'spell', cell }) as RecurrentSpec;
  const m = createRecurrentModel(spec, createRng(3));
  return { spec, m, weights: toCellWeights(spec, m.variables.map((v) => v.dataSync() as Float32Array)) };
}

describe('nextCharProbabilities', () => {
  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    it(`equals the softmax of the TF.js ${cell} model's prediction after the same prefix`, () => {
      const { m, weights } = model(cell);
      const v = WORD_ALPHABET.length;
      const data = wordDataset(['quartz'], 9);
      const logits = tf.tidy(() => m.predict(tf.tensor2d(data.xs, [1, data.inputDim])).dataSync());
      // After ". q u" (step index 2) the model predicts the fourth character.
      const t = 2;
      const row = Array.from(logits.subarray(t * v, (t + 1) * v));
      const max = Math.max(...row);
      const exp = row.map((x) => Math.exp(x - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      const p = nextCharProbabilities(weights, readText('qu').indices);
      exp.forEach((e, k) => expect(p[k]).toBeCloseTo(e / sum, 5));
      m.dispose();
    });
  }
});

describe('sampleWord', () => {
  it('is seeded, starts with the prefix, uses only letters and respects the cap', () => {
    const { m, weights } = model('lstm');
    const a = sampleWord(weights, { temperature: 1, rng: createRng(5), prefix: readText('th').indices, maxLetters: 8 });
    const b = sampleWord(weights, { temperature: 1, rng: createRng(5), prefix: readText('th').indices, maxLetters: 8 });
    expect(a).toBe(b);
    expect(a.startsWith('th')).toBe(true);
    expect(a).toMatch(/^[a-z]{2,8}$/);
    m.dispose();
  });

  it('at a temperature near 0 always takes the likeliest character', () => {
    const { m, weights } = model('gru');
    const words = new Set(Array.from({ length: 5 }, (_, i) => sampleWord(weights, { temperature: 1e-4, rng: createRng(i), maxLetters: 6 })));
    expect(words.size).toBe(1);
    m.dispose();
  });

  it('draws indices in proportion to their probabilities', () => {
    const rng = createRng(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 6000; i++) counts[draw([0.2, 0.5, 0.3], rng)]!++;
    expect(counts[0]! / 6000).toBeCloseTo(0.2, 1);
    expect(counts[1]! / 6000).toBeCloseTo(0.5, 1);
  });
});
