/**
 * The course's handwritten digits for any figure: one shared download (progress for every figure waiting on it),
 * and a retry after a failure. Figures show the state with `<MnistStatus>`.
 *
 *   loading (progress 0 … 1) ──▶ ready
 *        └──▶ error ──retry──▶ loading
 */
import { useEffect, useState } from 'react';
import type { Grid } from '../../engine/conv';
import { loadImageSet, type MnistData } from '../../engine/data/mnist';

export type MnistLoad = { status: 'loading'; progress: number } | { status: 'error'; message: string } | { status: 'ready'; mnist: MnistData };

let cached: Promise<MnistData> | null = null;
let progressListeners: ((f: number) => void)[] = [];

function fetchMnist(onProgress: (f: number) => void): Promise<MnistData> {
  progressListeners.push(onProgress);
  if (!cached) {
    cached = loadImageSet(`${import.meta.env.BASE_URL}datasets/mnist.bin.gz`, {
      onProgress: (f) => progressListeners.forEach((l) => l(f)),
      expect: 'mnist',
    });
    // A failed download is forgotten, so Retry fetches again.
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/**
 * Loads the shipped MNIST file once per page and reports its state.
 *
 * @example
 * const { load, retry } = useMnist();
 * const mnist = load.status === 'ready' ? load.mnist : null;
 */
export function useMnist(): { load: MnistLoad; retry(): void } {
  const [load, setLoad] = useState<MnistLoad>({ status: 'loading', progress: 0 });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const onProgress = (progress: number) => {
      if (live) setLoad({ status: 'loading', progress });
    };
    fetchMnist(onProgress).then(
      (mnist) => live && setLoad({ status: 'ready', mnist }),
      (e: unknown) => live && setLoad({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
      progressListeners = progressListeners.filter((l) => l !== onProgress);
    };
  }, [attempt]);

  return { load, retry: () => setAttempt((a) => a + 1) };
}

/** Digit `index` of the course's MNIST file as a grid, ink 1 and paper 0. */
export function digitImage(mnist: MnistData, index: number): Grid {
  const px = mnist.rows * mnist.cols;
  const bytes = mnist.pixels.subarray(index * px, (index + 1) * px);
  return { rows: mnist.rows, cols: mnist.cols, values: Float32Array.from(bytes, (b) => b / 255) };
}
