/** Log–log axes for the GFLOP/s chart: pure, so they are tested in Node. */

/**
 * The powers of ten that cover [lo, hi] (at least one decade), for a log axis.
 *
 * @example
 * decades(0.03, 4); // [0.01, 0.1, 1, 10]
 */
export function decades(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi > 0)) return [0.1, 1];
  let a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  if (a === b) a -= 1;
  const out: number[] = [];
  for (let e = a; e <= b; e++) out.push(Number((10 ** e).toPrecision(1)));
  return out;
}

/**
 * A log scale from [d0, d1] to [r0, r1].
 *
 * @example
 * logScale(16, 1024, 0, 600)(128); // 300
 */
export function logScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const l0 = Math.log(d0);
  const span = Math.log(d1) - l0 || 1;
  return (v) => r0 + ((Math.log(v) - l0) / span) * (r1 - r0);
}

/** "0.01", "1", "1k". */
export const tickLabel = (v: number): string => (v >= 1000 ? `${v / 1000}k` : String(v));
