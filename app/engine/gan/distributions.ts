/**
 * The 2-D distributions the GAN learns to imitate, all inside the square [-1, 1]², and the noise it starts from.
 * Every sample comes from the seeded Rng, so a seed fixes the real points and the noise alike.
 */
import type { Rng } from '../rng';

export type GanDistribution = 'line' | 'gaussians' | 'ring' | 'squares' | 'drawn';
export type NoiseKind = 'uniform1' | 'uniform2' | 'gauss1' | 'gauss2';

/** The preset distributions with a name for menus (the drawn one is the reader's own). */
export const GAN_DISTRIBUTIONS: readonly { id: GanDistribution; name: string }[] = [
  { id: 'gaussians', name: '8 Gaussians on a ring' },
  { id: 'ring', name: 'ring' },
  { id: 'line', name: 'line' },
  { id: 'squares', name: 'two squares' },
  { id: 'drawn', name: 'draw your own' },
];

/** Centres of the 8-mode mixture: evenly spaced on a circle of radius 0.75. */
export const MIXTURE_CENTRES: readonly [number, number][] = Array.from({ length: 8 }, (_, i) => {
  const a = (i / 8) * 2 * Math.PI;
  return [0.75 * Math.cos(a), 0.75 * Math.sin(a)] as [number, number];
});
/** Standard deviation of each mode of the mixture. */
export const MIXTURE_STD = 0.05;

/** How far a drawn distribution's samples spread around the stroke's points. */
export const DRAWN_JITTER = 0.03;

/** Noise dimension (1 or 2) of a noise kind. */
export function noiseDim(kind: NoiseKind): 1 | 2 {
  return kind === 'uniform1' || kind === 'gauss1' ? 1 : 2;
}

/**
 * n noise vectors, flat [z0…, z1…, …]: uniform in [-1, 1] or standard Gaussian, of dimension 1 or 2.
 *
 * @example
 * const z = sampleNoise('uniform2', 64, createRng(1)); // 128 numbers
 */
export function sampleNoise(kind: NoiseKind, n: number, rng: Rng): Float32Array {
  const d = noiseDim(kind);
  const out = new Float32Array(n * d);
  const gauss = kind === 'gauss1' || kind === 'gauss2';
  for (let i = 0; i < out.length; i++) out[i] = gauss ? rng.normal() : rng.next() * 2 - 1;
  return out;
}

/**
 * n points [x0, y0, x1, y1, …] from a distribution. A drawn one needs `drawn`: the reader's stroke points, flat;
 * each sample is one of them, picked at random, plus a little Gaussian jitter.
 *
 * @example
 * const real = sampleDistribution('ring', 400, createRng(1));
 */
export function sampleDistribution(kind: GanDistribution, n: number, rng: Rng, drawn?: Float32Array): Float32Array {
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    let x = 0;
    let y = 0;
    switch (kind) {
      case 'line': {
        // A diagonal segment from (-0.7, -0.5) to (0.7, 0.5), slightly thick.
        const t = rng.next() * 2 - 1;
        x = 0.7 * t + rng.normal(0, 0.02);
        y = 0.5 * t + rng.normal(0, 0.02);
        break;
      }
      case 'gaussians': {
        const c = MIXTURE_CENTRES[rng.int(8)] as [number, number];
        x = c[0] + rng.normal(0, MIXTURE_STD);
        y = c[1] + rng.normal(0, MIXTURE_STD);
        break;
      }
      case 'ring': {
        const a = rng.next() * 2 * Math.PI;
        const r = 0.7 + rng.normal(0, 0.03);
        x = r * Math.cos(a);
        y = r * Math.sin(a);
        break;
      }
      case 'squares': {
        // Two disjoint squares of side 0.5: bottom left and top right.
        const left = rng.next() < 0.5;
        x = (left ? -0.75 : 0.25) + rng.next() * 0.5;
        y = (left ? -0.75 : 0.25) + rng.next() * 0.5;
        break;
      }
      case 'drawn': {
        const m = drawn ? Math.floor(drawn.length / 2) : 0;
        if (m === 0) throw new Error('Draw some points on the plane first: a drawn distribution needs at least one.');
        const j = rng.int(m);
        x = (drawn as Float32Array)[2 * j]! + rng.normal(0, DRAWN_JITTER);
        y = (drawn as Float32Array)[2 * j + 1]! + rng.normal(0, DRAWN_JITTER);
        break;
      }
    }
    out[2 * i] = x;
    out[2 * i + 1] = y;
  }
  return out;
}

/**
 * Noise points on a grid (2-D noise: `side` × `side`; 1-D noise: `side` points along a line) spanning where most
 * noise falls: [-1, 1] for uniform noise, [-2, 2] (two standard deviations) for Gaussian noise. The generator
 * applied to it draws the warped grid, the "manifold" it lays over the plane.
 *
 * @example
 * noiseGrid('uniform2', 11); // 121 two-number points, rows of constant z₂
 */
export function noiseGrid(kind: NoiseKind, side: number): Float32Array {
  const d = noiseDim(kind);
  const span = kind === 'gauss1' || kind === 'gauss2' ? 2 : 1;
  const at = (i: number) => -span + (2 * span * i) / (side - 1);
  if (d === 1) return Float32Array.from({ length: side }, (_, i) => at(i));
  const out = new Float32Array(side * side * 2);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      out[2 * (r * side + c)] = at(c);
      out[2 * (r * side + c) + 1] = at(r);
    }
  }
  return out;
}

/**
 * Packs drawn points into a short text for a share link: each coordinate in [-1, 1] becomes one of 64 characters
 * (a step of 1/32), so a point costs two characters.
 *
 * @example
 * decodeDrawn(encodeDrawn(Float32Array.of(0, 0.5))); // ≈ [0, 0.5], to within 1/63
 */
export function encodeDrawn(points: Float32Array): string {
  let s = '';
  for (let i = 0; i < points.length; i++) {
    const q = Math.round(((Math.max(-1, Math.min(1, points[i]!)) + 1) / 2) * 63);
    s += CODE[q];
  }
  return s;
}

/** Reads {@link encodeDrawn}'s text back; characters it does not know, and an odd last one, are skipped. */
export function decodeDrawn(text: string): Float32Array {
  const values: number[] = [];
  for (const ch of text) {
    const q = CODE.indexOf(ch);
    if (q >= 0) values.push((q / 63) * 2 - 1);
  }
  if (values.length % 2) values.pop();
  return Float32Array.from(values);
}

const CODE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
