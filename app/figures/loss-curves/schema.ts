import { num, oneOf, type ValuesOf } from '../../state/schema';

/** The loss-curves figure: the true label and the prediction ŷ. ŷ stays inside (0, 1) so every loss is finite. */
export const lossCurvesSchema = {
  y: oneOf(['0', '1'] as const, '1'),
  pred: num(0.01, 0.99, 0.1, 0.01),
};

export type LossCurvesSettings = ValuesOf<typeof lossCurvesSchema>;
