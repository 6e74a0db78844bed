import { int, num, oneOf, type ValuesOf } from '../../state/schema';

/**
 * The loss race: where both neurons start, their shared learning rate, and the points' seed.
 * 'wrong' is confidently wrong (a saturated sigmoid that calls every point the opposite class); 'small' is near
 * zero, the usual way to start.
 */
export const lossRaceSchema = {
  start: oneOf(['wrong', 'small'] as const, 'wrong'),
  lr: num(0.01, 10, 0.5, 0.01),
  seed: int(1, 99999, 7),
};

export type LossRaceSettings = ValuesOf<typeof lossRaceSchema>;
