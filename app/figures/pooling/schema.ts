import { int, oneOf, type ValuesOf } from '../../state/schema';

/** A few MNIST digits, by index in the course's file. */
export const DIGITS = ['d11', 'd2', 'd0', 'd5'] as const;
export type DigitChoice = (typeof DIGITS)[number];

/** What gets pooled: an edge kernel's feature map after ReLU (26 × 26), or the digit itself (28 × 28). */
export const SOURCES = {
  vertical: { label: 'Vertical edges, after ReLU' },
  horizontal: { label: 'Horizontal edges, after ReLU' },
  raw: { label: 'The raw digit' },
} as const;
export type SourceName = keyof typeof SOURCES;
export const SOURCE_NAMES = Object.keys(SOURCES) as SourceName[];

/** The pooling explorer: the digit, the map it pools, max or average, and the window and stride (2 or 3). */
export const poolingSchema = {
  digit: oneOf(DIGITS, 'd11'),
  source: oneOf(SOURCE_NAMES, 'vertical'),
  mode: oneOf(['max', 'average'] as const, 'max'),
  size: int(2, 3, 2),
  stride: int(2, 3, 2),
};

export type PoolingSettings = ValuesOf<typeof poolingSchema>;
