import { num, oneOf, type ValuesOf } from '../../state/schema';

/** The softmax figure: three class scores and which class is the right answer. */
export const softmaxSchema = {
  s0: num(-5, 5, 1, 0.1),
  s1: num(-5, 5, 2, 0.1),
  s2: num(-5, 5, -1, 0.1),
  right: oneOf(['0', '1', '2'] as const, '0'),
};

export type SoftmaxSettings = ValuesOf<typeof softmaxSchema>;
