// Makes public/datasets/words.bin.gz from the npm package `word-list` 4.1.0 (MIT, Sindre Sorhus), which holds
// 274,000 English words, one per line. Run: `node scripts/make-words.mjs`. Read by app/engine/data/words.ts.
//
// A seeded sample of COUNT words of 3 to MAX_LENGTH lowercase letters a–z (no other characters), the first TRAIN
// for training and the rest held out; sorted within each part so the file packs small.
//
// The file, before gzip (integers little-endian):
//   0   magic "WRDS"
//   4   u32 version (1)
//   8   u32 count N
//   12  u32 train         the first `train` words are for training, the rest held out
//   16  u32 max length    the longest word's letters
//   20  u32 checksum      FNV-1a (32 bit) of the body
//   24  body              the words in ASCII, each followed by "\n"
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import wordListPath from 'word-list';
import { fnv1a, mulberry32, shuffle } from './image-set.mjs';

const COUNT = 12_000;
const TRAIN = 10_000;
const MAX_LENGTH = 9;

// The package's default export is the path of its words.txt.
const all = readFileSync(wordListPath, 'utf8')
  .split('\n')
  .filter((w) => w.length >= 3 && w.length <= MAX_LENGTH && /^[a-z]+$/.test(w));
const picked = shuffle(all, mulberry32(2026)).slice(0, COUNT);
const words = [...picked.slice(0, TRAIN).sort(), ...picked.slice(TRAIN).sort()];
const body = Buffer.from(words.map((w) => `${w}\n`).join(''), 'ascii');
const header = Buffer.alloc(24);
header.write('WRDS', 0, 'ascii');
[1, words.length, TRAIN, MAX_LENGTH, fnv1a(body)].forEach((v, i) => header.writeUInt32LE(v, 4 + 4 * i));
const file = gzipSync(Buffer.concat([header, body]), { level: 9 });
const out = join(dirname(new URL(import.meta.url).pathname), '..', 'public', 'datasets', 'words.bin.gz');
writeFileSync(out, file);
console.log(`wrote ${out}: ${words.length} words (${TRAIN} train / ${words.length - TRAIN} held out) of 3–${MAX_LENGTH} letters from ${all.length}, ${Math.round(file.length / 1024)} KB gzip`);
