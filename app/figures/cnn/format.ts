/**
 * Number formats for the CNN figures' read-outs. The formatter is made when the module loads: the first use of
 * Intl's number formatting initialises its locale data, which took tens of milliseconds inside a training frame.
 */
const COUNT = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** A whole count with thousands separators: 23840 → "23,840". */
export const count = (n: number): string => COUNT.format(n);

/** A share as a percentage with one decimal: 0.9714 → "97.1%". */
export const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
