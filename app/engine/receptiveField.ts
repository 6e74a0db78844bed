/**
 * Receptive fields of a stack of convolution and pooling layers (square, valid padding): how many input pixels
 * one unit of each layer depends on, and which ones. Plain arithmetic, no TF.js.
 *
 * Along one side, with k the window and s the stride of layer l, and j the distance in input pixels between two
 * neighbouring units of the layer below:
 *
 *   field_l = field_(l−1) + (k − 1) · j_(l−1)      jump j_l = j_(l−1) · s      (field_0 = j_0 = 1, the input)
 *
 * and unit u of layer l sees input pixels u · j_l … u · j_l + field_l − 1.
 */
import { convOutputSize } from './conv';

/** One layer of the stack: a k × k convolution or a k × k pooling window, moved `stride` cells at a time. */
export interface StackLayer {
  kind: 'conv' | 'pool';
  size: number;
  stride: number;
}

/** What `receptiveField` says about one layer (index 0 is the input itself). */
export interface LayerField {
  /** 'input' for layer 0. */
  kind: 'input' | 'conv' | 'pool';
  /** The window size and stride (1 and 1 for the input). */
  size: number;
  stride: number;
  /** The side of this layer's map, in units. */
  side: number;
  /** The side of the input patch that one unit of this layer sees. */
  field: number;
  /** How many input pixels apart two neighbouring units of this layer look. */
  jump: number;
  /** Cells of the layer below that no window reads (the stride did not fit evenly). */
  leftover: number;
}

/**
 * Map sizes and receptive fields of every layer of a stack over an `input` × `input` picture.
 *
 * @example
 * receptiveField(28, [
 *   { kind: 'conv', size: 5, stride: 1 }, { kind: 'pool', size: 2, stride: 2 },
 *   { kind: 'conv', size: 5, stride: 1 }, { kind: 'pool', size: 2, stride: 2 },
 * ]).map((l) => `${l.side}:${l.field}`); // ['28:1', '24:5', '12:6', '8:14', '4:16']
 */
export function receptiveField(input: number, layers: readonly StackLayer[]): LayerField[] {
  const out: LayerField[] = [{ kind: 'input', size: 1, stride: 1, side: input, field: 1, jump: 1, leftover: 0 }];
  for (const layer of layers) {
    const below = out[out.length - 1]!;
    const size = convOutputSize(below.side, layer.size, 0, layer.stride);
    if (!size.fits) throw new Error(`a ${layer.size} × ${layer.size} window does not fit in a ${below.side} × ${below.side} map`);
    out.push({
      kind: layer.kind,
      size: layer.size,
      stride: layer.stride,
      side: size.size,
      field: below.field + (layer.size - 1) * below.jump,
      jump: below.jump * layer.stride,
      leftover: size.leftover,
    });
  }
  return out;
}

/** A run of units along one side, first to last inclusive. */
export interface Span {
  first: number;
  last: number;
}

/**
 * Which units of every layer from the input up to `layer` feed unit `unit` of `layer`, along one side (the same
 * holds for rows and columns). `spans[m]` is the run in layer m; `spans[0]` is the input pixels it sees.
 *
 * @example
 * unitSpans(stack, 4, 3); // [{ first: 12, last: 27 }, …, { first: 3, last: 3 }] for the stack above
 */
export function unitSpans(fields: readonly LayerField[], layer: number, unit: number): Span[] {
  const spans: Span[] = [];
  spans[layer] = { first: unit, last: unit };
  for (let m = layer; m > 0; m--) {
    const { first, last } = spans[m]!;
    const { size, stride } = fields[m]!;
    spans[m - 1] = { first: first * stride, last: last * stride + size - 1 };
  }
  return spans;
}
