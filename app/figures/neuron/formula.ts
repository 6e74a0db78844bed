/**
 * The neuron's arithmetic for one input point, as KaTeX source with the live numbers in it.
 */
import type { NeuronActivation } from '../../engine';

const ACT_TEX: Record<NeuronActivation, string> = {
  sigmoid: '\\sigma',
  step: '\\operatorname{step}',
  tanh: '\\tanh',
  relu: '\\operatorname{ReLU}',
  linear: '\\operatorname{id}',
};

const n = (v: number) => (v < 0 ? `(${v.toFixed(2)})` : v.toFixed(2));
const s = (v: number) => (v < 0 ? `-\\,${(-v).toFixed(2)}` : `+\\,${v.toFixed(2)}`);

/**
 * @example
 * formulaTex({ w1: 1, w2: -1, b: 0 }, 0.5, 0.2, 'relu', 0.3, 0.3); // '\\begin{aligned} z &= … \\end{aligned}'
 */
export function formulaTex(p: { w1: number; w2: number; b: number }, x1: number, x2: number, act: NeuronActivation, z: number, out: number): string {
  const f = ACT_TEX[act];
  return [
    '\\begin{aligned}',
    'z &= w_1 x_1 + w_2 x_2 + b \\\\',
    `&= ${n(p.w1)}\\cdot${n(x1)} + ${n(p.w2)}\\cdot${n(x2)} ${s(p.b)} \\\\`,
    `&= \\mathbf{${z.toFixed(2)}} \\\\[4pt]`,
    `\\text{output} &= ${f}(z) = \\mathbf{${out.toFixed(2)}}`,
    '\\end{aligned}',
  ].join('\n');
}
