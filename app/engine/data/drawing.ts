/**
 * A reader's drawing, prepared the way the MNIST digits were, so a network trained on MNIST sees it as it saw them.
 *
 * ```
 *  drawing (any size, e.g. 280 × 280)    crop to the ink     scale: longer side → 20 px     28 × 28, centre of
 *  ┌──────────────────┐                  ┌──┐                (area-averaged, aspect kept)   mass at (14, 14)
 *  │        ╱╲        │                  │╱╲│                ┌──┐                           ┌────────┐
 *  │       ╱  ╲       │        →         │  │        →       │╱╲│               →           │   ╱╲   │
 *  │                  │                  └──┘                └──┘                           └────────┘
 *  └──────────────────┘
 * ```
 *
 * Coordinates: pixel (x, y) is column x, row y, and covers the square [x, x + 1) × [y, y + 1). A centre of mass is
 * given in pixel indices (as MNIST's was computed): pixel (x, y) counts at (x, y). In the shipped MNIST file every
 * digit's centre of mass, computed this way, lies within half a pixel of (14, 14), and the longer side of its ink's
 * bounding box is 20 px.
 */

/** The side of an MNIST image. */
export const MNIST_SIDE = 28;
/** The side of the box the ink's bounding box is scaled to fit, as MNIST's digits were. */
export const MNIST_BOX = 20;
/** Where the centre of mass goes, in pixel indices of the 28 × 28 image. */
export const MNIST_CENTRE = 14;
/** Less ink than this share of the drawing's area (a full pixel counts 1) is too little to be a digit. */
export const MIN_INK_SHARE = 0.0005;
/** A bounding box whose longer side is under this share of the drawing's longer side is a speck, not a digit. */
export const MIN_SIDE_SHARE = 0.05;

/** The smallest rectangle holding every inked pixel: columns x0 … x1 − 1, rows y0 … y1 − 1. */
export interface InkBox {
  x0: number;
  y0: number;
  /** One past the last inked column. */
  x1: number;
  /** One past the last inked row. */
  y1: number;
}

/** A centre of mass in pixel indices, and the total ink (the sum of the values). */
export interface CentreOfMass {
  x: number;
  y: number;
  mass: number;
}

function checkSize(ink: ArrayLike<number>, width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`A drawing needs a positive whole width and height (got ${width} × ${height}).`);
  }
  if (ink.length !== width * height) {
    throw new RangeError(`A ${width} × ${height} drawing has ${width * height} pixels, but ${ink.length} values were given.`);
  }
}

/**
 * The ink as values 0 … 1. A `Uint8ClampedArray` (a canvas's bytes) is read as 0 … 255; a `Float32Array` is read as
 * 0 … 1, unless some value is above 1, when it too is read as 0 … 255.
 *
 * @example
 * inkValues(Uint8ClampedArray.of(0, 255, 51)); // Float32Array [0, 1, 0.2]
 */
export function inkValues(ink: Float32Array | Uint8ClampedArray): Float32Array {
  let scale = 1;
  if (ink instanceof Uint8ClampedArray) scale = 1 / 255;
  else for (let i = 0; i < ink.length; i++) if (ink[i]! > 1) { scale = 1 / 255; break; }
  const out = new Float32Array(ink.length);
  for (let i = 0; i < ink.length; i++) out[i] = Math.min(1, Math.max(0, ink[i]! * scale));
  return out;
}

/**
 * The bounding box of every pixel whose ink is above `threshold` (default 0: any ink at all), or null if none is.
 *
 * @example
 * inkBoundingBox(Float32Array.of(0, 0, 0, 1, 1, 0), 3, 2); // { x0: 0, y0: 1, x1: 2, y1: 2 }
 */
export function inkBoundingBox(ink: ArrayLike<number>, width: number, height: number, threshold = 0): InkBox | null {
  checkSize(ink, width, height);
  let x0 = width, y0 = height, x1 = 0, y1 = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x]! > threshold) {
        if (x < x0) x0 = x;
        if (x >= x1) x1 = x + 1;
        if (y < y0) y0 = y;
        y1 = y + 1;
      }
    }
  }
  return x1 > x0 ? { x0, y0, x1, y1 } : null;
}

