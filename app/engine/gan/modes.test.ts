import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { modesCovered } from './distance';
import { MIXTURE_CENTRES, sampleDistribution } from './distributions';

describe('modesCovered', () => {
  it('counts 8 for the mixture itself and 1 for points piled on one mode', () => {
    expect(modesCovered(sampleDistribution('gaussians', 400, createRng(1)), MIXTURE_CENTRES)).toBe(8);
    const one = new Float32Array(400).map((_, i) => (i % 2 === 0 ? 0.75 : 0) + 0.01 * Math.sin(i));
    expect(modesCovered(one, MIXTURE_CENTRES)).toBe(1);
  });
});
