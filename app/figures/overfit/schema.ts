import { int, num, oneOf, type ValuesOf } from '../../state/schema';
import type { Regularization } from '../../engine';

/** Everything that defines the overfitting figure's state, and so its share link. */
export const overfitSchema = {
  penalty: oneOf(['none', 'l2', 'l1'] as const, 'none'),
  lambda: num(0.0001, 0.1, 0.01, 0.0001),
  dropout: oneOf(['off', 'on'] as const, 'off'),
  rate: num(0.1, 0.7, 0.3, 0.05),
  points: oneOf(['30', '300', '1000'] as const, '30'),
  net: oneOf(['big', 'small'] as const, 'big'),
  lr: num(0.001, 0.1, 0.005, 0.001),
  seed: int(1, 99999, 1),
};

export type OverfitSettings = ValuesOf<typeof overfitSchema>;

/** The network each size choice builds: input 2, hidden layers, one output. */
export const NETWORKS = { big: [2, 16, 16, 16, 1], small: [2, 4, 1] } as const;

/** The regularization the model reads at its next training step. */
export function regularizationOf(v: Pick<OverfitSettings, 'penalty' | 'lambda' | 'dropout' | 'rate'>): Regularization {
  return { penalty: v.penalty, lambda: v.penalty === 'none' ? 0 : v.lambda, dropout: v.dropout === 'on' ? v.rate : 0 };
}

/** Index of the smallest finite value, or null when there is none. */
export function argMin(values: ArrayLike<number>): number | null {
  let best: number | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v) && (best === null || v < values[best]!)) best = i;
  }
  return best;
}
