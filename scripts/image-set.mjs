// What scripts/make-mnist.mjs and scripts/make-fashion.mjs share: the seeded generator, the shuffle and the writer
// of the course's image-set file, read by app/engine/data/mnist.ts (`parseImageSet`).
//
// The file, before gzip (all integers little-endian):
//   0   magic                "MNST" (MNIST digits) or "FASH" (Fashion-MNIST clothes): which set it is
//   4   u32 version (1)
//   8   u32 count N          images in the file
//   12  u32 train            the first `train` images are the training set, the rest the test set
//   16  u32 rows, u32 cols   28, 28
//   24  u32 checksum         FNV-1a (32 bit) of everything after the header: labels, then pixels
//   28  N × u8 labels        0–9
//   …   N × rows × cols u8   pixels, 0 (background) … 255 (ink), row by row
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const SIDE = 28;
export const SIZE = SIDE * SIDE;
const HEADER = 28;

/** mulberry32, the engine's generator (app/engine/rng.ts): a function returning uniform numbers in [0, 1). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates, from the end, in place, with `next` from mulberry32; returns the array. */
export function shuffle(array, next) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}

/** FNV-1a, 32 bit (as app/engine/data/mnist.ts checks it). */
export function fnv1a(bytes) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
  return hash;
}

/**
 * The gzipped file for `labels` (0–9) and `images` (each SIZE pixels, already bytes 0 … 255), of which the first
 * `train` are the training set.
 */
export function encodeImageSet({ magic, labels, images, train }) {
  if (!/^[A-Z]{4}$/.test(magic)) throw new Error(`magic must be four capital letters, not ${magic}`);
  const n = labels.length;
  if (images.length !== n || train > n) throw new Error(`${n} labels, ${images.length} images, ${train} for training`);
  const body = new Uint8Array(n + n * SIZE);
  for (let k = 0; k < n; k++) {
    if (!(labels[k] >= 0 && labels[k] <= 9) || images[k].length !== SIZE) throw new Error(`image ${k} is not a labelled 28 × 28 image`);
    body[k] = labels[k];
    body.set(images[k], n + k * SIZE);
  }
  const checksum = fnv1a(body);
  const header = Buffer.alloc(HEADER);
  header.write(magic, 0, 'ascii');
  [1, n, train, SIDE, SIDE, checksum].forEach((v, i) => header.writeUInt32LE(v, 4 + 4 * i));
  return { file: gzipSync(Buffer.concat([header, body]), { level: 9 }), checksum };
}

/** Writes public/datasets/`name` and says what it wrote; `what` names the images ("digits", "clothes"). */
export function writeImageSet(name, what, set) {
  const { file, checksum } = encodeImageSet(set);
  const out = join(dirname(new URL(import.meta.url).pathname), '..', 'public', 'datasets', name);
  writeFileSync(out, file);
  const n = set.labels.length;
  const size = file.length >= 1024 * 1024 ? `${(file.length / 1024 / 1024).toFixed(2)} MB` : `${Math.round(file.length / 1024)} KB`;
  console.log(`wrote ${out}: ${n} ${what} (${set.train} train / ${n - set.train} test), ${size} gzip, checksum ${checksum.toString(16)}`);
}
