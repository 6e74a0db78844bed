import type { FeatureName } from '../../engine';
import { int, num, oneOf, setOf, type ValuesOf } from '../../state/schema';

/** Limits: above TensorFlow Playground's 6 × 8, still small enough to draw every neuron's map. */
export const MAX_LAYERS = 8;
export const MAX_NEURONS = 16;
export const LAYER_KEYS = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];
/** Each hidden layer's own activation; 'same' follows the lab-wide one. */
export const ACT_KEYS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'] as const;
export type ActKey = (typeof ACT_KEYS)[number];
export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'] as const;
export type LabActivation = (typeof ACTIVATIONS)[number];

const onOff = (on: boolean) => oneOf(['0', '1'] as const, on ? '1' : '0');
const layerAct = () => oneOf(['same', ...ACTIVATIONS] as const, 'same');

/** The learning rates offered, as in most playgrounds: roughly ×3 apart. */
export const LEARNING_RATES = [0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
/** The regularization rates offered (TensorFlow Playground's list). */
export const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** The groups of controls a classroom link can hide. */
export const CONTROL_GROUPS = ['data', 'features', 'layers', 'hyper', 'regularization', 'tools'] as const;
export type ControlGroup = (typeof CONTROL_GROUPS)[number];

export const DATASETS = ['circle', 'xor', 'blobs', 'spiral', 'spiral3', 'plane', 'gauss-reg'] as const;
export type LabDataset = (typeof DATASETS)[number];

/** Everything that defines the lab's state, and so its share link. */
export const playgroundSchema = {
  data: oneOf(DATASETS, 'circle'),
  noise: num(0, 1, 0, 0.05),
  split: int(10, 90, 50),
  batch: int(1, 30, 10),
  lr: num(0.0001, 10, 0.03, 0.0001),
  act: oneOf(ACTIVATIONS, 'tanh'),
  opt: oneOf(['sgd', 'momentum', 'adam'] as const, 'adam'),
  reg: oneOf(['none', 'l1', 'l2'] as const, 'none'),
  rate: num(0, 10, 0.003, 0.0001),
  layers: int(0, MAX_LAYERS, 2),
  n1: int(1, MAX_NEURONS, 4),
  n2: int(1, MAX_NEURONS, 2),
  n3: int(1, MAX_NEURONS, 2),
  n4: int(1, MAX_NEURONS, 2),
  n5: int(1, MAX_NEURONS, 2),
  n6: int(1, MAX_NEURONS, 2),
  n7: int(1, MAX_NEURONS, 2),
  n8: int(1, MAX_NEURONS, 2),
  a1: layerAct(),
  a2: layerAct(),
  a3: layerAct(),
  a4: layerAct(),
  a5: layerAct(),
  a6: layerAct(),
  a7: layerAct(),
  a8: layerAct(),
  x1: onOff(true),
  x2: onOff(true),
  x1sq: onOff(false),
  x2sq: onOff(false),
  x1x2: onOff(false),
  sin1: onOff(false),
  sin2: onOff(false),
  show: oneOf(['train', 'test', 'both'] as const, 'train'),
  discretize: onOff(false),
  view: oneOf(['weights', 'gradients'] as const, 'weights'),
  hide: setOf(CONTROL_GROUPS),
  seed: int(1, 99999, 1),
};

export type PlaygroundSettings = ValuesOf<typeof playgroundSchema>;
export type FeatureKey = FeatureName & keyof PlaygroundSettings;