/**
 * The ink-weighted mean pixel position, in pixel indices (pixel (x, y) counts at (x, y)), or null with no ink.
 *
 * @example
 * centreOfMass(Float32Array.of(1, 0, 0, 3), 2, 2); // { x: 0.75, y: 0.75, mass: 4 }
 */
export function centreOfMass(ink: ArrayLike<number>, width: number, height: number): CentreOfMass | null {
  checkSize(ink, width, height);
  let mass = 0, sx = 0, sy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = ink[y * width + x]!;
      mass += v;
      sx += v * x;
      sy += v * y;
    }
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass, mass } : null;
}

/**
 * For each source index j along one axis, the target pixels its span [j, j + 1) lands on after the mapping
 * t = (s − from) · scale + to, with the length of each overlap measured in target pixels.
 */
function axisWeights(start: number, end: number, from: number, to: number, scale: number, side: number): { t: number; w: number }[][] {
  const out: { t: number; w: number }[][] = [];
  for (let j = start; j < end; j++) {
    const a = (j - from) * scale + to;
    const b = a + scale;
    const cells: { t: number; w: number }[] = [];
    for (let t = Math.max(0, Math.floor(a)); t < Math.min(side, Math.ceil(b)); t++) {
      const w = Math.min(b, t + 1) - Math.max(a, t);
      if (w > 0) cells.push({ t, w });
    }
    out.push(cells);
  }
  return out;
}

/**
 * Turns a drawing into a 28 × 28 image prepared as MNIST's digits were: the ink's bounding box is scaled (aspect
 * ratio kept) so its longer side is 20 px, by area-averaging, so thin strokes become grey instead of vanishing; then
 * the image is placed so its centre of mass is at pixel (14, 14). Ink is high: 0 is paper, 1 is full ink, as in the
 * shipped dataset (`MnistData` bytes / 255). Ink that a far-off-centre mass pushes past the frame is cut off, as it
 * was in MNIST.
 *
 * Returns null when there is no ink, or too little to be a digit (less than `MIN_INK_SHARE` of the area, or a
 * bounding box under `MIN_SIDE_SHARE` of the drawing's longer side), so the figure can ask for a digit first.
 *
 * @param ink one value per pixel, row by row: 0 … 1, or 0 … 255 (a `Uint8ClampedArray`, e.g. a canvas's alpha).
 * @returns 784 values 0 … 1, row by row, or null.
 *
 * @example
 * const image = preprocessDrawing(pad.ink, 280, 280);
 * if (!image) say('Draw a digit first.');
 * else classify(image); // Float32Array(784), like one MNIST digit / 255
 */
export function preprocessDrawing(ink: Float32Array | Uint8ClampedArray, width: number, height: number): Float32Array | null {
  checkSize(ink, width, height);
  const values = inkValues(ink);
  const box = inkBoundingBox(values, width, height);
  const com = centreOfMass(values, width, height);
  if (!box || !com) return null;
  const side = Math.max(box.x1 - box.x0, box.y1 - box.y0);
  if (com.mass < MIN_INK_SHARE * width * height || side < MIN_SIDE_SHARE * Math.max(width, height)) return null;

  // Map source positions to target positions so that the centre of mass lands on the centre: in continuous
  // coordinates, pixel index i is the point i + 0.5, so the source centre com + 0.5 goes to the target's 14.5.
  const scale = MNIST_BOX / side;
  const wx = axisWeights(box.x0, box.x1, com.x + 0.5, MNIST_CENTRE + 0.5, scale, MNIST_SIDE);
  const wy = axisWeights(box.y0, box.y1, com.y + 0.5, MNIST_CENTRE + 0.5, scale, MNIST_SIDE);

  // Each source pixel spreads its ink over the target pixels it overlaps, in proportion to the overlap's area: a
  // target pixel's value is the mean ink over its footprint in the drawing.
  const out = new Float32Array(MNIST_SIDE * MNIST_SIDE);
  for (let y = box.y0; y < box.y1; y++) {
    const rows = wy[y - box.y0]!;
    for (let x = box.x0; x < box.x1; x++) {
      const v = values[y * width + x]!;
      if (v === 0) continue;
      const cols = wx[x - box.x0]!;
      for (const r of rows) {
        for (const c of cols) {
          const k = r.t * MNIST_SIDE + c.t;
          out[k] = out[k]! + v * r.w * c.w;
        }
      }
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = Math.min(1, out[i]!);
  return out;
}
