/**
 * The page's end of the "Why GPUs" benchmark: starts the worker for one run, forwards its messages, and stops it
 * by terminating it (which ends even a product that takes seconds).
 *
 *   page ── run(plan) ──► new Worker(gpuBench.worker.ts) ── probes, start, measuring, point, train, … ──► onMessage
 *   stop() ──► worker.terminate()
 */
import type { BenchEvent, BenchPlan } from './gpuBench';
import type { BackendProbe } from './types';

export type BenchCommand = { type: 'run'; plan: BenchPlan };
export type BenchMessage =
  | BenchEvent
  | { type: 'probes'; probes: BackendProbe[] }
  | { type: 'finished' }
  | { type: 'error'; message: string };

export interface BenchRun {
  stop(): void;
}

/**
 * Starts one benchmark run in a new worker.
 *
 * @example
 * const run = startBench({ backends: ['cpu', 'webgl'], maxN: 256, budgetMs: 8000 }, (m) => console.log(m));
 * run.stop();
 */
export function startBench(plan: BenchPlan, onMessage: (message: BenchMessage) => void): BenchRun {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./gpuBench.worker.ts', import.meta.url), { type: 'module', name: 'gpu-benchmark' });
  } catch (err) {
    queueMicrotask(() => onMessage({ type: 'error', message: `The benchmark's worker could not start: ${err instanceof Error ? err.message : String(err)}` }));
    return { stop: () => undefined };
  }
  let done = false;
  worker.onmessage = (e: MessageEvent<BenchMessage>) => {
    if (done) return;
    onMessage(e.data);
    if (e.data.type === 'finished' || e.data.type === 'error') {
      done = true;
      worker.terminate();
    }
  };
  worker.onerror = (e) => {
    e.preventDefault();
    if (done) return;
    done = true;
    onMessage({ type: 'error', message: `The benchmark's worker failed: ${e.message || 'it could not start'}.` });
    worker.terminate();
  };
  worker.postMessage({ type: 'run', plan } satisfies BenchCommand);
  return {
    stop() {
      done = true;
      worker.terminate();
    },
  };
}
