/** The words the pooling explorer writes: how the windows tile the map, and one window's computation. */
import { poolOutputSize } from '../../engine/pool';

/** A number as the figure prints it: two decimals, a real minus sign. */
export const fmt = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2)).replace('-', '−');

const cells = (n: number) => (n === 1 ? '1 cell' : `${n} cells`);

/** How `size` × `size` windows moved `stride` at a time cover an n × n map. */
export interface Tiling {
  /** ⌊(n − size) / stride⌋ + 1 = side, written out. */
  formula: string;
  side: number;
  /** True when the windows sit side by side with no gap, no overlap and nothing left over. */
  even: boolean;
  /** What is uneven, one sentence each (empty when even). */
  problems: string[];
}

/**
 * @example
 * tiling(26, 3, 3); // { side: 8, even: false, problems: ['26 − 3 = 23 is not a multiple of 3: the last 2 columns …'] }
 */
export function tiling(n: number, size: number, stride: number): Tiling {
  const out = poolOutputSize(n, size, stride);
  const problems: string[] = [];
  if (stride < size) problems.push(`Neighbouring windows overlap by ${cells(size - stride)}, so some cells are read twice.`);
  if (stride > size) problems.push(`The windows leave a gap of ${cells(stride - size)} between them: those cells are never read (hatched).`);
  if (out.leftover > 0) {
    const what = out.leftover === 1 ? 'column and the last row are' : `${out.leftover} columns and rows are`;
    problems.push(`${n} − ${size} = ${n - size} is not a multiple of ${stride}: the last ${what} never read (hatched).`);
  }
  return { formula: `⌊(${n} − ${size}) / ${stride}⌋ + 1 = ${out.size}`, side: out.size, even: problems.length === 0, problems };
}
