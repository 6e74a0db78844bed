/**
 * The arithmetic of one unit of an image network, in plain JavaScript, from the numbers the session hands out
 * (each layer's output for a digit, and the weights). The "open a unit" views print it with the real numbers;
 * `unitMath.test.ts` proves every value equal to what TF.js's conv2d / maxPool / dense computed.
 *
 * Maps are channels-last, as TF.js stores them: value (r, c, ch) of an [H, W, C] map is at (r·W + c)·C + ch.
 */
import { layerShapes, type ArchitectureSpec } from './architectures';

/** A layer's output (or the input image), with its shape. */
export interface MapTensor {
  values: Float32Array;
  height: number;
  width: number;
  channels: number;
}

/** One conv unit, worked out: per input channel, the window it reads and the weights it multiplies them by. */
export interface ConvUnit {
  kind: 'conv';
  /** windows[ci][kh·K + kw]: the input under the kernel (0 where the window hangs over the edge: padding). */
  windows: Float32Array[];
  /** kernels[ci][kh·K + kw]: the kernel weights for this output channel. */
  kernels: Float32Array[];
  /** Σ window ⊙ kernel, per input channel. */
  partials: Float64Array;
  bias: number;
  /** Σ partials + bias: the value before ReLU. */
  z: number;
  /** max(0, z). */
  value: number;
  size: number;
}

/** One max-pool unit: the window and which cell of it won. */
export interface PoolUnit {
  kind: 'pool';
  window: Float32Array;
  size: number;
  winner: number;
  value: number;
}

/** One output class: its score from every input, the biggest contributions, and the softmax. */
export interface DenseUnit {
  kind: 'dense';
  /** The few inputs that moved the score most, largest |input × weight| first. */
  top: { input: number; x: number; w: number }[];
  /** Σ of every input × weight. */
  dot: number;
  bias: number;
  z: number;
  /** All classes' scores, and this class's softmax probability. */
  logits: Float64Array;
  value: number;
}

export type Unit = ConvUnit | PoolUnit | DenseUnit;

export const at = (m: MapTensor, r: number, c: number, ch: number): number =>
  r < 0 || c < 0 || r >= m.height || c >= m.width ? 0 : m.values[(r * m.width + c) * m.channels + ch]!;

/**
 * The conv unit at (r, c) of output channel `co`, for a 'same'-padded, stride-1 convolution with ReLU.
 * `kernel` is [K, K, Cin, Cout] flat, as TF.js stores it.
 *
 * @example
 * const u = convUnit(image, view.weights[0], view.weights[1], 5, 8, 3, 10, 12); // u.value === conv1 map (10,12,3)
 */
export function convUnit(
  input: MapTensor,
  kernel: Float32Array,
  biases: Float32Array,
  size: number,
  outChannels: number,
  co: number,
  r: number,
  c: number,
): ConvUnit {
  // 'same' padding with an odd or even kernel: TF.js puts the extra row/column of padding at the bottom/right.
  const before = Math.floor((size - 1) / 2);
  const windows: Float32Array[] = [];
  const kernels: Float32Array[] = [];
  const partials = new Float64Array(input.channels);
  for (let ci = 0; ci < input.channels; ci++) {
    const win = new Float32Array(size * size);
    const ker = new Float32Array(size * size);
    let sum = 0;
    for (let kh = 0; kh < size; kh++) {
      for (let kw = 0; kw < size; kw++) {
        const x = at(input, r + kh - before, c + kw - before, ci);
        const w = kernel[((kh * size + kw) * input.channels + ci) * outChannels + co]!;
        win[kh * size + kw] = x;
        ker[kh * size + kw] = w;
        sum += x * w;
      }
    }
    windows.push(win);
    kernels.push(ker);
    partials[ci] = sum;
  }
  const bias = biases[co]!;
  const z = partials.reduce((a, b) => a + b, 0) + bias;
  return { kind: 'conv', windows, kernels, partials, bias, z, value: Math.max(0, z), size };
}

