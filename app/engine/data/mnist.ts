/**
 * The course's shipped image sets, in one format (described in scripts/image-set.mjs), told apart by their magic:
 *
 * | file | magic | what | made by |
 * | --- | --- | --- | --- |
 * | public/datasets/mnist.bin.gz | MNST | 10,000 handwritten digits (8,000 train / 2,000 test) | scripts/make-mnist.mjs |
 * | public/datasets/fashion.bin.gz | FASH | 2,000 Fashion-MNIST clothes (1,500 train / 500 test) | scripts/make-fashion.mjs |
 *
 * `loadImageSet` fetches and unpacks a file with progress; `parseImageSet` checks it (magic, sizes, checksum) and
 * says plainly what is wrong with a damaged file. `loadMnist` and `parseMnist` are the same functions under their
 * first names; they read either file.
 */

import { DatasetFileError, fetchGzipped } from './fetchGzipped';

/** The image sets the course ships. */
export type ImageSetName = 'mnist' | 'fashion';

/** The digits' class names: "0" … "9". */
export const DIGIT_CLASS_NAMES: readonly string[] = Object.freeze(Array.from({ length: 10 }, (_, d) => String(d)));

/** Fashion-MNIST's class names, in label order (Zalando Research's own names). */
export const FASHION_CLASS_NAMES: readonly string[] = Object.freeze([
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
]);

/** Each set's magic (the file's first four bytes), its title, the word for its images and its class names. */
export const IMAGE_SETS: Readonly<Record<ImageSetName, { magic: string; title: string; noun: string; classNames: readonly string[] }>> = {
  mnist: { magic: 'MNST', title: 'MNIST', noun: 'digits', classNames: DIGIT_CLASS_NAMES },
  fashion: { magic: 'FASH', title: 'Fashion-MNIST', noun: 'clothes', classNames: FASHION_CLASS_NAMES },
};

/** The images, as bytes: labels 0–9 and pixels 0 (background) … 255 (ink), image after image, row by row. */
export interface ImageSet {
  /** Which set the file holds (from its magic). */
  set: ImageSetName;
  /** The name of each label, in label order. */
  classNames: readonly string[];
  /** Number of images. */
  n: number;
  /** The first `train` images are the training set; the rest are the test set. */
  train: number;
  rows: number;
  cols: number;
  labels: Uint8Array;
  pixels: Uint8Array;
}

/** The digits (or any shipped set): the name the convolution figure first used. */
export type MnistData = ImageSet;

/** A missing or damaged dataset file; `message` is written for the reader. */
export class ImageSetFileError extends DatasetFileError {
  override name = 'ImageSetFileError';
}
export { ImageSetFileError as MnistFileError };

const HEADER = 28;

/** FNV-1a, 32 bit: the file's checksum over labels and pixels. */
export function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193) >>> 0;
  return hash;
}

const setOfMagic = (bytes: Uint8Array): ImageSetName | null => {
  if (bytes.length < 4) return null;
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  return (Object.keys(IMAGE_SETS) as ImageSetName[]).find((k) => IMAGE_SETS[k].magic === magic) ?? null;
};

/**
 * Reads an unpacked image-set file, checking it on the way. With `expect`, a file of another set is refused too.
 *
 * @example
 * const fashion = parseImageSet(new Uint8Array(buffer), 'fashion'); // fashion.classNames[fashion.labels[0]]
 */
export function parseImageSet(bytes: Uint8Array, expect?: ImageSetName): ImageSet {
  const found = setOfMagic(bytes);
  const noun = IMAGE_SETS[found ?? expect ?? 'mnist'].noun;
  const what = found || expect ? `${noun} file` : 'dataset file';
  const damaged = (why: string) => new ImageSetFileError(`The ${what} is damaged (${why}). Reload the page to fetch it again.`);
  if (bytes.length < HEADER) throw damaged(`only ${bytes.length} bytes`);
  if (!found) throw damaged('it does not start like an MNIST file of this course (digits or clothes)');
  if (expect && found !== expect) {
    throw new ImageSetFileError(`This is the ${IMAGE_SETS[found].title} file (${noun}), not the ${IMAGE_SETS[expect].title} file (${IMAGE_SETS[expect].noun}).`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [version, n, train, rows, cols, checksum] = [4, 8, 12, 16, 20, 24].map((o) => view.getUint32(o, true)) as [number, number, number, number, number, number];
  if (version !== 1) throw damaged(`version ${version}, expected 1`);
  if (rows !== 28 || cols !== 28 || train > n) throw damaged(`sizes ${rows} × ${cols}, ${train} of ${n} for training`);
  const expected = HEADER + n + n * rows * cols;
  if (bytes.length !== expected) throw damaged(`${bytes.length} bytes instead of ${expected}: it was cut short`);
  const body = bytes.subarray(HEADER);
  if (fnv1a(body) !== checksum) throw damaged('its checksum does not match');
  const { classNames } = IMAGE_SETS[found];
  const labels = body.subarray(0, n);
  for (let i = 0; i < n; i++) if (labels[i]! >= classNames.length) throw damaged(`image ${i} has label ${labels[i]}`);
  return { set: found, classNames, n, train, rows, cols, labels, pixels: body.subarray(n) };
}

/**
 * `parseImageSet` under its first name: reads either shipped file.
 *
 * @example
 * const mnist = parseMnist(new Uint8Array(buffer)); // mnist.labels[0], mnist.pixels.subarray(0, 784)
 */
export function parseMnist(bytes: Uint8Array): ImageSet {
  return parseImageSet(bytes);
}

/** How `loadImageSet` reports and checks. */
export interface LoadImageSetOptions {
  /** Called with the downloaded fraction, 0 … 1, ending with 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** The set the file must hold; its word ("digits", "clothes") then names it in messages. */
  expect?: ImageSetName;
}

/**
 * Fetches and unpacks a shipped image-set file, reporting progress (0 … 1) as it downloads.
 *
 * @example
 * const fashion = await loadImageSet(`${import.meta.env.BASE_URL}datasets/fashion.bin.gz`, {
 *   expect: 'fashion',
 *   onProgress: (f) => (bar.value = f),
 * });
 */
export async function loadImageSet(url: string, { onProgress, signal, expect }: LoadImageSetOptions = {}): Promise<ImageSet> {
  const noun = expect ? IMAGE_SETS[expect].noun : 'dataset';
  const bytes = await fetchGzipped(url, { onProgress, signal, noun, unpacked: (raw) => setOfMagic(raw) !== null });
  return parseImageSet(bytes, expect);
}

/**
 * `loadImageSet` under its first name: fetches either shipped file.
 *
 * @example
 * const mnist = await loadMnist(`${import.meta.env.BASE_URL}datasets/mnist.bin.gz`, (f) => bar.value = f);
 */
export function loadMnist(url: string, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<ImageSet> {
  return loadImageSet(url, { onProgress, signal });
}
