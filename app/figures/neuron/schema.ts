import { int, num, oneOf, type ValuesOf } from '../../state/schema';

/** Everything that defines the neuron figure's state, and so its share link. */
export const neuronSchema = {
  w1: num(-4, 4, 0.6, 0.01),
  w2: num(-4, 4, -1.2, 0.01),
  b: num(-4, 4, 0.3, 0.01),
  act: oneOf(['sigmoid', 'step', 'tanh', 'relu', 'linear'] as const, 'sigmoid'),
  data: oneOf(['blobs', 'xor', 'circle'] as const, 'blobs'),
  seed: int(1, 99999, 7),
  lr: num(0.001, 100, 0.5, 0.001),
  bs: int(1, 100, 10),
  x1: num(-1.2, 1.2, 0.5, 0.01),
  x2: num(-1.2, 1.2, 0.4, 0.01),
};

export type NeuronSettings = ValuesOf<typeof neuronSchema>;
