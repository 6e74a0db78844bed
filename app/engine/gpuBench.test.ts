import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  BENCH_SIZES,
  applyBenchEvent,
  describeBench,
  findCrossover,
  gflops,
  matMulFlops,
  median,
  runBench,
  type BackendResult,
  type BenchDeps,
  type BenchEvent,
} from './gpuBench';
import { createTfBenchDeps } from './gpuBenchTf';
import type { BackendName } from './types';

/** A backend whose product of size n takes `fixed + n³ / perMs` ms (a fixed launch cost plus the work). */
const model = (name: BackendName, fixedMs: number, flopsPerMs: number, extra: Partial<BackendResult> = {}): BackendResult => ({
  name,
  status: 'done',
  ...extra,
  points: BENCH_SIZES.filter((n) => n <= 1024).map((n) => {
    const ms = fixedMs + matMulFlops(n) / flopsPerMs;
    return { n, ms, gflops: gflops(n, ms), reps: 1 };
  }),
});

describe('GFLOP/s arithmetic', () => {
  it('counts 2n³ operations and divides by the time', () => {
    expect(matMulFlops(16)).toBe(8192);
    // Counted the slow way: n² outputs, each n multiplies and n adds.
    let count = 0;
    for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) for (let k = 0; k < 8; k++) count += 2;
    expect(matMulFlops(8)).toBe(count);
    expect(gflops(1000, 2)).toBeCloseTo(1000, 9); // 2·10⁹ flops in 2 ms = 10¹² per second
    expect(gflops(1024, 1000)).toBeCloseTo(2.147483648, 9);
    expect(gflops(64, 0)).toBeNaN();
  });
  it('takes medians', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('cross-over and reading', () => {
  // cpu: no fixed cost, 1 GFLOP/s (10⁶ flops per ms). wasm: 4 GFLOP/s. webgl: 1 ms to launch, then 100 GFLOP/s.
  // webgl beats wasm where 1 + 2n³/10⁸ < 2n³/(4·10⁶), i.e. n³ > 2.08·10⁶: between 64 (n³ = 262,144) and 128
  // (n³ = 2,097,152).
  const cpu = model('cpu', 0, 1e6);
  const wasm = model('wasm', 0, 4e6);
  const webgl = model('webgl', 1, 1e8);

  it('finds the size from which the GPU-type backend beats the best CPU-type one', () => {
    // At 128: webgl 1 + 0.042 = 1.042 ms, wasm 1.05 ms → webgl ahead; at 64 webgl 1.005 vs wasm 0.13 → behind.
    expect(findCrossover([cpu, wasm, webgl])).toEqual({ n: 128, gpu: 'webgl', cpu: 'wasm' });
    // A GPU with a tiny launch cost (0.01 ms) beats cpu where n³ > 0.01 / (2·0.99·10⁻⁶) ≈ 5,050: from n = 32.
    expect(findCrossover([cpu, model('webgl', 0.01, 1e8)])?.n).toBe(32);
    // Ahead everywhere: the cross-over is the first size.
    expect(findCrossover([model('cpu', 1, 1e6), model('webgpu', 0, 1e8)])?.n).toBe(16);
    // A GPU that is never faster: no cross-over.
    expect(findCrossover([cpu, model('webgpu', 30, 5e5)])).toBeNull();
    // No GPU-type backend measured at all.
    expect(findCrossover([cpu, wasm])).toBeNull();
  });

  it('says which backend wins big and small, how much faster, the fixed cost and the cross-over', () => {
    const text = describeBench([cpu, wasm, webgl]).join(' ');
    expect(text).toContain('For big matrices (n = 1024) your fastest backend is webgl');
    const ratio = gflops(1024, 1 + matMulFlops(1024) / 1e8) / gflops(1024, matMulFlops(1024) / 1e6);
    expect(text).toContain(`${Math.round(ratio)}× faster than plain JavaScript at n = 1024`);
    expect(text).toContain('For tiny ones (n = 16) wasm (WebAssembly) wins instead');
    expect(text).toContain('about 1.0 ms on webgl');
    expect(text).toContain('from n = 128 on, webgl beats the best CPU-type backend (wasm)');
    expect(text).not.toContain('software GPU');
  });

  it('compares with cpu at the largest size cpu itself ran', () => {
    const shortCpu = { ...cpu, points: cpu.points.filter((p) => p.n <= 256) };
    const text = describeBench([shortCpu, webgl]).join(' ');
    expect(text).toContain('faster than plain JavaScript at n = 256');
  });

  it('says so honestly when the GPU backends are software and never catch up', () => {
    const slowGl = model('webgl', 2, 5e5, { software: true, detail: 'ANGLE (SwiftShader Device)' });
    const text = describeBench([cpu, wasm, slowGl]).join(' ');
    expect(text).toContain('your fastest backend is wasm');
    expect(text).toContain('no GPU-type backend overtook the CPU-type ones');
    expect(text).toContain('no hardware GPU');
    expect(text).toContain('software GPU (SwiftShader)');
  });

  it('names backends that could not run, and says when no GPU backend was measured', () => {
    const gone: BackendResult = { name: 'webgpu', status: 'unavailable', reason: 'this browser has no WebGPU', points: [] };
    const text = describeBench([cpu, gone]).join(' ');
    expect(text).toContain('No GPU-type backend');
    expect(text).toContain('webgpu could not run here: this browser has no WebGPU');
    expect(describeBench([])).toEqual(['Nothing has been measured yet.']);
  });
});

/** A fake backend on a fake clock: each product costs `cost(n)` ms; `start` may throw. */
function fakeDeps(costs: Partial<Record<BackendName, (n: number) => number>>, broken: Partial<Record<BackendName, string>> = {}) {
  let clock = 0;
  let active: BackendName | null = null;
  const log: string[] = [];
  const deps: BenchDeps = {
    async start(name) {
      if (broken[name]) throw new Error(broken[name]);
      active = name;
      log.push(`start ${name}`);
    },
    async matMul(n, reps) {
      clock += (costs[active as BackendName] as (n: number) => number)(n) * reps;
      log.push(`mm ${n}×${reps}`);
    },
    async trainSteps(steps) {
      clock += 5 * steps;
    },
    stop(name) {
      log.push(`stop ${name}`);
      active = null;
    },
    now: () => clock,
  };
  return { deps, log };
}

describe('runBench', () => {
  it('runs the sizes in order, reports medians and GFLOP/s, and times the training step', async () => {
    const { deps, log } = fakeDeps({ cpu: (n) => n / 16 });
    const events: BenchEvent[] = [];
    await runBench(deps, { backends: ['cpu'], maxN: 128, budgetMs: 1e9, sampleMs: 4 }, (e) => events.push(e));
    const points = events.flatMap((e) => (e.type === 'point' ? [e.point] : []));
    expect(points.map((p) => p.n)).toEqual([16, 32, 64, 128]);
    expect(points.map((p) => p.ms)).toEqual([1, 2, 4, 8]);
    expect(points[0]?.reps).toBe(4); // 4 ms per sample at 1 ms per product
    expect(points[3]?.reps).toBe(1);
    expect(points[2]?.gflops).toBeCloseTo(gflops(64, 4));
    expect(events.find((e) => e.type === 'train')).toEqual({ type: 'train', name: 'cpu', ms: 5 });
    expect(events.at(-1)).toEqual({ type: 'done', name: 'cpu' });
    expect(log.at(-1)).toBe('stop cpu');
  });

  it('stops a slow backend at its time budget and says which sizes it left out', async () => {
    // cpu's product costs n³/10⁵ ms: 256 takes 168 ms, 512 would take 1.3 s per product.
    const { deps } = fakeDeps({ cpu: (n) => n ** 3 / 1e5, wasm: (n) => n ** 3 / 1e7 });
    let results: Partial<Record<BackendName, BackendResult>> = {};
    await runBench(deps, { backends: ['cpu', 'wasm'], maxN: 1024, budgetMs: 2000 }, (e) => (results = applyBenchEvent(results, e)));
    expect(results.cpu?.points.map((p) => p.n)).toEqual([16, 32, 64, 128, 256]);
    expect(results.cpu?.skipped?.map((s) => s.n)).toEqual([512, 1024]);
    expect(results.cpu?.skipped?.[0]?.why).toMatch(/budget/);
    expect(results.cpu?.status).toBe('done');
    expect(results.cpu?.trainMs).toBe(5);
    // The fast backend gets all its sizes within the same budget.
    expect(results.wasm?.points.map((p) => p.n)).toEqual([16, 32, 64, 128, 256, 512, 1024]);
  });

  it('reports a backend that fails to start or fails while running, and carries on', async () => {
    const { deps } = fakeDeps(
      {
        cpu: () => 1,
        webgl: (n) => {
          if (n === 64) throw new Error('context lost');
          return 1;
        },
      },
      { webgpu: 'no adapter' },
    );
    const events: BenchEvent[] = [];
    await runBench(deps, { backends: ['webgpu', 'webgl', 'cpu'], maxN: 64, budgetMs: 1e9 }, (e) => events.push(e));
    expect(events[0]).toEqual({ type: 'unavailable', name: 'webgpu', reason: 'no adapter' });
    expect(events).toContainEqual({ type: 'failed', name: 'webgl', reason: 'context lost' });
    expect(events.filter((e) => e.type === 'point' && e.name === 'webgl')).toHaveLength(2);
    expect(events.at(-1)).toEqual({ type: 'done', name: 'cpu' });
  });

  it('stops between samples when cancelled', async () => {
    const { deps } = fakeDeps({ cpu: () => 1 });
    const events: BenchEvent[] = [];
    await runBench(deps, { backends: ['cpu'], maxN: 1024, budgetMs: 1e9 }, (e) => events.push(e), () => events.filter((e) => e.type === 'point').length >= 2);
    expect(events.filter((e) => e.type === 'point')).toHaveLength(2);
    expect(events.some((e) => e.type === 'done' || e.type === 'train')).toBe(false);
  });
});

describe('the TF.js side, on cpu', () => {
  it('multiplies and trains without leaking tensors', async () => {
    await tf.setBackend('cpu');
    const deps = createTfBenchDeps(async (name) => {
      await tf.setBackend(name);
    });
    const before = tf.memory().numTensors;
    const events: BenchEvent[] = [];
    await runBench(deps, { backends: ['cpu'], maxN: 64, budgetMs: 10_000, samples: 1, trainSamples: 1 }, (e) => events.push(e));
    expect(events.filter((e) => e.type === 'point').map((e) => (e.type === 'point' ? e.point.n : 0))).toEqual([16, 32, 64]);
    const train = events.find((e) => e.type === 'train');
    expect(train?.type === 'train' && train.ms > 0).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