/**
 * The max-pool unit at (r, c) of channel `ch` (window `size`, stride `size`).
 *
 * @example
 * poolUnit(conv1, 2, 0, 3, 4).value; // max of conv1 rows 6–7, columns 8–9, channel 0
 */
export function poolUnit(input: MapTensor, size: number, ch: number, r: number, c: number): PoolUnit {
  const window = new Float32Array(size * size);
  let winner = 0;
  for (let i = 0; i < size * size; i++) {
    window[i] = at(input, r * size + Math.floor(i / size), c * size + (i % size), ch);
    if (window[i]! > window[winner]!) winner = i;
  }
  return { kind: 'pool', window, size, winner, value: window[winner]! };
}

/**
 * Output class `k` of a dense softmax layer over the flat input `x`; `kernel` is [in, out] flat.
 *
 * @example
 * denseUnit(flat, view.weights[4], view.weights[5], 7).value; // the probability of a 7
 */
export function denseUnit(x: Float32Array, kernel: Float32Array, biases: Float32Array, k: number, topN = 6): DenseUnit {
  const out = biases.length;
  const logits = new Float64Array(out);
  for (let j = 0; j < out; j++) {
    let s = biases[j]!;
    for (let i = 0; i < x.length; i++) s += x[i]! * kernel[i * out + j]!;
    logits[j] = s;
  }
  const contributions = Array.from(x, (xi, i) => ({ input: i, x: xi, w: kernel[i * out + k]! }));
  contributions.sort((a, b) => Math.abs(b.x * b.w) - Math.abs(a.x * a.w));
  const bias = biases[k]!;
  const z = logits[k]!;
  const max = Math.max(...logits);
  const exps = Array.from(logits, (l) => Math.exp(l - max));
  const value = exps[k]! / exps.reduce((a, b) => a + b, 0);
  return { kind: 'dense', top: contributions.slice(0, topN), dot: z - bias, bias, z, logits, value };
}

/** Where a unit sits: layer index in the spec, channel, row, column (a dense unit uses channel = class). */
export interface UnitAddress {
  layer: number;
  channel: number;
  row: number;
  col: number;
}

/**
 * Works out any unit of `spec` from the image, every layer's output (`maps`) and the weights, as the views show it.
 * Flatten layers have no arithmetic of their own and give null.
 *
 * @example
 * const unit = explainUnit(CNN, image, view.maps, view.weights, { layer: 0, channel: 3, row: 10, col: 12 });
 */
export function explainUnit(
  spec: ArchitectureSpec,
  image: Float32Array,
  maps: Float32Array[],
  weights: Float32Array[],
  address: UnitAddress,
): Unit | null {
  const shapes = layerShapes(spec);
  const input = (l: number): MapTensor => {
    if (l === 0) return { values: image, height: 28, width: 28, channels: 1 };
    const s = shapes[l - 1]!;
    return { values: maps[l - 1]!, height: s[0] ?? 1, width: s[1] ?? 1, channels: s[2] ?? 1 };
  };
  // Weight arrays come kernel, bias, kernel, bias… for the conv and dense layers in order.
  let w = 0;
  for (let l = 0; l < address.layer; l++) if (['conv', 'dense'].includes(spec.layers[l]!.kind)) w += 2;
  const layer = spec.layers[address.layer];
  if (!layer) return null;
  switch (layer.kind) {
    case 'conv':
      return convUnit(input(address.layer), weights[w]!, weights[w + 1]!, layer.kernel, layer.filters, address.channel, address.row, address.col);
    case 'maxPool':
      return poolUnit(input(address.layer), layer.size, address.channel, address.row, address.col);
    case 'dense':
      return denseUnit(input(address.layer).values, weights[w]!, weights[w + 1]!, address.channel);
    case 'flatten':
      return null;
  }
}
