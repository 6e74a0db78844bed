import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { centreOfMass, inkBoundingBox, inkValues, MNIST_SIDE, preprocessDrawing } from './drawing';
import { parseMnist } from './mnist';

const W = 280;
const S = MNIST_SIDE;

/** A blank W × W canvas with the rectangle [x0, x1) × [y0, y1) filled with ink `v`. */
function rect(x0: number, y0: number, x1: number, y1: number, v = 1, size = W): Float32Array {
  const ink = new Float32Array(size * size);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) ink[y * size + x] = v;
  return ink;
}

const rowSums = (img: Float32Array) => Array.from({ length: S }, (_, y) => img.subarray(y * S, y * S + S).reduce((a, b) => a + b, 0));
const colSums = (img: Float32Array) => rowSums(transpose(img));
function transpose(img: Float32Array): Float32Array {
  const t = new Float32Array(S * S);
  for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) t[x * S + y] = img[y * S + x]!;
  return t;
}
const total = (img: ArrayLike<number>) => Array.from(img).reduce((a, b) => a + b, 0);

describe('the helpers', () => {
  it('find the bounding box and the centre of mass in pixel indices', () => {
    const ink = rect(3, 5, 7, 6, 1, 10); // columns 3–6, row 5
    expect(inkBoundingBox(ink, 10, 10)).toEqual({ x0: 3, y0: 5, x1: 7, y1: 6 });
    expect(centreOfMass(ink, 10, 10)).toEqual({ x: 4.5, y: 5, mass: 4 });
    expect(inkBoundingBox(new Float32Array(4), 2, 2)).toBeNull();
    expect(centreOfMass(new Float32Array(4), 2, 2)).toBeNull();
  });

  it('read canvas bytes as 0 … 255 and floats as 0 … 1 (or 0 … 255 when above 1)', () => {
    expect(Array.from(inkValues(Uint8ClampedArray.of(0, 255, 51)))).toEqual([0, 1, Math.fround(0.2)]);
    expect(Array.from(inkValues(Float32Array.of(0, 0.5, 1)))).toEqual([0, 0.5, 1]);
    expect(Array.from(inkValues(Float32Array.of(0, 255, 51)))).toEqual([0, 1, Math.fround(0.2)]);
  });

  it('refuse a size that does not match the values', () => {
    expect(() => preprocessDrawing(new Float32Array(10), 3, 3)).toThrow(/9 pixels, but 10 values/);
    expect(() => preprocessDrawing(new Float32Array(0), 0, 0)).toThrow(RangeError);
  });
});

