/**
 * The course's image sets, in one binary format (scripts/imageSet.mjs). The handwritten digits: 10,000 labelled 28 × 28 MNIST images (8,000 for training, 2,000 for testing),
 * shipped as public/datasets/mnist.bin.gz, made by scripts/make-mnist.mjs (the format is described there).
 * `loadMnist` fetches and unpacks it with progress; `parseMnist` checks it (magic, sizes, checksum) and says
 * plainly what is wrong with a damaged file.
 */

/** The digits, as bytes: labels 0–9 and pixels 0 (paper) … 255 (ink), image after image, row by row. */
export interface MnistData {
  /** Number of digits. */
  n: number;
  /** The first `train` digits are the training set; the rest are the test set. */
  train: number;
  rows: number;
  cols: number;
  labels: Uint8Array;
  pixels: Uint8Array;
}

/** A missing or damaged dataset file; `message` is written for the reader. */
export class MnistFileError extends Error {
  override name = 'MnistFileError';
}

const HEADER = 28;

/** FNV-1a, 32 bit: the file's checksum over labels and pixels. */
export function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193) >>> 0;
  return hash;
}

/**
 * Reads the unpacked file, checking it on the way.
 *
 * @example
 * const mnist = parseMnist(new Uint8Array(buffer)); // mnist.labels[0], mnist.pixels.subarray(0, 784)
 */
export function parseMnist(bytes: Uint8Array, what = 'digits'): MnistData {
  const damaged = (why: string) => new MnistFileError(`The ${what} file is damaged (${why}). Reload the page to fetch it again.`);
  if (bytes.length < HEADER) throw damaged(`only ${bytes.length} bytes`);
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== 'MNST') throw damaged('it does not start like an MNIST file of this course');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [version, n, train, rows, cols, checksum] = [4, 8, 12, 16, 20, 24].map((o) => view.getUint32(o, true)) as [number, number, number, number, number, number];
  if (version !== 1) throw damaged(`version ${version}, expected 1`);
  if (rows !== 28 || cols !== 28 || train > n) throw damaged(`sizes ${rows} × ${cols}, ${train} of ${n} for training`);
  const expected = HEADER + n + n * rows * cols;
  if (bytes.length !== expected) throw damaged(`${bytes.length} bytes instead of ${expected}: it was cut short`);
  const body = bytes.subarray(HEADER);
  if (fnv1a(body) !== checksum) throw damaged('its checksum does not match');
  const labels = body.subarray(0, n);
  for (let i = 0; i < n; i++) if (labels[i]! > 9) throw damaged(`image ${i} has label ${labels[i]}`);
  return { n, train, rows, cols, labels, pixels: body.subarray(n) };
}

/**
 * Fetches and unpacks the shipped file, reporting progress (0 … 1) as it downloads.
 *
 * @example
 * const mnist = await loadMnist(`${import.meta.env.BASE_URL}datasets/mnist.bin.gz`, (f) => bar.value = f);
 */
export async function loadMnist(
  url: string,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
  what = 'digits',
): Promise<MnistData> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new MnistFileError(`The ${what} could not be downloaded (is the connection down?). Try again.`);
  }
  if (!response.ok || !response.body) throw new MnistFileError(`The ${what} file could not be fetched (HTTP ${response.status}). Try again.`);
  const total = Number(response.headers.get('content-length') ?? 0);
  let received = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.length;
        if (total > 0) onProgress?.(Math.min(1, received / total));
        controller.enqueue(chunk);
      },
    }),
  );
  let unpacked: ArrayBuffer;
  try {
    const raw = new Uint8Array(await new Response(counted).arrayBuffer());
    // Some servers (Vite's preview among them) send a .gz file with `Content-Encoding: gzip`, so the browser has
    // already unpacked it: then the bytes start with the file's own magic, "MNST", instead of gzip's 1f 8b.
    if (raw[0] === 0x4d && raw[1] === 0x4e && raw[2] === 0x53 && raw[3] === 0x54) {
      unpacked = raw.buffer;
    } else {
      // TypeScript's DOM types describe DecompressionStream's input as BufferSource; the bytes here are Uint8Arrays.
      const gunzip = new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
      unpacked = await new Response(new Response(raw).body!.pipeThrough(gunzip)).arrayBuffer();
    }
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new MnistFileError(`The ${what} file is damaged (it could not be unpacked). Reload the page to fetch it again.`);
  }
  onProgress?.(1);
  return parseMnist(new Uint8Array(unpacked), what);
}
