import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { readout, traceSequence, type CellWeights, type Readout } from './cells';
import { rollout } from './rollout';

function randomModel(seed: number, units = 5): { cell: CellWeights; out: Readout } {
  const rng = createRng(seed);
  const fill = (n: number, s: number) => Float32Array.from({ length: n }, () => (rng.next() * 2 - 1) * s);
  return {
    cell: { kind: 'rnn', inputSize: 1, units, kernel: fill(units, 1), recurrent: fill(units * units, 0.6), bias: fill(units, 0.2) },
    out: { kernel: fill(units, 1), bias: fill(1, 0.1) },
  };
}

describe('rollout', () => {
  const { cell, out } = randomModel(3);
  const observed = Float32Array.from({ length: 12 }, (_, t) => Math.sin(t / 2));

  it('gives the read-out of every traced hidden state as the one-step predictions', () => {
    const steps = traceSequence(cell, Array.from(observed, (v) => [v]));
    const { oneStep } = rollout(cell, out, observed, 0);
    expect(oneStep).toHaveLength(12);
    steps.forEach((s, t) => expect(oneStep[t]).toBeCloseTo(readout(out, s.h)[0]!, 6));
  });

  it('continues by reading its own predictions: the same as tracing the observed values then the fed-back ones', () => {
    const { oneStep, continued } = rollout(cell, out, observed, 6);
    expect(continued).toHaveLength(6);
    expect(continued[0]).toBe(oneStep[11]);
    // Trace the whole sequence (observed + the model's own predictions but the last) and read every state.
    const inputs = [...observed, ...continued.subarray(0, 5)].map((v) => [v]);
    const steps = traceSequence(cell, inputs);
    for (let k = 0; k < 6; k++) expect(continued[k]).toBeCloseTo(readout(out, steps[11 + k]!.h)[0]!, 6);
  });

  it('differs from feeding the real values: the continuation is the model’s own', () => {
    const { continued } = rollout(cell, out, observed.subarray(0, 6), 6);
    const { oneStep } = rollout(cell, out, observed, 0);
    expect(continued[0]).toBeCloseTo(oneStep[5]!, 6);
    expect(Math.abs(continued[3]! - oneStep[8]!)).toBeGreaterThan(1e-4);
  });

  it('refuses a model that does not read one value per step', () => {
    const bad = { ...cell, inputSize: 2, kernel: new Float32Array(10) };
    expect(() => rollout(bad, out, observed, 3)).toThrow(/one value per step/);
  });
});
