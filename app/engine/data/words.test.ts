import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseWords, readText, WORD_ALPHABET, wordDataset } from './words';

const shipped = () => new Uint8Array(gunzipSync(readFileSync(new URL('../../../public/datasets/words.bin.gz', import.meta.url))));

describe('the shipped word list', () => {
  it('holds 12,000 different words of 3–9 letters, 10,000 for training', () => {
    const list = parseWords(shipped());
    expect(list.words.length).toBe(12_000);
    expect(list.train).toBe(10_000);
    expect(list.maxLength).toBe(9);
    expect(new Set(list.words).size).toBe(12_000);
    expect(list.words.every((w) => /^[a-z]{3,9}$/.test(w))).toBe(true);
  });

  it('says plainly when the file is damaged', () => {
    const good = shipped();
    const flipped = good.slice();
    flipped[40] = flipped[40]! ^ 1;
    expect(() => parseWords(flipped)).toThrow(/^The word list is damaged \(its checksum does not match\)/);
    expect(() => parseWords(new TextEncoder().encode('<!doctype html><html>not found</html>'))).toThrow(/does not start like/);
    expect(() => parseWords(good.subarray(0, 10))).toThrow(/only 10 bytes/);
  });
});

describe('readText', () => {
  it('lowers capitals and lists every character the model does not have', () => {
    expect(readText('Qu1ck fox!')).toEqual({ text: 'quckfox', indices: [17, 21, 3, 11, 6, 15, 24], dropped: ['1', ' ', '!'], lowered: true });
    expect(readText('café')).toMatchObject({ text: 'caf', dropped: ['é'], lowered: false });
    expect(readText('')).toMatchObject({ text: '', dropped: [] });
  });
});

describe('wordDataset', () => {
  it('pairs ". w o r d" with "w o r d ." and pads with zeros the loss ignores', () => {
    const v = WORD_ALPHABET.length;
    const d = wordDataset(['cat'], 4);
    expect(d.inputDim).toBe(5 * v);
    const hot = (arr: Float32Array, t: number) => Array.from(arr.subarray(t * v, (t + 1) * v)).indexOf(1);
    expect([0, 1, 2, 3, 4].map((t) => hot(d.xs, t))).toEqual([0, 3, 1, 20, -1]);
    expect([0, 1, 2, 3, 4].map((t) => hot(d.ys, t))).toEqual([3, 1, 20, 0, -1]);
    expect(() => wordDataset(['toolong'], 4)).toThrow(/4 or fewer letters/);
  });
});
