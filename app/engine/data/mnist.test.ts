import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FASHION_CLASS_NAMES, fnv1a, ImageSetFileError, loadImageSet, loadMnist, MnistFileError, parseImageSet, parseMnist } from './mnist';

const gzOf = (file: string) => readFileSync(new URL(`../../../public/datasets/${file}`, import.meta.url));
const shipped = (file = 'mnist.bin.gz') => new Uint8Array(gunzipSync(gzOf(file)));

describe('the shipped MNIST file', () => {
  it('holds 10,000 labelled 28 × 28 digits, 8,000 for training, every digit in both sets', () => {
    const m = parseMnist(shipped());
    expect(m).toMatchObject({ set: 'mnist', n: 10_000, train: 8_000, rows: 28, cols: 28 });
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

  it('FNV-1a matches its reference values', () => {
    expect(fnv1a(new Uint8Array())).toBe(0x811c9dc5);
    expect(fnv1a(new TextEncoder().encode('a'))).toBe(0xe40c292c);
  });
});

describe('the shipped Fashion-MNIST file', () => {
  it('holds 2,000 labelled 28 × 28 clothes: 150 of each class for training, 50 for testing, none in both', () => {
    const f = parseImageSet(shipped('fashion.bin.gz'), 'fashion');
    expect(f).toMatchObject({ set: 'fashion', n: 2_000, train: 1_500, rows: 28, cols: 28 });
    expect(f.classNames).toEqual(FASHION_CLASS_NAMES);
    expect(f.classNames[9]).toBe('Ankle boot');
    expect(f.pixels.length).toBe(2_000 * 784);
    const count = (from: number, to: number) => {
      const c = new Array(10).fill(0);
      for (let i = from; i < to; i++) c[f.labels[i]!]++;
      return c;
    };
    expect(count(0, 1_500)).toEqual(new Array(10).fill(150));
    expect(count(1_500, 2_000)).toEqual(new Array(10).fill(50));
    // Shuffled: the first 100 training images are not one class.
    expect(count(0, 100).filter((c) => c > 0).length).toBeGreaterThan(5);
    const key = (i: number) => Buffer.from(f.pixels.subarray(i * 784, (i + 1) * 784)).toString('latin1');
    const trainImages = new Set(Array.from({ length: 1_500 }, (_, i) => key(i)));
    expect(trainImages.size).toBe(1_500);
    for (let i = 1_500; i < 2_000; i++) expect(trainImages.has(key(i))).toBe(false);
    // Real clothes, light on dark: Fashion-MNIST's mean pixel is 0.286 of full brightness.
    let sum = 0;
    for (let i = 0; i < f.pixels.length; i++) sum += f.pixels[i]!;
    expect(sum / f.pixels.length / 255).toBeGreaterThan(0.26);
    expect(sum / f.pixels.length / 255).toBeLessThan(0.31);
  });

  it('carries the checksum of its labels and pixels, and is the file scripts/make-fashion.mjs writes', () => {
    const bytes = shipped('fashion.bin.gz');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('FASH');
    expect(view.getUint32(24, true)).toBe(fnv1a(bytes.subarray(28)));
    // The script prints this checksum; a regenerated file with other settings must update it here on purpose.
    expect(view.getUint32(24, true).toString(16)).toBe('bdfa1f92');
  });

  it('is read by the first names too, and refused where the other set is expected', () => {
    expect(parseMnist(shipped('fashion.bin.gz')).set).toBe('fashion');
    expect(parseImageSet(shipped()).set).toBe('mnist');
    expect(() => parseImageSet(shipped('fashion.bin.gz'), 'mnist')).toThrow(/This is the Fashion-MNIST file \(clothes\), not the MNIST file \(digits\)/);
  });
});

describe.each([
  ['mnist.bin.gz', 'digits', 100_000],
  ['fashion.bin.gz', 'clothes', 50_000],
])('a damaged %s', (file, noun, cut) => {
  it('is refused with a message a reader can act on', () => {
    const good = shipped(file);
    const flipped = good.slice();
    flipped[5000] = flipped[5000]! ^ 0xff;
    expect(() => parseMnist(flipped)).toThrow(MnistFileError);
    expect(() => parseImageSet(flipped)).toThrow(ImageSetFileError);
    expect(() => parseImageSet(flipped)).toThrow(new RegExp(`^The ${noun} file is damaged \\(its checksum does not match\\). Reload the page`));
    expect(() => parseImageSet(good.subarray(0, cut))).toThrow(/cut short/);
    const relabelled = good.slice();
    relabelled[28] = 10; // the first label, with a checksum that fits: only the label check can catch it
    new DataView(relabelled.buffer).setUint32(24, fnv1a(relabelled.subarray(28)), true);
    expect(() => parseImageSet(relabelled)).toThrow(/image 0 has label 10/);
    const version = good.slice();
    version[4] = 2;
    expect(() => parseImageSet(version)).toThrow(/version 2, expected 1/);
    expect(() => parseImageSet(new TextEncoder().encode('<!doctype html><html>not found</html>'))).toThrow(/does not start like an MNIST file/);
    expect(() => parseImageSet(new Uint8Array(3))).toThrow(/only 3 bytes/);
  });
});

describe('loadMnist', () => {
  afterEach(() => vi.unstubAllGlobals());
  const gz = () => gzOf('mnist.bin.gz');

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

  it('loads the clothes with the same loader, naming them in its messages', async () => {
    const file = gzOf('fashion.bin.gz');
    vi.stubGlobal('fetch', async () => new Response(file));
    const f = await loadImageSet('/datasets/fashion.bin.gz', { expect: 'fashion' });
    expect([f.set, f.n, f.classNames[0]]).toEqual(['fashion', 2_000, 'T-shirt/top']);
    vi.stubGlobal('fetch', async () => new Response(gunzipSync(file)));
    expect((await loadMnist('/datasets/fashion.bin.gz')).set).toBe('fashion');
    vi.stubGlobal('fetch', async () => new Response('no', { status: 404 }));
    await expect(loadImageSet('/x', { expect: 'fashion' })).rejects.toThrow(/^The clothes file could not be fetched \(HTTP 404\)/);
  });
});
