import { int, num, type Schema, type ValuesOf } from '../../state/schema';

/** How far a vector of the drag figure may reach along each axis. */
export const QKV_RANGE = 3;

/** The drag figure's four keys (and their values): where each starts. */
export const QKV_START = {
  q: [1.5, 1],
  k: [
    [2, 0.5],
    [0.5, 2],
    [-1.5, 1],
    [0.5, -1.5],
  ],
  v: [
    [2, -1],
    [1, 2],
    [-2, 1],
    [-1, -2],
  ],
} as const;

const coord = (v: number) => num(-QKV_RANGE, QKV_RANGE, v, 0.01);

function vectorFields(): Schema {
  const fields: Schema = { qx: coord(QKV_START.q[0]), qy: coord(QKV_START.q[1]) };
  QKV_START.k.forEach(([x, y], i) => {
    fields[`k${i}x`] = coord(x);
    fields[`k${i}y`] = coord(y);
  });
  QKV_START.v.forEach(([x, y], i) => {
    fields[`v${i}x`] = coord(x);
    fields[`v${i}y`] = coord(y);
  });
  return fields;
}

/** "Attention", figure 1: one query, four keys with their values, and a sharpness that multiplies the scores. */
export const qkvSchema = { ...vectorFields(), sharp: num(0.25, 4, 1, 0.05) } as Record<string, ReturnType<typeof num>>;
export type QkvSettings = ValuesOf<typeof qkvSchema>;

/** Figure 2: d as a power of two (2 … 512) and the seed of the random query and keys. */
export const scalingSchema = {
  logd: int(1, 9, 6),
  seed: int(1, 99999, 1),
};
export type ScalingSettings = ValuesOf<typeof scalingSchema>;

/** Most positions the sinusoid figure draws. */
export const MAX_POSITIONS = 64;

/** "Positional encoding", figure 1: how many positions and dimensions, and the chosen position. */
export const sinusoidsSchema = {
  n: int(4, MAX_POSITIONS, 32),
  dims: int(8, 128, 64),
  pos: int(0, MAX_POSITIONS - 1, 5),
};
export type SinusoidsSettings = ValuesOf<typeof sinusoidsSchema>;
