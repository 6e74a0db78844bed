/**
 * The points at which a figure evaluates a 2D model for its heatmap: the centres of a res × res grid over
 * [lo, hi]², row by row from the top (y = hi) down, each row from left to right. This is the order in which
 * `createDecisionPlane` paints its cells, so a probe over these points can be drawn without resampling.
 *
 * @example
 * const inputs = gridPoints(48, -1.2, 1.2); // Float32Array of 48·48·2 values
 * const trainer = createTrainer({ ..., probes: (m) => ({ grid: m.predict(tf.tensor2d(inputs, [48 * 48, 2])) }) });
 */
export function gridPoints(res: number, lo: number, hi: number): Float32Array {
  const out = new Float32Array(res * res * 2);
  for (let j = 0; j < res; j++) {
    const y = hi - ((j + 0.5) / res) * (hi - lo);
    for (let i = 0; i < res; i++) {
      const k = (j * res + i) * 2;
      out[k] = lo + ((i + 0.5) / res) * (hi - lo);
      out[k + 1] = y;
    }
  }
  return out;
}
