/**
 * Max and average pooling of one grayscale map, in plain TypeScript, with valid padding (windows never hang over
 * the edge). Small and exact, for figures that write out every window; `pool.test.ts` proves it equals
 * `tf.maxPool` / `tf.avgPool`.
 */
import { convOutputSize, type ConvOutputSize, type Grid } from './conv';

export type PoolMode = 'max' | 'average';

/** A pooled map, and for max pooling which input cell won each window. */
export interface PoolResult extends Grid {
  /**
   * For max pooling, `winners[i]` is the index (`r * cols + c` in the input) of the cell whose value output cell
   * `i` took; the first one in reading order on a tie. For average pooling it is null.
   */
  winners: Int32Array | null;
}

/**
 * The output length of a pooling window along one side, with valid padding: ⌊(n − size) / stride⌋ + 1, and the
 * input cells at the end that no window reads.
 *
 * @example
 * poolOutputSize(26, 2, 2); // { size: 13, leftover: 0, fits: true }
 * poolOutputSize(26, 3, 3); // { size: 8, leftover: 2, fits: true }: the last 2 columns are never read
 */
export function poolOutputSize(n: number, size: number, stride: number): ConvOutputSize {
  return convOutputSize(n, size, 0, stride);
}

/**
 * The input cells (indices `r * cols + c`) of the window behind output cell (r, c), row by row.
 *
 * @example
 * poolWindow({ rows: 4, cols: 4, values }, 1, 0, 2, 2); // [8, 9, 12, 13]
 */
export function poolWindow(input: Pick<Grid, 'cols'>, r: number, c: number, size: number, stride: number): number[] {
  const cells: number[] = [];
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) cells.push((r * stride + i) * input.cols + c * stride + j);
  return cells;
}

/**
 * Pools `input` with a size × size window moved `stride` cells at a time (valid padding). Max pooling keeps each
 * window's largest value and remembers where it was; average pooling keeps the window's mean.
 *
 * @example
 * const map = { rows: 2, cols: 2, values: Float32Array.from([1, 4, 3, 2]) };
 * pool2d(map, 'max', 2, 2);     // { rows: 1, cols: 1, values: [4], winners: [1] }
 * pool2d(map, 'average', 2, 2); // { rows: 1, cols: 1, values: [2.5], winners: null }
 */
export function pool2d(input: Grid, mode: PoolMode, size: number, stride: number): PoolResult {
  const rowsOut = poolOutputSize(input.rows, size, stride);
  const colsOut = poolOutputSize(input.cols, size, stride);
  if (!rowsOut.fits || !colsOut.fits) throw new Error(`a ${size} × ${size} window does not fit in a ${input.rows} × ${input.cols} map`);
  const rows = rowsOut.size;
  const cols = colsOut.size;
  const values = new Float32Array(rows * cols);
  const winners = mode === 'max' ? new Int32Array(rows * cols) : null;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let best = -Infinity;
      let bestAt = -1;
      let sum = 0;
      for (let i = 0; i < size; i++) {
        for (let j = 0; j < size; j++) {
          const at = (r * stride + i) * input.cols + c * stride + j;
          const x = input.values[at]!;
          sum += x;
          if (x > best) {
            best = x;
            bestAt = at;
          }
        }
      }
      values[r * cols + c] = mode === 'max' ? best : sum / (size * size);
      if (winners) winners[r * cols + c] = bestAt;
    }
  }
  return { rows, cols, values, winners };
}

/**
 * The ReLU of a map, max(0, x) cell by cell: what a convolution layer hands to its pooling layer.
 *
 * @example
 * relu({ rows: 1, cols: 2, values: Float32Array.from([-1, 2]) }).values; // [0, 2]
 */
export function relu(input: Grid): Grid {
  return { rows: input.rows, cols: input.cols, values: input.values.map((x) => (x > 0 ? x : 0)) };
}
