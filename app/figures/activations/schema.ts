import { int, num, oneOf, type ValuesOf } from '../../state/schema';

export const FUNCTIONS = ['relu', 'leaky-relu', 'sigmoid', 'tanh', 'gelu', 'softmax'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

/** The activation explorer: which function, the input x, and softmax's other two scores and temperature. */
export const explorerSchema = {
  fn: oneOf(FUNCTIONS, 'relu'),
  x: num(-4, 4, 1, 0.01),
  z2: num(-4, 4, 1, 0.01),
  z3: num(-4, 4, -1, 0.01),
  temp: num(0.25, 4, 1, 0.01),
};

export type ExplorerSettings = ValuesOf<typeof explorerSchema>;

/** Two deep nets side by side: all-linear against a non-linear hidden activation, on the same data. */
export const compareSchema = {
  data: oneOf(['circle', 'xor'] as const, 'circle'),
  act: oneOf(['relu', 'tanh'] as const, 'relu'),
  seed: int(1, 99999, 3),
  lr: num(0.001, 0.3, 0.03, 0.001),
};

export type CompareSettings = ValuesOf<typeof compareSchema>;
