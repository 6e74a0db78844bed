/**
 * Fetching a shipped `.gz` dataset file with download progress, unpacked in the browser (DecompressionStream),
 * with plain-language errors. Shared by the image sets (`mnist.ts`) and the word list (`words.ts`).
 */

/** A dataset file that is missing or damaged; `message` is written for the reader. */
export class DatasetFileError extends Error {
  override name = 'DatasetFileError';
}

export interface FetchGzippedOptions {
  /** Called with the downloaded fraction, 0 … 1, ending with 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** What the file holds, for messages ("digits", "words"). */
  noun: string;
  /**
   * True when the bytes are already unpacked. Some servers (Vite's preview among them) send a .gz file with
   * `Content-Encoding: gzip`, so the browser unpacks it before we see it: then it starts with the file's own magic.
   */
  unpacked: (bytes: Uint8Array) => boolean;
}

/**
 * The unpacked bytes of the gzipped file at `url`.
 *
 * @example
 * const bytes = await fetchGzipped('datasets/words.bin.gz', { noun: 'words', unpacked: hasWordsMagic });
 */
export async function fetchGzipped(url: string, { onProgress, signal, noun, unpacked }: FetchGzippedOptions): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new DatasetFileError(`The ${noun} could not be downloaded (is the connection down?). Try again.`);
  }
  if (!response.ok || !response.body) throw new DatasetFileError(`The ${noun} file could not be fetched (HTTP ${response.status}). Try again.`);
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
  let bytes: Uint8Array;
  try {
    const raw = new Uint8Array(await new Response(counted).arrayBuffer());
    if (unpacked(raw)) {
      bytes = raw;
    } else {
      // TypeScript's DOM types describe DecompressionStream's input as BufferSource; the bytes here are Uint8Arrays.
      const gunzip = new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
      bytes = new Uint8Array(await new Response(new Response(raw).body!.pipeThrough(gunzip)).arrayBuffer());
    }
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new DatasetFileError(`The ${noun} file is damaged (it could not be unpacked). Reload the page to fetch it again.`);
  }
  onProgress?.(1);
  return bytes;
}
