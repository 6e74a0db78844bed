import type { StackLayer } from '../../engine/receptiveField';
import { oneOf, type ValuesOf } from '../../state/schema';

const conv = (size: number): StackLayer => ({ kind: 'conv', size, stride: 1 });
const pool = (size: number): StackLayer => ({ kind: 'pool', size, stride: size });

/** The stacks the figure can draw, all over a 28 × 28 input. */
export const STACKS = {
  lenet: { label: 'conv 5 × 5 → pool 2 × 2 → conv 5 × 5 → pool 2 × 2', layers: [conv(5), pool(2), conv(5), pool(2)] },
  small: { label: 'conv 3 × 3 → pool 2 × 2 → conv 3 × 3 → pool 2 × 2', layers: [conv(3), pool(2), conv(3), pool(2)] },
  convOnly: { label: 'four conv 3 × 3, no pooling', layers: [conv(3), conv(3), conv(3), conv(3)] },
} as const satisfies Record<string, { label: string; layers: StackLayer[] }>;
export type StackName = keyof typeof STACKS;
export const STACK_NAMES = Object.keys(STACKS) as StackName[];

export const INPUT = 28;

export const receptiveFieldSchema = {
  stack: oneOf(STACK_NAMES, 'lenet'),
};

export type ReceptiveFieldSettings = ValuesOf<typeof receptiveFieldSchema>;
