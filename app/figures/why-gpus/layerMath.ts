/**
 * "Why GPUs", figure 2: the work in one layer, y = W x with 16 outputs and 16 inputs (256 multiply-adds), on a
 * clock where one tick is the time of one multiply-add.
 *
 *   loop      one multiply-add per tick, row after row: 256 ticks
 *   parallel  one thread per output neuron, all in step: each tick every row does its next multiply-add: 16 ticks
 *   blocks    the threads grouped in blocks of 4 rows; a GPU with 2 compute units runs 2 blocks at a time: 32 ticks
 */
export const ROWS = 16;
export const COLS = 16;
export const BLOCK_ROWS = 4;
export const UNITS = 2;

export type LayerMode = 'loop' | 'parallel' | 'blocks';
export type OpState = 'done' | 'now' | 'waiting';

/** The layer's weights and input: small integers, so every sum is exact. */
export const weight = (i: number, j: number): number => ((i * 5 + j * 3) % 7) - 3;
export const input = (j: number): number => ((j * 2) % 5) - 2;

/** The block a row (output neuron) belongs to. */
export const blockOf = (i: number): number => Math.floor(i / BLOCK_ROWS);

/**
 * The tick (from 1) at which the multiply-add of weight (i, j) happens.
 *
 * @example
 * opTick('loop', 1, 0); // 17: row 0's sixteen come first
 * opTick('parallel', 9, 3); // 4: every row does its column 3 at tick 4
 */
export function opTick(mode: LayerMode, i: number, j: number): number {
  if (mode === 'loop') return i * COLS + j + 1;
  if (mode === 'parallel') return j + 1;
  const wave = Math.floor(blockOf(i) / UNITS);
  return wave * COLS + j + 1;
}

/** Ticks the whole layer takes. */
export function totalTicks(mode: LayerMode): number {
  let max = 0;
  for (let i = 0; i < ROWS; i++) max = Math.max(max, opTick(mode, i, COLS - 1));
  return max;
}

/** A multiply-add's state after `tick` ticks: the ones of this very tick are "now" (until the layer is finished). */
export function opState(mode: LayerMode, i: number, j: number, tick: number): OpState {
  const t = opTick(mode, i, j);
  if (t < tick || (t === tick && tick >= totalTicks(mode))) return 'done';
  return t === tick ? 'now' : 'waiting';
}

/** Multiply-adds finished after `tick` ticks. */
export function opsDone(mode: LayerMode, tick: number): number {
  let n = 0;
  for (let i = 0; i < ROWS; i++) for (let j = 0; j < COLS; j++) if (opTick(mode, i, j) <= tick) n++;
  return n;
}

/** Output i's running sum after `tick` ticks. */
export function partialSum(mode: LayerMode, i: number, tick: number): number {
  let s = 0;
  for (let j = 0; j < COLS; j++) if (opTick(mode, i, j) <= tick) s += weight(i, j) * input(j);
  return s;
}

/** Multiply-adds running at the same moment in this mode. */
export function lanes(mode: LayerMode): number {
  return mode === 'loop' ? 1 : mode === 'parallel' ? ROWS : UNITS * BLOCK_ROWS;
}
