import { describe, expect, it } from 'vitest';
import type { Dataset } from '../types';
import { neuronAccuracy } from './neuron';

// Four points, labelled by which side of x₁ = 0.25 they lie on.
const data: Dataset = {
  xs: Float32Array.of(-1, 0, 0, 1, 0.5, 0, 1, -1),
  ys: Float32Array.of(0, 0, 1, 1),
  n: 4,
  inputDim: 2,
  outputDim: 1,
};

describe('neuronAccuracy', () => {
  it('counts the points on the right side of each activation’s boundary', () => {
    // z = x₁ − 0.25: class 1 for z ≥ 0 (sigmoid), for z ≥ 0.5 (ReLU: only x₁ = 1).
    expect(neuronAccuracy({ w1: 1, w2: 0, b: -0.25 }, 'sigmoid', data)).toBe(1);
    expect(neuronAccuracy({ w1: 1, w2: 0, b: -0.25 }, 'relu', data)).toBe(0.75);
    expect(neuronAccuracy({ w1: -1, w2: 0, b: 0.25 }, 'tanh', data)).toBe(0);
    expect(neuronAccuracy({ w1: 1, w2: 0, b: 0 }, 'sigmoid', { ...data, n: 0 })).toBe(0);
  });
});
