/**
 * The two losses at one prediction, as KaTeX source with the live numbers in it.
 */
import type { BinaryLossPoint } from '../../engine/losses';

/** Small numbers keep three decimals, so a slope of 0.016 does not print as 0.02 or 0.00. */
export const fmt = (v: number) => (Math.abs(v) < 0.1 ? v.toFixed(3) : v.toFixed(2));

/** The same, with a typographic minus, for plain text (KaTeX gets the ASCII one and sets its own minus). */
export const fmtText = (v: number) => fmt(v).replace('-', '−');
const par = (v: number) => (v < 0 ? `(${fmt(v)})` : fmt(v));

/**
 * @example
 * mseTex(0.1, 1, binaryLoss('mse', 0.1, 1)); // '\\begin{aligned} L &= (\\hat y - y)^2 … \\end{aligned}'
 */
export function mseTex(pred: number, y: number, p: BinaryLossPoint): string {
  const s = pred * (1 - pred);
  return [
    '\\begin{aligned}',
    `L &= (\\hat y - y)^2 = (${pred.toFixed(2)} - ${y})^2 = \\mathbf{${fmt(p.loss)}} \\\\`,
    `\\dfrac{dL}{d\\hat y} &= 2(\\hat y - y) = \\mathbf{${fmt(p.dPred)}} \\\\`,
    `\\dfrac{dL}{dz} &= \\dfrac{dL}{d\\hat y}\\,\\hat y(1-\\hat y) \\\\`,
    `&= ${par(p.dPred)} \\cdot ${fmt(s)} = \\mathbf{${fmt(p.dLogit)}}`,
    '\\end{aligned}',
  ].join('\n');
}

/**
 * @example
 * bceTex(0.1, 1, binaryLoss('bce', 0.1, 1));
 */
export function bceTex(pred: number, y: number, p: BinaryLossPoint): string {
  const loss = y === 1 ? `-\\log \\hat y = -\\log ${pred.toFixed(2)}` : `-\\log(1 - \\hat y) = -\\log ${(1 - pred).toFixed(2)}`;
  const slope = y === 1 ? '-\\dfrac{1}{\\hat y}' : '\\dfrac{1}{1 - \\hat y}';
  return [
    '\\begin{aligned}',
    `L &= ${loss} = \\mathbf{${fmt(p.loss)}} \\\\`,
    `\\dfrac{dL}{d\\hat y} &= ${slope} = \\mathbf{${fmt(p.dPred)}} \\\\`,
    `\\dfrac{dL}{dz} &= \\dfrac{dL}{d\\hat y}\\,\\hat y(1-\\hat y) \\\\`,
    `&= \\hat y - y = ${pred.toFixed(2)} - ${y} = \\mathbf{${fmt(p.dLogit)}}`,
    '\\end{aligned}',
  ].join('\n');
}
