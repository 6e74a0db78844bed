import { describe, expect, it } from 'vitest';
import { BLOB_CENTRES, makePoints2D, type Points2DKind } from './points2d';

const kinds: Points2DKind[] = ['blobs', 'xor', 'circle', 'spiral'];

describe('makePoints2D', () => {
  it.each(kinds)('%s is deterministic per seed, balanced, labelled 0/1 and near [-1, 1]²', (kind) => {
    const a = makePoints2D(kind, { n: 201, noise: 0.1, seed: 4 });
    const b = makePoints2D(kind, { n: 201, noise: 0.1, seed: 4 });
    const c = makePoints2D(kind, { n: 201, noise: 0.1, seed: 5 });
    expect(a.xs).toEqual(b.xs);
    expect(a.ys).toEqual(b.ys);
    expect(a.xs).not.toEqual(c.xs);
    expect(a).toMatchObject({ n: 201, inputDim: 2, outputDim: 1 });
    expect(a.xs.length).toBe(402);
    const ones = a.ys.reduce((s, y) => s + y, 0);
    expect([100, 101]).toContain(ones);
    expect([...a.ys].every((y) => y === 0 || y === 1)).toBe(true);
    expect(Math.max(...[...a.xs].map(Math.abs))).toBeLessThan(1.6);
    // Shuffled: the first 20 points are not all one class.
    const head = a.ys.slice(0, 20).reduce((s, y) => s + y, 0);
    expect(head).toBeGreaterThan(0);
    expect(head).toBeLessThan(20);
  });

  it('blobs are linearly separable at zero noise', () => {
    const d = makePoints2D('blobs', { n: 400, noise: 0, seed: 1 });
    const [[ax, ay], [bx, by]] = BLOB_CENTRES;
    // The perpendicular bisector of the two centres separates them.
    const nx = bx - ax;
    const ny = by - ay;
    const mx = (ax + bx) / 2;
    const my = (ay + by) / 2;
    for (let i = 0; i < d.n; i++) {
      const side = ((d.xs[2 * i] as number) - mx) * nx + ((d.xs[2 * i + 1] as number) - my) * ny;
      expect(side > 0 ? 1 : 0).toBe(d.ys[i]);
    }
  });

  it('xor labels follow the quadrant and circle labels the radius, at zero noise', () => {
    const x = makePoints2D('xor', { n: 200, noise: 0, seed: 2 });
    const c = makePoints2D('circle', { n: 200, noise: 0, seed: 2 });
    for (let i = 0; i < 200; i++) {
      const [x1, x2] = [x.xs[2 * i] as number, x.xs[2 * i + 1] as number];
      expect(x1 * x2 > 0 ? 1 : 0).toBe(x.ys[i]);
      const r = Math.hypot(c.xs[2 * i] as number, c.xs[2 * i + 1] as number);
      expect(r < 0.6 ? 1 : 0).toBe(c.ys[i]);
    }
  });
});
