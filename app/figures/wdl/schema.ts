import { int, num, oneOf, type ValuesOf } from '../../state/schema';

/** The "rules versus learning" figure: the reader's hand rule, the data, and the seed. */
export const rulesSchema = {
  rule: oneOf(['line', 'circle', 'box'] as const, 'line'),
  angle: num(-180, 180, 90, 1),
  offset: num(-1.2, 1.2, 0, 0.01),
  cx: num(-1, 1, 0, 0.01),
  cy: num(-1, 1, 0, 0.01),
  r: num(0.05, 1.2, 0.3, 0.01),
  w: num(0.05, 1.2, 0.3, 0.01),
  h: num(0.05, 1.2, 0.3, 0.01),
  data: oneOf(['circle', 'xor', 'spiral'] as const, 'circle'),
  seed: int(1, 99999, 1),
};

export type RulesSettings = ValuesOf<typeof rulesSchema>;

/** The "wrong tool" figure: how many training points, which model, which points are drawn. */
export const overfitSchema = {
  n: int(10, 200, 10),
  model: oneOf(['big', 'neuron'] as const, 'big'),
  show: oneOf(['train', 'test'] as const, 'train'),
  seed: int(1, 99999, 1),
};

export type OverfitSettings = ValuesOf<typeof overfitSchema>;
