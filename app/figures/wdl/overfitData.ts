/**
 * The data of the "too little data" figure: a few training points and many test points, drawn from the same two
 * heavily overlapping blobs.
 */
import { makePoints2D } from '../../engine';
import type { Dataset } from '../../engine/types';

/** Blob noise: the groups overlap so much that no rule can get every new point right. */
export const NOISE = 1.8;
export const TEST_POINTS = 400;
/**
 * The best accuracy any rule can expect on new points: the straight line halfway between the blob centres gets
 * Φ(d / 2σ) right, with d the distance between the centres and σ = 0.12 + 0.3 · noise their spread (points2d.ts).
 */
export const BEST = 0.81;

/** Training and test points for a figure setting; the test seed is far from any training seed a reader can pick. */
export function makeOverfitData(n: number, seed: number): { train: Dataset; test: Dataset } {
  return {
    train: makePoints2D('blobs', { n, noise: NOISE, seed }),
    test: makePoints2D('blobs', { n: TEST_POINTS, noise: NOISE, seed: seed + 100000 }),
  };
}
