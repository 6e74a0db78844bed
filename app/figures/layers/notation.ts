/**
 * Names and arithmetic for one neuron of the network figure, in the lesson's notation:
 * a⁽ˡ⁾ⱼ = f(z), z = Σᵢ w⁽ˡ⁾ⱼᵢ a⁽ˡ⁻¹⁾ᵢ + b⁽ˡ⁾ⱼ.
 */
import type { LayerValues } from '../../engine';

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUB = '₀₁₂₃₄₅₆₇₈₉';
const digits = (n: number, set: string) => String(n).replace(/\d/g, (d) => set[Number(d)]!);

/** Plain text for screen readers and labels: a⁽ˡ⁾ⱼ with j counted from 1; inputs are x₁, x₂. */
export function neuronSymbol(layer: number, unit: number): string {
  return layer === 0 ? `x${digits(unit + 1, SUB)}` : `a⁽${digits(layer, SUP)}⁾${digits(unit + 1, SUB)}`;
}

/** The same name in TeX. */
export function neuronTex(layer: number, unit: number): string {
  return layer === 0 ? `x_{${unit + 1}}` : `a^{(${layer})}_{${unit + 1}}`;
}

const num = (v: number) => v.toFixed(2);
const paren = (v: number) => (v < 0 ? `(${num(v)})` : num(v));
const signed = (v: number) => (v < 0 ? `-\\,${num(-v)}` : `+\\,${num(v)}`);

const ACT_TEX: Record<string, string> = { tanh: '\\tanh', relu: '\\operatorname{ReLU}', sigmoid: '\\sigma' };

/**
 * The sum behind one neuron for the current input, with the live numbers, as inline TeX (so it wraps at + and =).
 *
 * @example
 * neuronArithmeticTex({ weights: [0.5, -1], inputs: [0.3, 0.2], bias: 0.1, z: 0.05, a: 0.05, act: 'tanh', layer: 1, unit: 0 });
 * // 'a^{(1)}_{1} = \\tanh(0.50 \\cdot 0.30 + (-1.00) \\cdot 0.20 +\\,0.10) = \\tanh(0.05) = \\mathbf{0.05}'
 */
export function neuronArithmeticTex(n: {
  weights: number[];
  inputs: number[];
  bias: number;
  z: number;
  a: number;
  act: 'tanh' | 'relu' | 'sigmoid';
  layer: number;
  unit: number;
}): string {
  const f = ACT_TEX[n.act];
  const terms = n.weights.map((w, i) => `${paren(w)} \\cdot ${paren(n.inputs[i]!)}`).join(' + ');
  return `${neuronTex(n.layer, n.unit)} = ${f}(${terms} ${signed(n.bias)}) = ${f}(${num(n.z)}) = \\mathbf{${num(n.a)}}`;
}

/**
 * The detail line under the network for the selected neuron: an input's value, or a neuron's sum with the live
 * weights and the values it reads. `layers` is `mlpForward(weights, input, act, 'sigmoid')`.
 *
 * @example
 * neuronDetailTex(snapshot.weights, mlpForward(snapshot.weights, [0.3, 0.2], 'tanh', 'sigmoid'), [0.3, 0.2], { layer: 1, unit: 0 }, 'tanh');
 */
export function neuronDetailTex(
  weights: readonly Float32Array[],
  layers: readonly LayerValues[],
  input: [number, number],
  selected: { layer: number; unit: number },
  act: 'tanh' | 'relu',
): string {
  const n = layers.length;
  const layer = Math.min(selected.layer, n);
  const unit = Math.min(selected.unit, (layer === 0 ? 2 : layers[layer - 1]!.a.length) - 1);
  if (layer === 0) return `${neuronTex(0, unit)} = \\mathbf{${num(input[unit]!)}} \\quad \\text{(an input: the number you feed in)}`;
  const w = weights[2 * (layer - 1)]!;
  const b = weights[2 * (layer - 1) + 1]!;
  const inputs = layer === 1 ? [...input] : Array.from(layers[layer - 2]!.a);
  const units = b.length;
  return neuronArithmeticTex({
    weights: inputs.map((_, i) => w[i * units + unit]!),
    inputs,
    bias: b[unit]!,
    z: layers[layer - 1]!.z[unit]!,
    a: layers[layer - 1]!.a[unit]!,
    act: layer === n ? 'sigmoid' : act,
    layer,
    unit,
  });
}
