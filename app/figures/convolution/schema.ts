import { int, num, oneOf, type ValuesOf } from '../../state/schema';

/** Which picture to convolve: a few MNIST digits (by index in the course's file) or a drawn scene. */
export const IMAGES = ['d11', 'd2', 'd0', 'd5', 'scene'] as const;
export type ImageChoice = (typeof IMAGES)[number];

export const PRESETS = {
  identity: { label: 'Identity', kernel: [0, 0, 0, 0, 1, 0, 0, 0, 0] },
  blur: { label: 'Blur (box)', kernel: [1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9] },
  sharpen: { label: 'Sharpen', kernel: [0, -1, 0, -1, 5, -1, 0, -1, 0] },
  vertical: { label: 'Vertical edges', kernel: [1, 0, -1, 1, 0, -1, 1, 0, -1] },
  horizontal: { label: 'Horizontal edges', kernel: [1, 1, 1, 0, 0, 0, -1, -1, -1] },
  outline: { label: 'Outline', kernel: [-1, -1, -1, -1, 8, -1, -1, -1, -1] },
} as const;
export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export const KERNEL_KEYS = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8'] as const;

const kernelField = (i: number) => num(-10, 10, PRESETS.identity.kernel[i]!, 0.001);

/** The kernel editor: the picture, the nine kernel numbers, the preset they came from, and the size sandbox. */
export const convolutionSchema = {
  image: oneOf(IMAGES, 'd11'),
  preset: oneOf([...PRESET_NAMES, 'custom'] as const, 'identity'),
  k0: kernelField(0),
  k1: kernelField(1),
  k2: kernelField(2),
  k3: kernelField(3),
  k4: kernelField(4),
  k5: kernelField(5),
  k6: kernelField(6),
  k7: kernelField(7),
  k8: kernelField(8),
  n: int(1, 512, 28),
  k: int(1, 15, 3),
  p: int(0, 10, 0),
  s: int(1, 10, 1),
};

export type ConvolutionSettings = ValuesOf<typeof convolutionSchema>;
