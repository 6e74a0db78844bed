/**
 * "Why GPUs": the benchmark in a module Web Worker, so the page's thread never waits for a product. One run per
 * worker: the page starts a fresh worker for each Run and terminates it to stop.
 */
import { probeAll } from './backends/probe';
import { runBench } from './gpuBench';
import { createTfBenchDeps } from './gpuBenchTf';
import type { BenchCommand, BenchMessage } from './gpuBenchClient';

const scope = self as unknown as {
  postMessage(message: BenchMessage): void;
  onmessage: ((e: MessageEvent<BenchCommand>) => void) | null;
};

scope.onmessage = (e) => {
  const command = e.data;
  if (command.type !== 'run') return;
  void (async () => {
    try {
      const probes = await probeAll(false);
      scope.postMessage({ type: 'probes', probes });
      const usable = new Set(probes.filter((p) => p.available).map((p) => p.name));
      for (const name of command.plan.backends) {
        if (!usable.has(name)) {
          const why = probes.find((p) => p.name === name)?.detail ?? 'not offered by this browser';
          scope.postMessage({ type: 'unavailable', name, reason: why });
        }
      }
      const plan = { ...command.plan, backends: command.plan.backends.filter((b) => usable.has(b)) };
      await runBench(createTfBenchDeps(), plan, (event) => scope.postMessage(event));
      scope.postMessage({ type: 'finished' });
    } catch (err) {
      scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  })();
};
