/** The drawn picture the kernel editor convolves besides the MNIST digits (`digits/useMnist.ts`). */
import { createRng, type Grid } from '../../engine';

export const SIZE = 28;

/**
 * A small grayscale "photo": a sky that darkens towards the horizon, a sun disc, a house with a roof, a door and
 * a window, dark ground, and a little seeded grain, so every filter has something to find.
 */
export function sceneImage(): Grid {
  const rng = createRng(7);
  const values = new Float32Array(SIZE * SIZE);
  const roofTop = 9;
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) {
      let v = 0.75 - 0.012 * r; // sky
      if (Math.hypot(r - 6, c - 6.5) <= 3.6) v = 1; // sun
      if (r >= 21) v = 0.22 + 0.01 * (r - 21); // ground
      const inWalls = r >= 15 && r <= 22 && c >= 14 && c <= 24;
      // The roof: a triangle from (roofTop, 19) down to row 14, from column 12 to 26.
      const half = ((r - roofTop) / (14 - roofTop)) * 7;
      const inRoof = r >= roofTop && r <= 14 && Math.abs(c - 19) <= half;
      if (inRoof) v = 0.12;
      if (inWalls) v = 0.55;
      if (r >= 18 && r <= 22 && c >= 16 && c <= 18) v = 0.08; // door
      if (r >= 17 && r <= 19 && c >= 21 && c <= 23) v = 0.92; // window
      values[r * SIZE + c] = Math.min(1, Math.max(0, v + (rng.next() - 0.5) * 0.04));
    }
  }
  return { rows: SIZE, cols: SIZE, values };
}
