import { int, num, type ValuesOf } from '../../state/schema';

/** The optimizer race: where it starts, each optimizer's learning rate, and how many steps. */
export const landscapeSchema = {
  sx: num(-2.5, 2.5, -2, 0.01),
  sy: num(-1.5, 2, -0.2, 0.01),
  lrSgd: num(0.001, 0.2, 0.12, 0.001),
  lrMom: num(0.001, 0.2, 0.01, 0.001),
  lrAdam: num(0.001, 1, 0.1, 0.001),
  steps: int(10, 300, 80),
};

export type LandscapeSettings = ValuesOf<typeof landscapeSchema>;
