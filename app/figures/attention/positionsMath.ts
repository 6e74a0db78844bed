/**
 * The positional-encoding figure's arithmetic: the similarity of every pair of sinusoidal encodings.
 *
 * Each pair of dimensions (sin, cos) of an encoding has length 1, so every encoding has squared length d/2 and
 * PE(i) · PE(j) / (d/2) is the cosine of the angle between them, 1 on the diagonal. For one pair turning at speed ω,
 * sin(ωi)sin(ωj) + cos(ωi)cos(ωj) = cos(ω(i − j)): the similarity depends on the offset i − j alone.
 */

/**
 * The [n, n] matrix of PE(i) · PE(j) / (d/2), row-major, from encodings stored [n, d].
 *
 * @example
 * similarityMatrix(sinusoidalPositions(16, 32), 16, 32)[0]; // 1: a position is most like itself
 */
export function similarityMatrix(pe: Float32Array, positions: number, dims: number): Float32Array {
  if (pe.length !== positions * dims) throw new Error(`Expected ${positions} × ${dims} encodings, got ${pe.length} numbers.`);
  const out = new Float32Array(positions * positions);
  const norm = dims / 2;
  for (let i = 0; i < positions; i++) {
    for (let j = i; j < positions; j++) {
      let s = 0;
      for (let k = 0; k < dims; k++) s += pe[i * dims + k]! * pe[j * dims + k]!;
      out[i * positions + j] = out[j * positions + i] = s / norm;
    }
  }
  return out;
}

/** Row `pos` of [n, d] encodings. */
export function encodingAt(pe: Float32Array, pos: number, dims: number): Float32Array {
  return pe.subarray(pos * dims, (pos + 1) * dims);
}
