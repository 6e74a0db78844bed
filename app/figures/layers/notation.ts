/**
 * Plain-text names and arithmetic for one neuron of the network figure, in the lesson's notation:
 * a⁽ˡ⁾ⱼ = f(z), z = Σᵢ W⁽ˡ⁾ᵢⱼ a⁽ˡ⁻¹⁾ᵢ + b⁽ˡ⁾ⱼ.
 */
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUB = '₀₁₂₃₄₅₆₇₈₉';
const digits = (n: number, set: string) => String(n).replace(/\d/g, (d) => set[Number(d)]!);

/** a⁽ˡ⁾ⱼ with j counted from 1; inputs are x₁, x₂. */
export function neuronSymbol(layer: number, unit: number): string {
  return layer === 0 ? `x${digits(unit + 1, SUB)}` : `a${'⁽' + digits(layer, SUP) + '⁾'}${digits(unit + 1, SUB)}`;
}

const num = (v: number) => v.toFixed(2).replace('-', '−');
const paren = (v: number) => (v < 0 ? `(${num(v)})` : num(v));

/**
 * The sum behind one neuron for the current input, with the live numbers.
 *
 * @example
 * neuronArithmetic({ weights: [0.5, -1], inputs: [0.3, 0.2], bias: 0.1, z: 0.05, a: 0.05, act: 'tanh', layer: 1, unit: 0 });
 * // 'a⁽¹⁾₁ = tanh(0.50·0.30 + (−1.00)·0.20 + 0.10) = tanh(0.05) = 0.05'
 */
export function neuronArithmetic(n: {
  weights: number[];
  inputs: number[];
  bias: number;
  z: number;
  a: number;
  act: string;
  layer: number;
  unit: number;
}): string {
  const terms = n.weights.map((w, i) => `${paren(w)}·${paren(n.inputs[i]!)}`).join(' + ');
  return `${neuronSymbol(n.layer, n.unit)} = ${n.act}(${terms} + ${paren(n.bias)}) = ${n.act}(${num(n.z)}) = ${num(n.a)}`;
}
