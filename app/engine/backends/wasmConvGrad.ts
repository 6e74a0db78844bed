/**
 * The two gradients of a convolution, for the wasm backend, built from the backend's own fast forward convolution.
 *
 * TF.js 4.22's wasm backend registers no `Conv2DBackpropFilter` kernel at all (so no conv net can train on it), and
 * its `Conv2DBackpropInput` is a plain loop. Both gradients of a stride-1 convolution are themselves convolutions,
 * which the backend runs through XNNPACK:
 *
 *   ∂L/∂W[kh,kw,ci,co] = Σ_b,oh,ow x[b, oh+kh−top, ow+kw−left, ci] · dy[b,oh,ow,co]
 *                      = conv2d(xᵀ [ci,H,W,b], dyᵀ [OH,OW,b,co])        then transposed to [kh,kw,ci,co]
 *   ∂L/∂x[b,i,j,ci]    = Σ_kh,kw,co dy[b, i+top−kh, j+left−kw, co] · W[kh,kw,ci,co]
 *                      = conv2d(dy, W rotated 180° with ci and co swapped)
 *
 * A stride over 1 makes the filter gradient a dilated convolution (dy's taps `stride` apart); the input gradient
 * of a strided convolution keeps the backend's own kernel. Measured on the course's CNN (batch 64, 28 × 28, Node's
 * wasm here): the second layer's filter gradient takes 6.6 ms this way against 65 ms through the backend's 3-D
 * filter-gradient loop, its input gradient 4.8 ms against the backend's 50 ms. `wasmConvGrad.test.ts` proves both
 * equal to the cpu backend's kernels.
 */
import * as tf from '@tensorflow/tfjs';

type Info = tf.TensorInfo;
type KernelArgs = Parameters<tf.KernelFunc>[0];
type Backend = {
  disposeData(dataId: object): void;
  makeOutput(shape: number[], dtype: string): Info;
  dataIdMap: { get(dataId: object): { id: number } };
};
type ConvGradAttrs = {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
};

let registered = false;

/** Runs another wasm kernel by name (its setup ran when the backend started). */
function run(name: string, backend: Backend, inputs: Record<string, Info>, attrs: Record<string, unknown>): Info {
  const kernel = tf.getKernel(name, 'wasm');
  if (!kernel) throw new Error(`the wasm backend has no ${name} kernel`);
  return kernel.kernelFunc({ inputs, backend: backend as never, attrs: attrs as never }) as Info;
}

function convInfo(xShape: number[], filterShape: number[], attrs: ConvGradAttrs) {
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    attrs.dataFormat === 'NCHW' ? 'channelsFirst' : 'channelsLast',
  );
}

/** The filter gradient as a convolution: channels last (the only layout wasm convolves), any stride. */
function filterPadding(info: ReturnType<typeof convInfo>): { bottom: number; right: number } {
  // The gradient's "filter" is dy, its taps `stride` apart: it spans (out − 1)·stride + 1 input rows.
  const { padInfo, filterHeight: kh, filterWidth: kw } = info;
  return {
    bottom: kh + (info.outHeight - 1) * info.strideHeight - info.inHeight - padInfo.top,
    right: kw + (info.outWidth - 1) * info.strideWidth - info.inWidth - padInfo.left,
  };
}

