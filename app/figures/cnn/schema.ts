import { int, num, oneOf, type ValuesOf } from '../../state/schema';

export const BATCH_SIZES = ['16', '32', '64', '128'] as const;
export const OPTIMIZERS = ['adam', 'momentum', 'sgd'] as const;

/** The live CNN: its training settings, its seed, and which test digit the maps show. */
export const cnnSchema = {
  lr: num(0.0001, 1, 0.005, 0.0001),
  batch: oneOf(BATCH_SIZES, '32'),
  opt: oneOf(OPTIMIZERS, 'adam'),
  seed: int(1, 99999, 1),
  digit: int(0, 1999, 0),
};

export type CnnSettings = ValuesOf<typeof cnnSchema>;

export const OPTIMIZER_LABELS: Record<(typeof OPTIMIZERS)[number], string> = {
  adam: 'Adam',
  momentum: 'SGD with momentum',
  sgd: 'SGD',
};
