import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fnv1a, loadMnist, MnistFileError, parseMnist } from './mnist';

const shipped = () => new Uint8Array(gunzipSync(readFileSync(new URL('../../../public/datasets/mnist.bin.gz', import.meta.url))));

describe('the shipped MNIST file', () => {
  it('holds 10,000 labelled 28 × 28 digits, 8,000 for training, every digit in both sets', () => {
    const m = parseMnist(shipped());
    expect(m).toMatchObject({ n: 10_000, train: 8_000, rows: 28, cols: 28 });
    expect(m.pixels.length).toBe(10_000 * 784);
    const count = (from: number, to: number) => {
      const c = new Array(10).fill(0);
      for (let i = from; i < to; i++) c[m.labels[i]!]++;
      return c;
    };
    // Shuffled: each digit's share of the test set is close to its share of the whole.
    count(8_000, 10_000).forEach((c) => expect(c).toBeGreaterThan(130));
    count(0, 8_000).forEach((c) => expect(c).toBeGreaterThan(650));
    // Real images: ink on paper, with a mean brightness like MNIST's (about 13% ink).
    let sum = 0;
    for (let i = 0; i < 784 * 100; i++) sum += m.pixels[i]!;
    expect(sum / (784 * 100) / 255).toBeGreaterThan(0.08);
    expect(sum / (784 * 100) / 255).toBeLessThan(0.2);
  });

  it('refuses a damaged file with a message a reader can act on', () => {
    const good = shipped();
    const flipped = good.slice();
    flipped[5000] = flipped[5000]! ^ 0xff;
    expect(() => parseMnist(flipped)).toThrow(MnistFileError);
    expect(() => parseMnist(flipped)).toThrow(/checksum does not match\). Reload the page/);
    expect(() => parseMnist(good.subarray(0, 100_000))).toThrow(/cut short/);
    expect(() => parseMnist(new TextEncoder().encode('<!doctype html><html>not found</html>'))).toThrow(/does not start like an MNIST file/);
    expect(() => parseMnist(new Uint8Array(3))).toThrow(/only 3 bytes/);
  });

  it('the second set (Fashion-MNIST clothes) has the same format: 3,000 images, 2,000 for training, 300 per class', () => {
    const bytes = new Uint8Array(gunzipSync(readFileSync(new URL('../../../public/datasets/fashion.bin.gz', import.meta.url))));
    const f = parseMnist(bytes, 'clothes pictures');
    expect(f).toMatchObject({ n: 3_000, train: 2_000, rows: 28, cols: 28 });
    const all = new Array(10).fill(0);
    const test = new Array(10).fill(0);
    for (let i = 0; i < f.n; i++) {
      all[f.labels[i]!]++;
      if (i >= f.train) test[f.labels[i]!]++;
    }
    expect(all).toEqual(new Array(10).fill(300));
    test.forEach((c) => expect(c).toBeGreaterThan(60));
    // Photos of clothes hold far more ink than digits (about a third of the frame, against 13%).
    let sum = 0;
    for (let i = 0; i < 784 * 100; i++) sum += f.pixels[i]!;
    expect(sum / (784 * 100) / 255).toBeGreaterThan(0.2);
    const damaged = bytes.slice();
    damaged[40_000] = damaged[40_000]! ^ 0x0f;
    expect(() => parseMnist(damaged, 'clothes pictures')).toThrow(/The clothes pictures file is damaged \(its checksum does not match\)/);
  });

  it('FNV-1a matches its reference values', () => {
    expect(fnv1a(new Uint8Array())).toBe(0x811c9dc5);
    expect(fnv1a(new TextEncoder().encode('a'))).toBe(0xe40c292c);
  });
});

describe('loadMnist', () => {
  afterEach(() => vi.unstubAllGlobals());
  const gz = () => readFileSync(new URL('../../../public/datasets/mnist.bin.gz', import.meta.url));

  it('downloads with progress, unpacks and checks the file', async () => {
    const file = gz();
    vi.stubGlobal('fetch', async () => new Response(file, { headers: { 'content-length': String(file.length) } }));
    const seen: number[] = [];
    const m = await loadMnist('/datasets/mnist.bin.gz', (f) => seen.push(f));
    expect(m.n).toBe(10_000);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
  });

  it('accepts the file already unpacked by the browser (served with Content-Encoding: gzip)', async () => {
    const file = gunzipSync(gz());
    vi.stubGlobal('fetch', async () => new Response(file));
    expect((await loadMnist('/datasets/mnist.bin.gz')).n).toBe(10_000);
  });

  it('says what went wrong: a 404, or a file that is not gzip', async () => {
    vi.stubGlobal('fetch', async () => new Response('no', { status: 404 }));
    await expect(loadMnist('/x')).rejects.toThrow(/could not be fetched \(HTTP 404\)/);
    vi.stubGlobal('fetch', async () => new Response('<html>index</html>'));
    await expect(loadMnist('/x')).rejects.toThrow(/could not be unpacked/);
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(loadMnist('/x')).rejects.toThrow(/could not be downloaded/);
  });
});
