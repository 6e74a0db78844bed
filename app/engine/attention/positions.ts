/**
 * Sinusoidal position encodings (Vaswani et al., 2017), TF-free so the page can draw them:
 *
 *   PE[pos, 2i]   = sin(pos / 10000^(2i/d))
 *   PE[pos, 2i+1] = cos(pos / 10000^(2i/d))
 *
 * Each pair of dimensions is a clock turning at its own speed: the first pairs turn fast, the last ones slowly, so
 * every position gets a different pattern and a fixed offset is the same rotation wherever it starts.
 */

/** The wavelength's base (10,000 in the original paper). */
export const POSITION_BASE = 10_000;

/**
 * The encodings of positions 0 … length−1 in `dims` dimensions, row-major [length, dims].
 *
 * @example
 * const pe = sinusoidalPositions(8, 32); // pe[3 * 32 + 0] = sin(3)
 */
export function sinusoidalPositions(length: number, dims: number, base = POSITION_BASE): Float32Array {
  if (!Number.isInteger(length) || !Number.isInteger(dims) || length < 0 || dims < 1) {
    throw new Error(`Position encodings need a whole length and dimension count (got ${length} × ${dims}).`);
  }
  const out = new Float32Array(length * dims);
  for (let pos = 0; pos < length; pos++) {
    for (let d = 0; d < dims; d++) {
      const pair = Math.floor(d / 2);
      const angle = pos / Math.pow(base, (2 * pair) / dims);
      out[pos * dims + d] = d % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return out;
}
