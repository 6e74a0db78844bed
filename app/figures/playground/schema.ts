import type { FeatureName } from '../../engine';
import { int, num, oneOf, type ValuesOf } from '../../state/schema';

export const MAX_LAYERS = 6;
export const MAX_NEURONS = 8;
export const LAYER_KEYS = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

const onOff = (on: boolean) => oneOf(['0', '1'] as const, on ? '1' : '0');

/** The learning rates offered, as in most playgrounds: roughly ×3 apart. */
export const LEARNING_RATES = [0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** Everything that defines the lab's state, and so its share link. */
export const playgroundSchema = {
  data: oneOf(['circle', 'xor', 'blobs', 'spiral'] as const, 'circle'),
  noise: num(0, 1, 0, 0.05),
  split: int(10, 90, 50),
  batch: int(1, 30, 10),
  lr: num(0.0001, 10, 0.03, 0.0001),
  act: oneOf(['tanh', 'relu', 'sigmoid', 'linear'] as const, 'tanh'),
  opt: oneOf(['sgd', 'momentum', 'adam'] as const, 'adam'),
  layers: int(0, MAX_LAYERS, 2),
  n1: int(1, MAX_NEURONS, 4),
  n2: int(1, MAX_NEURONS, 2),
  n3: int(1, MAX_NEURONS, 2),
  n4: int(1, MAX_NEURONS, 2),
  n5: int(1, MAX_NEURONS, 2),
  n6: int(1, MAX_NEURONS, 2),
  x1: onOff(true),
  x2: onOff(true),
  x1sq: onOff(false),
  x2sq: onOff(false),
  x1x2: onOff(false),
  sin1: onOff(false),
  sin2: onOff(false),
  show: oneOf(['train', 'test'] as const, 'train'),
  seed: int(1, 99999, 1),
};

export type PlaygroundSettings = ValuesOf<typeof playgroundSchema>;
export type FeatureKey = FeatureName & keyof PlaygroundSettings;
