import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { receptiveField, unitSpans, type StackLayer } from './receptiveField';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const LENET: StackLayer[] = [
  { kind: 'conv', size: 5, stride: 1 },
  { kind: 'pool', size: 2, stride: 2 },
  { kind: 'conv', size: 5, stride: 1 },
  { kind: 'pool', size: 2, stride: 2 },
];

/**
 * Brute force, independent of the formula: follow the wiring of a 2D stack backwards, unit by unit, and collect
 * the set of units of every layer that a unit depends on.
 */
function dependsOn(input: number, layers: readonly StackLayer[], layer: number, r: number, c: number): Set<number>[] {
  const sides = [input];
  for (const l of layers) sides.push(Math.floor((sides[sides.length - 1]! - l.size) / l.stride) + 1);
  const sets: Set<number>[] = [];
  sets[layer] = new Set([r * sides[layer]! + c]);
  for (let m = layer; m > 0; m--) {
    const { size, stride } = layers[m - 1]!;
    const below = new Set<number>();
    for (const unit of sets[m]!) {
      const [ur, uc] = [Math.floor(unit / sides[m]!), unit % sides[m]!];
      for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) below.add((ur * stride + i) * sides[m - 1]! + uc * stride + j);
    }
    sets[m - 1] = below;
  }
  return sets;
}

function square(side: number, rows: { first: number; last: number }, cols: { first: number; last: number }): Set<number> {
  const set = new Set<number>();
  for (let r = rows.first; r <= rows.last; r++) for (let c = cols.first; c <= cols.last; c++) set.add(r * side + c);
  return set;
}

describe('receptiveField', () => {
  it('works out the hand-worked stack: 28 → conv 5 → pool 2 → conv 5 → pool 2', () => {
    // By hand: conv 5 sees 5; pool 2 adds (2 − 1)·1 = 1 → 6 and the jump becomes 2; conv 5 adds (5 − 1)·2 = 8 → 14;
    // pool 2 adds (2 − 1)·2 = 2 → 16, jump 4. Sides: 28 − 4 = 24, 24 / 2 = 12, 12 − 4 = 8, 8 / 2 = 4.
    const fields = receptiveField(28, LENET);
    expect(fields.map((f) => f.side)).toEqual([28, 24, 12, 8, 4]);
    expect(fields.map((f) => f.field)).toEqual([1, 5, 6, 14, 16]);
    expect(fields.map((f) => f.jump)).toEqual([1, 1, 2, 2, 4]);
    expect(fields.every((f) => f.leftover === 0)).toBe(true);
    // The last unit of the top layer, (3, 3), sees input pixels 12 … 27: the bottom-right 16 × 16 corner.
    expect(unitSpans(fields, 4, 3)[0]).toEqual({ first: 12, last: 27 });
  });

  it('matches a brute-force walk over the wiring, for every unit of every layer of several stacks', () => {
    const stacks: [number, StackLayer[]][] = [
      [28, LENET],
      [20, [{ kind: 'conv', size: 3, stride: 1 }, { kind: 'conv', size: 3, stride: 1 }, { kind: 'conv', size: 3, stride: 1 }]],
      [23, [{ kind: 'conv', size: 3, stride: 2 }, { kind: 'pool', size: 3, stride: 3 }, { kind: 'conv', size: 2, stride: 1 }]],
    ];
    for (const [input, layers] of stacks) {
      const fields = receptiveField(input, layers);
      for (let layer = 1; layer < fields.length; layer++) {
        const side = fields[layer]!.side;
        for (let r = 0; r < side; r++) {
          for (let c = 0; c < side; c++) {
            const brute = dependsOn(input, layers, layer, r, c);
            const rows = unitSpans(fields, layer, r);
            const cols = unitSpans(fields, layer, c);
            for (let m = 0; m <= layer; m++) expect(square(fields[m]!.side, rows[m]!, cols[m]!)).toEqual(brute[m]);
            // The input patch is field × field, starting at unit × jump.
            expect(rows[0]).toEqual({ first: r * fields[layer]!.jump, last: r * fields[layer]!.jump + fields[layer]!.field - 1 });
            expect(brute[0]!.size).toBe(fields[layer]!.field ** 2);
          }
        }
      }
    }
  });

  it('agrees with TF.js: the input pixels with a gradient for one top unit form the receptive field', () => {
    // Convolutions with all-ones kernels and average pooling pass a positive gradient to every pixel a unit reads.
    const fields = receptiveField(28, LENET);
    const grad = tf.tidy(() => {
      const f = (x: tf.Tensor) => {
        let y = x as tf.Tensor4D;
        for (const l of LENET) {
          y = l.kind === 'conv' ? tf.conv2d(y, tf.ones([l.size, l.size, 1, 1]) as tf.Tensor4D, l.stride, 'valid') : tf.avgPool(y, l.size, l.stride, 'valid');
        }
        expect(y.shape).toEqual([1, fields[4]!.side, fields[4]!.side, 1]);
        return y.slice([0, 1, 2, 0], [1, 1, 1, 1]).sum();
      };
      return tf.grad(f)(tf.ones([1, 28, 28, 1]) as tf.Tensor4D).dataSync();
    });
    const seen = new Set<number>();
    grad.forEach((g, i) => g > 0 && seen.add(i));
    expect(seen).toEqual(square(28, unitSpans(fields, 4, 1)[0]!, unitSpans(fields, 4, 2)[0]!));
  });

  it('reports a stride that leaves cells over, and rejects a window that does not fit', () => {
    const fields = receptiveField(26, [{ kind: 'pool', size: 3, stride: 3 }]);
    expect(fields[1]).toMatchObject({ side: 8, field: 3, jump: 3, leftover: 2 });
    expect(() => receptiveField(4, [{ kind: 'conv', size: 5, stride: 1 }])).toThrow(/does not fit/);
  });
});
