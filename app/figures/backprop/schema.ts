import { num, oneOf, type ValuesOf } from '../../state/schema';

/** The backpropagation figure: the learning rate and the example's label (its input is fixed at x = (1, 0.5)). */
export const backpropSchema = {
  lr: num(0.05, 2, 0.5, 0.01),
  y: oneOf(['0', '1'] as const, '1'),
};

export type BackpropSettings = ValuesOf<typeof backpropSchema>;