function filterGradient(args: KernelArgs): Info {
  const backend = args.backend as Backend;
  const { x, dy } = args.inputs as { x: Info; dy: Info };
  const attrs = args.attrs as ConvGradAttrs & { filterShape: [number, number, number, number] };
  const info = convInfo(x.shape, attrs.filterShape, attrs);
  if (info.dataFormat === 'channelsFirst') {
    throw new Error('the wasm backend convolves channels-last images only (dataFormat NHWC)');
  }
  const { bottom, right } = filterPadding(info);
  const xT = run('Transpose', backend, { x }, { perm: [3, 1, 2, 0] });
  const dyT = run('Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] });
  // Rows of padding the forward pass never read (bottom < 0) are cropped away by a negative pad: crop x instead.
  const pad = [
    [0, 0],
    [info.padInfo.top, Math.max(0, bottom)],
    [info.padInfo.left, Math.max(0, right)],
    [0, 0],
  ];
  const cropped =
    bottom < 0 || right < 0
      ? run(
          'Slice',
          backend,
          { x: xT },
          { begin: [0, 0, 0, 0], size: [-1, xT.shape[1]! + Math.min(0, bottom), xT.shape[2]! + Math.min(0, right), -1] },
        )
      : xT;
  const product = run(
    'Conv2D',
    backend,
    { x: cropped, filter: dyT },
    {
      strides: [1, 1],
      pad,
      dataFormat: 'NHWC',
      dilations: [info.strideHeight, info.strideWidth],
      dimRoundingMode: undefined,
    },
  );
  const dw = run('Transpose', backend, { x: product }, { perm: [1, 2, 0, 3] });
  for (const t of new Set([xT, cropped, dyT, product])) backend.disposeData(t.dataId);
  return dw;
}

/** Stride 1, channels last, and padding a convolution of the gradient can reproduce. */
function inputConvolvable(info: ReturnType<typeof convInfo>, attrs: ConvGradAttrs): boolean {
  const { padInfo, filterHeight: kh, filterWidth: kw } = info;
  return (
    attrs.dataFormat !== 'NCHW' &&
    info.strideHeight === 1 &&
    info.strideWidth === 1 &&
    padInfo.top <= kh - 1 &&
    padInfo.left <= kw - 1 &&
    info.inHeight - info.outHeight + padInfo.top >= 0 &&
    info.inWidth - info.outWidth + padInfo.left >= 0
  );
}

function inputGradient(
  original: tf.KernelFunc,
  args: KernelArgs,
): Info {
  const backend = args.backend as Backend;
  const { dy, filter } = args.inputs as { dy: Info; filter: Info };
  const attrs = args.attrs as ConvGradAttrs & { inputShape: [number, number, number, number] };
  const info = convInfo(attrs.inputShape, filter.shape, attrs);
  if (!inputConvolvable(info, attrs)) return original(args as never) as Info;

  const { padInfo, filterHeight: kh, filterWidth: kw } = info;
  const top = kh - 1 - padInfo.top;
  const left = kw - 1 - padInfo.left;
  const pad = [
    [0, 0],
    [top, info.inHeight - info.outHeight + padInfo.top],
    [left, info.inWidth - info.outWidth + padInfo.left],
    [0, 0],
  ];
  const rotated = run('Reverse', backend, { x: filter }, { dims: [0, 1] });
  const swapped = run('Transpose', backend, { x: rotated }, { perm: [0, 1, 3, 2] });
  const dx = run(
    'Conv2D',
    backend,
    { x: dy, filter: swapped },
    { strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined },
  );
  backend.disposeData(rotated.dataId);
  backend.disposeData(swapped.dataId);
  return dx;
}

/**
 * Registers the two convolution gradients for the wasm backend (once; later calls do nothing). Call it before or
 * after `tf.setBackend('wasm')`.
 *
 * @example
 * await import('@tensorflow/tfjs-backend-wasm');
 * registerWasmConvGradients();
 * await tf.setBackend('wasm'); // conv nets now train on wasm
 */
export function registerWasmConvGradients(): void {
  if (registered) return;
  registered = true;
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) {
    tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: filterGradient });
  }
  const original = tf.getKernel('Conv2DBackpropInput', 'wasm');
  if (original) {
    // Replacing a registered kernel: unregister first, or TF.js warns.
    tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
    const { kernelFunc, setupFunc, disposeFunc } = original;
    tf.registerKernel({
      kernelName: 'Conv2DBackpropInput',
      backendName: 'wasm',
      kernelFunc: (args) => inputGradient(kernelFunc, args),
      setupFunc,
      disposeFunc,
    });
  }
}
