// Writes a 28 × 28 labelled image set in the course's binary format (read by app/engine/data/mnist.ts), shuffled
// with a fixed seed so the training and test parts both hold every class in about its share.
//
// The file, before gzip (all integers little-endian):
//   0   "MNST"               magic (the format is MNIST's shape, whatever the images show)
//   4   u32 version (1)
//   8   u32 count N          images in the file
//   12  u32 train            the first `train` images are the training set, the rest the test set
//   16  u32 rows, u32 cols   28, 28
//   24  u32 checksum         FNV-1a (32 bit) of everything after the header: labels, then pixels
//   28  N × u8 labels        0–9
//   …   N × rows × cols u8   pixels, 0 (paper) … 255 (ink), row by row
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const SIZE = 28 * 28;

/** mulberry32, the engine's generator (app/engine/rng.ts). */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Shuffles (seed 2024), packs and gzips `images` (each 784 bytes, 0 paper … 255 ink) with their `labels`, and writes
 * them to `out`. Returns the file's size and checksum.
 */
export function writeImageSet(out, labels, images, train) {
  const next = generator(2024);
  const order = labels.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const n = order.length;
  const body = new Uint8Array(n + n * SIZE);
  order.forEach((src, k) => {
    body[k] = labels[src];
    body.set(images[src], n + k * SIZE);
  });
  let hash = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) hash = Math.imul(hash ^ body[i], 0x01000193) >>> 0;
  const header = Buffer.alloc(28);
  header.write('MNST', 0, 'ascii');
  [1, n, train, 28, 28, hash].forEach((v, i) => header.writeUInt32LE(v, 4 + 4 * i));
  const file = gzipSync(Buffer.concat([header, body]), { level: 9 });
  writeFileSync(out, file);
  return { n, bytes: file.length, checksum: hash.toString(16) };
}

export const IMAGE_PIXELS = SIZE;