describe('preprocessDrawing', () => {
  it('moves an off-centre rectangle to the centre and scales its longer side to 20 px, aspect kept', () => {
    // 60 × 120 px in the bottom-left corner: scaled by 20 / 120 it is 10 × 20 px, 200 px² of full ink.
    const img = preprocessDrawing(rect(10, 150, 70, 270), W, W)!;
    expect(img).toHaveLength(S * S);
    const c = centreOfMass(img, S, S)!;
    expect(Math.abs(c.x - 14)).toBeLessThan(0.5);
    expect(Math.abs(c.y - 14)).toBeLessThan(0.5);
    expect(c.mass).toBeCloseTo(200, 3);
    // Nothing is cut off (the mass is all there), and a full column of the rectangle holds 20 px of ink, a full
    // row 10 px: the longer side is 20 and the ratio 2 : 1 is kept.
    expect(Math.max(...colSums(img))).toBeCloseTo(20, 3);
    expect(Math.max(...rowSums(img))).toBeCloseTo(10, 3);
    const box = inkBoundingBox(img, S, S)!;
    expect(box.y1 - box.y0).toBeGreaterThanOrEqual(20);
    expect(box.y1 - box.y0).toBeLessThanOrEqual(21); // a fractional placement straddles one more pixel
    expect(Math.max(...img)).toBeCloseTo(1, 5);
    expect(Math.min(...img)).toBeGreaterThanOrEqual(0);
  });

  it('centres a thick diagonal line drawn in a corner', () => {
    // A 24 px wide pen dragged from (10, 10) to (100, 70): every pixel within 12 px of the segment is ink.
    const ink = new Uint8ClampedArray(W * W);
    for (let y = 0; y < W; y++) {
      for (let x = 0; x < W; x++) {
        const t = Math.max(0, Math.min(1, ((x - 10) * 90 + (y - 10) * 60) / (90 * 90 + 60 * 60)));
        if (Math.hypot(x - 10 - 90 * t, y - 10 - 60 * t) <= 12) ink[y * W + x] = 255;
      }
    }
    const img = preprocessDrawing(ink, W, W)!;
    const c = centreOfMass(img, S, S)!;
    expect(Math.abs(c.x - 14)).toBeLessThan(0.5);
    expect(Math.abs(c.y - 14)).toBeLessThan(0.5);
    // Source box: x from −2 → 0 … 112, i.e. 113 px wide (the longer side): its ink, scaled by (20 / 113)², is all kept.
    const box = inkBoundingBox(ink, W, W)!;
    const scale = 20 / Math.max(box.x1 - box.x0, box.y1 - box.y0);
    expect(c.mass).toBeCloseTo((total(ink) / 255) * scale * scale, 2);
    const out = inkBoundingBox(img, S, S)!;
    expect(Math.max(out.x1 - out.x0, out.y1 - out.y0)).toBeGreaterThanOrEqual(20);
    expect(Math.max(out.x1 - out.x0, out.y1 - out.y0)).toBeLessThanOrEqual(21);
  });

  it('keeps a tall thin stroke thin, as grey rather than gone', () => {
    // 6 × 200 px: scaled by 1 / 10 it is 0.6 px wide and 20 px tall, so each full row holds 0.6 px of ink.
    const img = preprocessDrawing(rect(200, 40, 206, 240), W, W)!;
    const rows = rowSums(img);
    const full = rows.filter((r) => r > 0.59);
    expect(full.length).toBeGreaterThanOrEqual(19);
    full.forEach((r) => expect(r).toBeCloseTo(0.6, 4));
    expect(total(img)).toBeCloseTo(12, 3);
    expect(Math.max(...colSums(img))).toBeLessThanOrEqual(20 + 1e-4);
    expect(Math.max(...img)).toBeGreaterThan(0.29); // 0.6 px over at most two columns: one gets at least half
  });

  it('says there is no digit for an empty or nearly empty drawing', () => {
    expect(preprocessDrawing(new Float32Array(W * W), W, W)).toBeNull();
    expect(preprocessDrawing(new Uint8ClampedArray(W * W), W, W)).toBeNull();
    expect(preprocessDrawing(rect(100, 100, 102, 102), W, W)).toBeNull(); // a 2 × 2 speck
    expect(preprocessDrawing(rect(10, 10, 12, 260, 0.01), W, W)).toBeNull(); // a long, barely visible smudge
    expect(preprocessDrawing(rect(10, 10, 30, 30), W, W)).not.toBeNull(); // a 20 px dot is something
  });

  it('gives the same image for bytes 0 … 255 and floats 0 … 1', () => {
    const floats = rect(40, 60, 90, 200, 0.6);
    const bytes = new Uint8ClampedArray(floats.map((v) => v * 255));
    const a = preprocessDrawing(floats, W, W)!;
    const b = preprocessDrawing(bytes, W, W)!;
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 2));
  });
});

