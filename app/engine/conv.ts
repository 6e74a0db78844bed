/**
 * Convolution as deep learning computes it (cross-correlation: the kernel is not flipped), on one grayscale image,
 * in plain TypeScript. Small and exact, for figures that write out every multiplication.
 */

/** A grayscale image or feature map: `values[r * cols + c]`. */
export interface Grid {
  rows: number;
  cols: number;
  values: Float32Array;
}

/**
 * Valid convolution (no padding, stride 1) of `image` with the square `kernel` (k × k, row by row):
 * out[r][c] = Σᵢ Σⱼ image[r + i][c + j] · kernel[i][j]. The output is (rows − k + 1) × (cols − k + 1).
 *
 * @example
 * conv2dValid({ rows: 3, cols: 3, values: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]) }, [1, 0, 0, -1], 2);
 * // { rows: 2, cols: 2, values: [-4, -4, -4, -4] }
 */
export function conv2dValid(image: Grid, kernel: ArrayLike<number>, k: number): Grid {
  if (kernel.length !== k * k) throw new Error(`a ${k} × ${k} kernel needs ${k * k} numbers, got ${kernel.length}`);
  const rows = image.rows - k + 1;
  const cols = image.cols - k + 1;
  if (rows < 1 || cols < 1) throw new Error(`a ${k} × ${k} kernel does not fit in a ${image.rows} × ${image.cols} image`);
  const values = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) sum += image.values[(r + i) * image.cols + c + j]! * kernel[i * k + j]!;
      values[r * cols + c] = sum;
    }
  }
  return { rows, cols, values };
}

/** The k × k window of `image` whose top-left corner is (r, c), row by row. */
export function windowAt(image: Grid, r: number, c: number, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out.push(image.values[(r + i) * image.cols + c + j]!);
  return out;
}

/** What `convOutputSize` says about one side of a convolution. */
export interface ConvOutputSize {
  /** ⌊(n + 2p − k) / s⌋ + 1, or 0 when the kernel does not fit. */
  size: number;
  /** Input cells (with padding) left over at the end, never visited by a window: (n + 2p − k) mod s. */
  leftover: number;
  /** False when the kernel is larger than the padded input. */
  fits: boolean;
}

/**
 * The output length of a convolution along one side: input n, kernel k, padding p on each side, stride s.
 *
 * @example
 * convOutputSize(28, 3, 0, 1); // { size: 26, leftover: 0, fits: true }
 * convOutputSize(7, 3, 0, 3);  // { size: 2, leftover: 1, fits: true }: the last column is skipped
 */
export function convOutputSize(n: number, k: number, p: number, s: number): ConvOutputSize {
  if (![n, k, p, s].every(Number.isInteger) || n < 1 || k < 1 || p < 0 || s < 1) {
    throw new Error('sizes must be whole numbers: n, k, s at least 1 and p at least 0');
  }
  const span = n + 2 * p - k;
  if (span < 0) return { size: 0, leftover: 0, fits: false };
  return { size: Math.floor(span / s) + 1, leftover: span % s, fits: true };
}
