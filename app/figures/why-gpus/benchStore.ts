/**
 * The benchmark's results and status, kept outside React so a re-render, a remount or presenter mode never loses
 * them. One run at a time; the worker handle lives here too.
 */
import { create } from 'zustand';
import { applyBenchEvent, type BackendResult, type BenchPlan } from '../../engine/gpuBench';
import { startBench, type BenchMessage, type BenchRun } from '../../engine/gpuBenchClient';
import type { BackendName, BackendProbe } from '../../engine/types';

export interface BenchState {
  status: 'idle' | 'running' | 'done' | 'stopped' | 'error';
  order: BackendName[];
  results: Partial<Record<BackendName, BackendResult>>;
  current: { name: BackendName; n: number } | null;
  message: string | null;
  maxN: number;
}

export const useBench = create<BenchState>(() => ({ status: 'idle', order: [], results: {}, current: null, message: null, maxN: 0 }));

let run: BenchRun | null = null;

function onMessage(m: BenchMessage) {
  useBench.setState((s) => {
    switch (m.type) {
      case 'probes': {
        const results = { ...s.results };
        for (const p of m.probes as BackendProbe[]) {
          const r = results[p.name];
          if (r) results[p.name] = { ...r, software: p.software, detail: p.available ? p.detail : r.detail };
        }
        return { results };
      }
      case 'finished':
        run = null;
        return { status: 'done', current: null };
      case 'error':
        run = null;
        return { status: 'error', current: null, message: m.message };
      case 'measuring':
        return { current: { name: m.name, n: m.n } };
      default:
        return { results: applyBenchEvent(s.results, m) };
    }
  });
}

/** Starts a run with `plan` (stopping any run still going); results of earlier runs are replaced. */
export function runBenchmark(plan: BenchPlan): void {
  run?.stop();
  const results: Partial<Record<BackendName, BackendResult>> = {};
  for (const name of plan.backends) results[name] = { name, status: 'waiting', points: [] };
  useBench.setState({ status: 'running', order: plan.backends, results, current: null, message: null, maxN: plan.maxN });
  run = startBench(plan, onMessage);
}

/** Stops the run at once (the worker is terminated); what was measured stays. */
export function stopBenchmark(): void {
  if (!run) return;
  run.stop();
  run = null;
  useBench.setState((s) => {
    const results = { ...s.results };
    for (const name of s.order) {
      const r = results[name];
      if (r && (r.status === 'running' || r.status === 'waiting')) results[name] = { ...r, status: r.points.length ? 'done' : 'waiting' };
    }
    return { status: 'stopped', current: null, results };
  });
}
