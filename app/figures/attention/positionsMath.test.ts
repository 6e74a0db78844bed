import { describe, expect, it } from 'vitest';
import { sinusoidalPositions } from '../../engine/attention/positions';
import { encodingAt, similarityMatrix } from './positionsMath';

describe('similarity of sinusoidal encodings', () => {
  const n = 24;
  const d = 32;
  const pe = sinusoidalPositions(n, d);
  const sim = similarityMatrix(pe, n, d);

  it('is 1 on the diagonal, symmetric, and at most 1 everywhere', () => {
    for (let i = 0; i < n; i++) {
      expect(sim[i * n + i]).toBeCloseTo(1, 5);
      for (let j = 0; j < n; j++) {
        expect(sim[i * n + j]).toBeCloseTo(sim[j * n + i]!, 6);
        expect(sim[i * n + j]!).toBeLessThanOrEqual(1 + 1e-5);
      }
    }
  });

  it('equals a dot product computed separately', () => {
    const a = encodingAt(pe, 3, d);
    const b = encodingAt(pe, 11, d);
    const direct = a.reduce((s, x, k) => s + x * b[k]!, 0) / (d / 2);
    expect(sim[3 * n + 11]).toBeCloseTo(direct, 5);
  });

  it('depends on the offset |i − j| alone', () => {
    for (const offset of [1, 2, 5, 9]) {
      const first = sim[0 * n + offset]!;
      for (let i = 0; i + offset < n; i++) expect(sim[i * n + i + offset]).toBeCloseTo(first, 4);
    }
  });

  it('falls from 1 as positions move apart', () => {
    expect(sim[0 * n + 1]!).toBeLessThan(1 - 1e-3);
    expect(sim[0 * n + 1]!).toBeGreaterThan(sim[0 * n + 8]!);
  });

  it('refuses encodings of the wrong size', () => {
    expect(() => similarityMatrix(pe, n, d + 1)).toThrow(/Expected/);
  });
});