describe('a shipped MNIST digit drawn ten times larger', () => {
  const mnist = parseMnist(new Uint8Array(gunzipSync(readFileSync(new URL('../../../public/datasets/mnist.bin.gz', import.meta.url)))));
  const digit = (k: number) => mnist.pixels.subarray(k * S * S, (k + 1) * S * S);
  const upscale = (d: Uint8Array) => {
    const big = new Uint8ClampedArray(W * W);
    for (let y = 0; y < W; y++) for (let x = 0; x < W; x++) big[y * W + x] = d[Math.floor(y / 10) * S + Math.floor(x / 10)]!;
    return big;
  };
  // Shifting a piecewise-constant image by δ ∈ (−1, 1) and averaging over each pixel is linear interpolation
  // between a pixel and its neighbour: (1 − |δ|) · f(i) + |δ| · f(i − sign δ).
  const shift = (f: Float32Array, dx: number, dy: number) => {
    const at = (g: Float32Array, x: number, y: number) => (x < 0 || y < 0 || x >= S || y >= S ? 0 : g[y * S + x]!);
    const sx = Math.sign(dx), sy = Math.sign(dy), ax = Math.abs(dx), ay = Math.abs(dy);
    const h = new Float32Array(S * S);
    for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) h[y * S + x] = (1 - ax) * at(f, x, y) + ax * at(f, x - sx, y);
    const v = new Float32Array(S * S);
    for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) v[y * S + x] = (1 - ay) * at(h, x, y) + ay * at(h, x, y - sy);
    return v;
  };

  it('comes back as the original moved by under half a pixel to put its centre of mass at (14, 14)', () => {
    // MNIST's digits are 20 px on their longer side, so ×10 they are 200 px and come back at scale 1 / 10 exactly;
    // MNIST centred them by whole pixels, so each is off (14, 14) by at most half a pixel, which this undoes.
    let checked = 0;
    for (let k = mnist.train; checked < 60; k++) {
      const orig = Float32Array.from(digit(k), (v) => v / 255);
      const box = inkBoundingBox(orig, S, S)!;
      if (Math.max(box.x1 - box.x0, box.y1 - box.y0) !== 20) continue; // 2 of the 10,000 are 19 px
      checked++;
      const c0 = centreOfMass(orig, S, S)!;
      const dx = 14 - c0.x, dy = 14 - c0.y;
      expect(Math.max(Math.abs(dx), Math.abs(dy))).toBeLessThanOrEqual(0.5);

      const img = preprocessDrawing(upscale(digit(k)), W, W)!;
      const expected = shift(orig, dx, dy);
      let worst = 0, mad = 0, tvx = 0, tvy = 0;
      for (let i = 0; i < S * S; i++) {
        worst = Math.max(worst, Math.abs(img[i]! - expected[i]!));
        mad += Math.abs(img[i]! - orig[i]!) / (S * S);
        if (i % S > 0) tvx += Math.abs(orig[i]! - orig[i - 1]!);
        if (i >= S) tvy += Math.abs(orig[i]! - orig[i - S]!);
      }
      expect(worst).toBeLessThan(1e-4);
      // Moving an image by δ changes it, summed over pixels, by at most |δx|·(its total variation along x) plus
      // |δy|·(along y): the mean absolute difference from the original is bounded by that over 784.
      expect(mad).toBeLessThanOrEqual((Math.abs(dx) * tvx + Math.abs(dy) * tvy) / (S * S) + 1e-5);
      const cm = centreOfMass(img, S, S)!;
      expect(Math.abs(cm.x - 14)).toBeLessThan(1e-3);
      expect(Math.abs(cm.y - 14)).toBeLessThan(1e-3);
      // The brightest pixel is where the original is brightest, give or take the shift's one pixel.
      const peak = img.indexOf(Math.max(...img));
      const px = peak % S, py = Math.floor(peak / S);
      let nearBright = false;
      for (let y = py - 1; y <= py + 1; y++) for (let x = px - 1; x <= px + 1; x++) if (x >= 0 && y >= 0 && x < S && y < S && orig[y * S + x]! >= img[peak]! - 1e-4) nearBright = true;
      expect(nearBright).toBe(true);
    }
  });
});
