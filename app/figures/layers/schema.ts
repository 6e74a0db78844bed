import { int, num, oneOf, type ValuesOf } from '../../state/schema';

/** Hidden layers the reader can pick: units per hidden layer, first to last. */
export const ARCHITECTURES = {
  '4-4': [4, 4],
  '6-4': [6, 4],
  '3': [3],
} as const satisfies Record<string, readonly number[]>;

export type Architecture = keyof typeof ARCHITECTURES;

/** Everything that defines the forward-pass figure's state, and so its share link. */
export const networkSchema = {
  data: oneOf(['circle', 'xor'] as const, 'circle'),
  arch: oneOf(Object.keys(ARCHITECTURES) as Architecture[], '4-4'),
  act: oneOf(['tanh', 'relu'] as const, 'tanh'),
  seed: int(1, 99999, 3),
  lr: num(0.001, 1, 0.03, 0.001),
  x1: num(-1.2, 1.2, 0.3, 0.01),
  x2: num(-1.2, 1.2, 0.25, 0.01),
};

export type NetworkSettings = ValuesOf<typeof networkSchema>;
