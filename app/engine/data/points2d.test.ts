import { describe, expect, it } from 'vitest';
import {
  BLOB_CENTRES,
  GAUSS_BUMPS,
  POINTS2D_KINDS,
  gaussTarget,
  makePoints2D,
  planeTarget,
  type Points2DKind,
} from './points2d';

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

describe('makePoints2D: three classes and regression', () => {
  const rows = (d: { ys: Float32Array; n: number; outputDim: number }) =>
    Array.from({ length: d.n }, (_, i) => [...d.ys.subarray(i * d.outputDim, (i + 1) * d.outputDim)]);

  it('spiral3 is one-hot with three balanced classes, deterministic per seed, shuffled, near [-1, 1]²', () => {
    const a = makePoints2D('spiral3', { n: 301, noise: 0.1, seed: 4 });
    const b = makePoints2D('spiral3', { n: 301, noise: 0.1, seed: 4 });
    const c = makePoints2D('spiral3', { n: 301, noise: 0.1, seed: 5 });
    expect(a).toMatchObject({ n: 301, inputDim: 2, outputDim: 3 });
    expect(a.xs.length).toBe(602);
    expect(a.ys.length).toBe(903);
    expect(a.xs).toEqual(b.xs);
    expect(a.ys).toEqual(b.ys);
    expect(a.xs).not.toEqual(c.xs);
    const counts = [0, 0, 0];
    for (const row of rows(a)) {
      expect([...row].sort()).toEqual([0, 0, 1]);
      counts[row.indexOf(1)]! += 1;
    }
    expect(counts).toEqual([101, 100, 100]);
    expect(Math.max(...[...a.xs].map(Math.abs))).toBeLessThan(1.3);
    const head = new Set(rows(a).slice(0, 15).map((r) => r.indexOf(1)));
    expect(head.size).toBe(3);
  });

  it('spiral3 arms are a third of a turn apart: at zero noise each class is the next rotated by 120°', () => {
    const d = makePoints2D('spiral3', { n: 300, noise: 0, seed: 1 });
    const byClass: [number, number][][] = [[], [], []];
    rows(d).forEach((r, i) => byClass[r.indexOf(1)]!.push([d.xs[2 * i] as number, d.xs[2 * i + 1] as number]));
    const key = ([x, y]: [number, number]) => `${x.toFixed(3)},${y.toFixed(3)}`;
    const rotate = ([x, y]: [number, number], a: number): [number, number] => [
      x * Math.cos(a) + y * Math.sin(a),
      -x * Math.sin(a) + y * Math.cos(a),
    ];
    // Points are (r sin θ, r cos θ); adding 120° to θ is a clockwise rotation by 120° in the usual x–y sense.
    const next = new Set(byClass[1]!.map(key));
    const rotated = byClass[0]!.map((p) => key(rotate(p, (2 * Math.PI) / 3)));
    const hits = rotated.filter((k) => next.has(k)).length;
    expect(hits).toBeGreaterThan(95);
  });

  it.each(['plane', 'gauss-reg'] as const)('%s: real targets in [-1, 1], deterministic, differs by seed', (kind) => {
    const a = makePoints2D(kind, { n: 200, noise: 0.5, seed: 3 });
    const b = makePoints2D(kind, { n: 200, noise: 0.5, seed: 3 });
    const c = makePoints2D(kind, { n: 200, noise: 0.5, seed: 4 });
    expect(a).toMatchObject({ n: 200, inputDim: 2, outputDim: 1 });
    expect(a.xs.length).toBe(400);
    expect(a.ys.length).toBe(200);
    expect(a.xs).toEqual(b.xs);
    expect(a.ys).toEqual(b.ys);
    expect(a.xs).not.toEqual(c.xs);
    expect([...a.xs].every((v) => v >= -1 && v <= 1)).toBe(true);
    expect([...a.ys].every((v) => v >= -1 && v <= 1)).toBe(true);
    // Real numbers, not class labels.
    expect(new Set(a.ys).size).toBeGreaterThan(150);
    expect([...a.ys].some((v) => v < -0.5) && [...a.ys].some((v) => v > 0.5)).toBe(true);
  });

  it('plane targets at zero noise are the linear function of the position', () => {
    const d = makePoints2D('plane', { n: 100, noise: 0, seed: 9 });
    for (let i = 0; i < d.n; i++) {
      const x1 = d.xs[2 * i] as number;
      const x2 = d.xs[2 * i + 1] as number;
      expect(d.ys[i]).toBeCloseTo(0.6 * x1 + 0.4 * x2, 5);
    }
    expect(planeTarget(1, 1)).toBeCloseTo(1, 12);
    expect(planeTarget(-1, -1)).toBeCloseTo(-1, 12);
  });

  it('gauss-reg peaks at +1 on hills and −1 on valleys, and is near 0 far from every bump', () => {
    for (const [cx, cy, sign] of GAUSS_BUMPS) expect(gaussTarget(cx, cy)).toBeCloseTo(sign, 1);
    expect(Math.abs(gaussTarget(-0.325, 0))).toBeLessThan(0.2);
    const d = makePoints2D('gauss-reg', { n: 100, noise: 0, seed: 9 });
    for (let i = 0; i < d.n; i++) {
      expect(d.ys[i]).toBeCloseTo(gaussTarget(d.xs[2 * i] as number, d.xs[2 * i + 1] as number), 5);
    }
  });

  it('regression noise jitters the target, not the position', () => {
    const clean = makePoints2D('gauss-reg', { n: 300, noise: 0, seed: 2 });
    const noisy = makePoints2D('gauss-reg', { n: 300, noise: 0.4, seed: 2 });
    let sq = 0;
    for (let i = 0; i < noisy.n; i++) {
      const x1 = noisy.xs[2 * i] as number;
      const x2 = noisy.xs[2 * i + 1] as number;
      sq += ((noisy.ys[i] as number) - gaussTarget(x1, x2)) ** 2;
    }
    const std = Math.sqrt(sq / noisy.n);
    // Jitter of standard deviation 0.25 × 0.4 = 0.1, a little less after clipping.
    expect(std).toBeGreaterThan(0.07);
    expect(std).toBeLessThan(0.12);
    expect(clean.ys).not.toEqual(noisy.ys);
  });

  it('POINTS2D_KINDS describes what each kind makes', () => {
    for (const kind of Object.keys(POINTS2D_KINDS) as Points2DKind[]) {
      const info = POINTS2D_KINDS[kind];
      const d = makePoints2D(kind, { n: 30, noise: 0.1, seed: 1 });
      expect(d.outputDim).toBe(info.outputDim);
      expect(info.label.length).toBeGreaterThan(0);
      if (info.problem === 'classification') {
        const seen = new Set(rows(d).map((r) => (r.length === 1 ? r[0] : r.indexOf(1))));
        expect(seen.size).toBe(info.classes);
      } else {
        expect(info.classes).toBe(0);
      }
    }
    expect(Object.keys(POINTS2D_KINDS).sort()).toEqual(
      ['blobs', 'circle', 'gauss-reg', 'plane', 'spiral', 'spiral3', 'xor'].sort(),
    );
  });
});
