import { describe, expect, it } from 'vitest';
import { mlpForward } from '../../engine/models/mlpLayers';
import { neuronDetailTex, neuronSymbol } from './notation';

// The lesson's worked example: W⁽¹⁾ = [[1, −1], [0.5, 2]], b⁽¹⁾ = [0, −2], W⁽²⁾ = [2, −1], b⁽²⁾ = 0, stored as
// createMlp stores them ([in, out], row-major).
const WEIGHTS = [Float32Array.of(1, 0.5, -1, 2), Float32Array.of(0, -2), Float32Array.of(2, -1), Float32Array.of(0)];
const INPUT: [number, number] = [1, 0.5];

describe('the neuron detail line', () => {
  const layers = mlpForward(WEIGHTS, INPUT, 'tanh', 'sigmoid');

  it('reproduces the worked example of the lesson', () => {
    const second = neuronDetailTex(WEIGHTS, layers, INPUT, { layer: 1, unit: 1 }, 'tanh');
    expect(second).toContain('a^{(1)}_{2} = \\tanh(0.50 \\cdot 1.00 + 2.00 \\cdot 0.50 -\\,2.00)');
    expect(second).toContain('\\tanh(-0.50) = \\mathbf{-0.46}');
    const out = neuronDetailTex(WEIGHTS, layers, INPUT, { layer: 2, unit: 0 }, 'tanh');
    expect(out).toContain('\\sigma(');
    expect(out).toContain('= \\mathbf{0.80}');
  });

  it('names inputs, and clamps a selection the network no longer has', () => {
    expect(neuronDetailTex(WEIGHTS, layers, INPUT, { layer: 0, unit: 1 }, 'tanh')).toContain('x_{2} = \\mathbf{0.50}');
    expect(neuronDetailTex(WEIGHTS, layers, INPUT, { layer: 3, unit: 5 }, 'tanh')).toContain('a^{(2)}_{1}');
    expect(neuronSymbol(2, 0)).toBe('a⁽²⁾₁');
  });
});
