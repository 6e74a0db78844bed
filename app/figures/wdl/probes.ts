/**
 * What both learning figures read back from their network with every snapshot: its output over the heatmap grid,
 * and its output at each of a few point sets (to count accuracy without a second pass).
 */
import * as tf from '@tensorflow/tfjs';
import { gridPoints } from '../../engine';
import type { Dataset, TrainableModel } from '../../engine/types';

export const DOMAIN: [number, number] = [-1.2, 1.2];
export const RES = 48;

/**
 * A Trainer `probes` function: `grid` (the network's output at `gridPoints(RES, …domain)`) plus one entry per
 * named dataset (its predicted probabilities). `sets` is read on every snapshot, so it may change.
 */
export function probesFor(sets: () => Record<string, Dataset>, domain: [number, number] = DOMAIN) {
  const grid = gridPoints(RES, domain[0], domain[1]);
  return (model: TrainableModel): Record<string, tf.Tensor> => {
    const out: Record<string, tf.Tensor> = { grid: model.predict(tf.tensor2d(grid, [RES * RES, 2])) };
    for (const [name, d] of Object.entries(sets())) out[name] = model.predict(tf.tensor2d(d.xs, [d.n, 2]));
    return out;
  };
}
