/**
 * "Why GPUs": the benchmark's pure parts. No TF.js here: the runner drives whatever `BenchDeps` it is given (the
 * real one is `gpuBenchTf.ts`, in the worker; tests pass a fake with a fake clock), and the reading turns a table
 * of measured times into plain sentences.
 *
 *   for each chosen backend:
 *     start ──fail──► 'unavailable' (with the reason), next backend
 *       └─ok─► for n = 16, 32, … ≤ maxN:  warm-up · samples of `reps` products, each ended by one awaited read
 *                 └ 'point' (median ms per product, GFLOP/s) · stop early when the next size would not fit the budget
 *              training step: warm-up · samples · 'train' (median ms per step) · release the backend
 */
import type { BackendName } from './types';

/** The sizes the benchmark can run: n × n times n × n, doubling from 16. */
export const BENCH_SIZES = [16, 32, 64, 128, 256, 512, 1024, 2048] as const;

/** The CPU-type backends (run on the processor) and the GPU-type ones. */
export const CPU_TYPE: readonly BackendName[] = ['cpu', 'wasm'];
export const GPU_TYPE: readonly BackendName[] = ['webgl', 'webgpu'];

/**
 * Floating-point operations in one n × n by n × n product: n² outputs, each n multiplies and n adds.
 *
 * @example
 * matMulFlops(1024); // 2_147_483_648
 */
export const matMulFlops = (n: number): number => 2 * n * n * n;

/**
 * Billions of floating-point operations per second for one n × n product that took `ms` milliseconds.
 *
 * @example
 * gflops(1000, 2); // 1000: 2·10⁹ operations in 2 ms
 */
export function gflops(n: number, ms: number): number {
  if (!(ms > 0)) return NaN;
  return matMulFlops(n) / (ms * 1e6);
}

/**
 * The median of a non-empty list (the mean of the middle two for an even count); NaN for an empty one.
 *
 * @example
 * median([5, 1, 3]); // 3
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** One measured size on one backend. */
export interface BenchPoint {
  n: number;
  /** Median milliseconds per product. */
  ms: number;
  gflops: number;
  /** Products per timed sample. */
  reps: number;
}

/** Everything measured (or found out) about one backend. */
export interface BackendResult {
  name: BackendName;
  status: 'waiting' | 'running' | 'done' | 'unavailable' | 'failed';
  /** Why it is unavailable or failed. */
  reason?: string;
  /** A software GPU (SwiftShader and the like), from the probe. */
  software?: boolean;
  /** The adapter or renderer, from the probe. */
  detail?: string;
  points: BenchPoint[];
  /** Median ms per training step of the MLP. */
  trainMs?: number;
  /** Sizes left out, with why (the time budget). */
  skipped?: { n: number; why: string }[];
}

/** What the runner reports, in order. */
export type BenchEvent =
  | { type: 'start'; name: BackendName }
  | { type: 'measuring'; name: BackendName; n: number }
  | { type: 'unavailable'; name: BackendName; reason: string }
  | { type: 'point'; name: BackendName; point: BenchPoint }
  | { type: 'skipped'; name: BackendName; n: number; why: string }
  | { type: 'train'; name: BackendName; ms: number }
  | { type: 'failed'; name: BackendName; reason: string }
  | { type: 'done'; name: BackendName };

/** What the runner needs from TF.js (or from a test's fake). Times are milliseconds of `now()`. */
export interface BenchDeps {
  /** Makes `name` the active backend; throws a plain-language reason if it cannot. */
  start(name: BackendName): Promise<void>;
  /** Runs `reps` n × n products and waits for the last one's numbers; resolves when done. */
  matMul(n: number, reps: number): Promise<void>;
  /** Runs `steps` training steps of the MLP and waits for the last loss. */
  trainSteps(steps: number): Promise<void>;
  /** Frees everything the backend holds. */
  stop(name: BackendName): void;
  now(): number;
}

export interface BenchPlan {
  backends: BackendName[];
  /** Largest n to run. */
  maxN: number;
  /** Milliseconds each backend may spend on its products (the training step is extra and short). */
  budgetMs: number;
  /** Timed samples per size (the median is reported). */
  samples?: number;
  /** A sample should last at least this long, so tiny products are timed in batches. */
  sampleMs?: number;
  /** At most this many products per sample. */
  maxReps?: number;
  /** Timed training samples (one step each after the warm-up). */
  trainSamples?: number;
}

/** How many products per sample, from one product's time: enough to last `sampleMs`, at least 1. */
export function repsFor(msPerProduct: number, sampleMs: number, maxReps: number): number {
  if (!(msPerProduct > 0)) return maxReps;
  return Math.max(1, Math.min(maxReps, Math.ceil(sampleMs / msPerProduct)));
}

/**
 * Runs the plan, reporting every step through `emit`. `shouldStop` is asked between samples: cancelling ends the
 * run after the current sample (the page also terminates the worker, which stops even a long product at once).
 *
 * @example
 * await runBench(deps, { backends: ['cpu', 'wasm'], maxN: 256, budgetMs: 5000 }, (e) => console.log(e));
 */
export async function runBench(
  deps: BenchDeps,
  plan: BenchPlan,
  emit: (event: BenchEvent) => void,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  const samples = plan.samples ?? 3;
  const sampleMs = plan.sampleMs ?? 30;
  const maxReps = plan.maxReps ?? 40;
  const trainSamples = plan.trainSamples ?? 3;
  const sizes = BENCH_SIZES.filter((n) => n <= plan.maxN);

  for (const name of plan.backends) {
    if (shouldStop()) return;
    try {
      await deps.start(name);
    } catch (err) {
      emit({ type: 'unavailable', name, reason: err instanceof Error ? err.message : String(err) });
      continue;
    }
    emit({ type: 'start', name });
    try {
      const began = deps.now();
      let lastMs = 0;
      for (let i = 0; i < sizes.length; i++) {
        const n = sizes[i] as number;
        const spent = deps.now() - began;
        // A product of twice the size does 8× the work: predict the next size's cost from the last measured one
        // (warm-up + samples), and stop before it would blow the budget.
        const predicted = lastMs * 8 * (samples + 1);
        if (i > 0 && spent + predicted > plan.budgetMs) {
          const why = `left out: about ${Math.round(predicted / 1000)} s more would exceed this backend's ${Math.round(plan.budgetMs / 1000)} s budget`;
          for (const rest of sizes.slice(i)) emit({ type: 'skipped', name, n: rest, why });
          break;
        }
        emit({ type: 'measuring', name, n });
        // Warm-up: compiles the shader (GPU) or grows the heap (wasm) at this size; timed once to choose reps.
        // The first size also pays the backend's one-time costs (programs, memory pools): warm it up twice.
        if (i === 0) await deps.matMul(n, 1);
        const w0 = deps.now();
        await deps.matMul(n, 1);
        const reps = repsFor(deps.now() - w0, sampleMs, maxReps);
        const times: number[] = [];
        for (let s = 0; s < samples; s++) {
          if (shouldStop()) return;
          const t0 = deps.now();
          await deps.matMul(n, reps);
          times.push((deps.now() - t0) / reps);
        }
        const ms = median(times);
        lastMs = ms;
        emit({ type: 'point', name, point: { n, ms, gflops: gflops(n, ms), reps } });
      }
      if (shouldStop()) return;
      await deps.trainSteps(1);
      const steps: number[] = [];
      for (let s = 0; s < trainSamples; s++) {
        if (shouldStop()) return;
        const t0 = deps.now();
        await deps.trainSteps(1);
        steps.push(deps.now() - t0);
      }
      emit({ type: 'train', name, ms: median(steps) });
      emit({ type: 'done', name });
    } catch (err) {
      emit({ type: 'failed', name, reason: err instanceof Error ? err.message : String(err) });
    } finally {
      deps.stop(name);
    }
  }
}

/**
 * Folds one event into the results table (a new object; the input is not changed).
 *
 * @example
 * results = applyBenchEvent(results, { type: 'train', name: 'cpu', ms: 12 });
 */
export function applyBenchEvent(
  results: Partial<Record<BackendName, BackendResult>>,
  event: BenchEvent,
): Partial<Record<BackendName, BackendResult>> {
  const old = results[event.name] ?? { name: event.name, status: 'waiting' as const, points: [] };
  let next: BackendResult;
  switch (event.type) {
    case 'measuring':
      return results;
    case 'start':
      next = { ...old, status: 'running', points: [], skipped: [], trainMs: undefined, reason: undefined };
      break;
    case 'unavailable':
      next = { ...old, status: 'unavailable', reason: event.reason };
      break;
    case 'failed':
      next = { ...old, status: 'failed', reason: event.reason };
      break;
    case 'point':
      next = { ...old, points: [...old.points, event.point] };
      break;
    case 'skipped':
      next = { ...old, skipped: [...(old.skipped ?? []), { n: event.n, why: event.why }] };
      break;
    case 'train':
      next = { ...old, trainMs: event.ms };
      break;
    case 'done':
      next = { ...old, status: 'done' };
      break;
  }
  return { ...results, [event.name]: next };
}

// ── The reading ─────────────────────────────────────────────────────────────────────────────────────────────

const at = (r: BackendResult | undefined, n: number) => r?.points.find((p) => p.n === n);

/** The fastest backend at size n among `results` (highest GFLOP/s), or null if none measured n. */
export function fastestAt(results: readonly BackendResult[], n: number): { name: BackendName; point: BenchPoint } | null {
  let best: { name: BackendName; point: BenchPoint } | null = null;
  for (const r of results) {
    const p = at(r, n);
    if (p && Number.isFinite(p.gflops) && (!best || p.gflops > best.point.gflops)) best = { name: r.name, point: p };
  }
  return best;
}

/**
 * The smallest n from which the best GPU-type backend beats the best CPU-type one at every larger size both
 * measured. `null` when the GPU-type backends never get ahead; `n` is the first size when they always are.
 *
 * @example
 * findCrossover(results); // { n: 256, gpu: 'webgl', cpu: 'wasm' }
 */
export function findCrossover(results: readonly BackendResult[]): { n: number; gpu: BackendName; cpu: BackendName } | null {
  const gpus = results.filter((r) => GPU_TYPE.includes(r.name) && r.points.length);
  const cpus = results.filter((r) => CPU_TYPE.includes(r.name) && r.points.length);
  if (!gpus.length || !cpus.length) return null;
  const sizes = BENCH_SIZES.filter((n) => fastestAt(gpus, n) && fastestAt(cpus, n));
  let from: number | null = null;
  for (const n of sizes) {
    const g = fastestAt(gpus, n) as { point: BenchPoint };
    const c = fastestAt(cpus, n) as { point: BenchPoint };
    if (g.point.gflops > c.point.gflops) from ??= n;
    else from = null;
  }
  if (from === null) return null;
  return { n: from, gpu: (fastestAt(gpus, from) as { name: BackendName }).name, cpu: (fastestAt(cpus, from) as { name: BackendName }).name };
}

/** The fixed cost of one product on a backend, at most: its quickest product of any size (tiny work costs ~nothing). */
export function fixedCostMs(result: BackendResult): number | null {
  return result.points.length ? Math.min(...result.points.map((p) => p.ms)) : null;
}

const LABEL: Record<BackendName, string> = { cpu: 'cpu (plain JavaScript)', wasm: 'wasm (WebAssembly)', webgl: 'webgl', webgpu: 'webgpu' };

/** "0.012 ms", "3.4 ms", "120 ms". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toPrecision(2)} ms`;
}

/** "0.52", "3.4", "120". */
export function formatGflops(g: number): string {
  if (!Number.isFinite(g)) return '—';
  if (g >= 100) return String(Math.round(g));
  if (g >= 1) return g.toFixed(1);
  return g.toPrecision(2);
}

const times = (x: number) => (x >= 10 ? `${Math.round(x)}×` : `${x.toFixed(1)}×`);

/**
 * Plain-language sentences from the measured table: the fastest backend for big and for tiny products, how much
 * faster than cpu, the cross-over, the GPU's fixed cost, and, honestly, when the "GPU" is software.
 *
 * @example
 * describeBench(results).join(' ');
 * // "For big matrices (n = 1024) your fastest backend is webgl, 12× faster than plain JavaScript. …"
 */
export function describeBench(results: readonly BackendResult[]): string[] {
  const measured = results.filter((r) => r.points.length > 0);
  if (!measured.length) return ['Nothing has been measured yet.'];
  const out: string[] = [];
  const sizes = BENCH_SIZES.filter((n) => fastestAt(measured, n));
  const small = sizes[0] as number;
  const big = sizes[sizes.length - 1] as number;
  const bigBest = fastestAt(measured, big) as { name: BackendName; point: BenchPoint };
  const smallBest = fastestAt(measured, small) as { name: BackendName; point: BenchPoint };
  const cpu = measured.find((r) => r.name === 'cpu');

  let bigLine = `For big matrices (n = ${big}) your fastest backend is ${LABEL[bigBest.name]}, at ${formatGflops(bigBest.point.gflops)} GFLOP/s`;
  if (cpu && bigBest.name !== 'cpu') {
    // Compare with cpu at the largest size cpu itself ran (its budget may have stopped it earlier).
    const n = BENCH_SIZES.filter((s) => at(cpu, s) && at(results.find((r) => r.name === bigBest.name), s)).pop();
    const mine = n ? at(results.find((r) => r.name === bigBest.name), n) : undefined;
    const theirs = n ? at(cpu, n) : undefined;
    if (n && mine && theirs) bigLine += `, ${times(mine.gflops / theirs.gflops)} faster than plain JavaScript at n = ${n}`;
  }
  out.push(`${bigLine}.`);
  if (small !== big) {
    out.push(
      smallBest.name === bigBest.name
        ? `It also wins for tiny ones (n = ${small}).`
        : `For tiny ones (n = ${small}) ${LABEL[smallBest.name]} wins instead.`,
    );
  }

  const gpus = measured.filter((r) => GPU_TYPE.includes(r.name));
  const software = results.filter((r) => GPU_TYPE.includes(r.name) && r.software && r.status !== 'unavailable');
  const cross = findCrossover(measured);
  if (gpus.length) {
    const costs = gpus.map((g) => ({ name: g.name, ms: fixedCostMs(g) as number }));
    const cost = costs.map((c) => `${formatMs(c.ms)} on ${c.name}`).join(' and ');
    out.push(
      `Even the smallest product costs about ${cost}: starting work on a GPU, and reading the answer back, has a fixed price that only pays off once there is enough parallel work to share it.`,
    );
    if (cross) {
      out.push(
        cross.n === small
          ? `Here ${cross.gpu} is ahead of the CPU-type backends at every size measured, from n = ${small}.`
          : `The cross-over: from n = ${cross.n} on, ${cross.gpu} beats the best CPU-type backend (${cross.cpu}).`,
      );
    } else {
      out.push(`In the sizes measured (up to n = ${big}) no GPU-type backend overtook the CPU-type ones.`);
    }
  } else {
    out.push('No GPU-type backend (webgl or webgpu) was measured, so there is no cross-over to find.');
  }

  if (software.length) {
    const names = software.map((s) => s.name).join(' and ');
    out.push(
      `Be aware: this browser has no hardware GPU to offer. Its ${names} ${software.length > 1 ? 'run' : 'runs'} on a software GPU (${/swiftshader/i.test(software.map((x) => x.detail ?? '').join(' ')) ? 'SwiftShader' : (software[0]?.detail ?? 'unnamed')}) that imitates one on the processor's few cores, so ${software.length > 1 ? 'they are' : 'it is'} no real GPU here; on a device with a graphics chip the GPU lines climb far higher.`,
    );
  }
  const trained = measured.filter((r) => r.trainMs !== undefined).sort((a, b) => (a.trainMs as number) - (b.trainMs as number));
  const quickest = trained[0];
  if (quickest && trained.length > 1) {
    const slowest = trained[trained.length - 1] as BackendResult;
    out.push(
      `One training step of the small network (784 → 128 → 10, batch 64) was quickest on ${quickest.name}: ${formatMs(quickest.trainMs as number)}, against ${formatMs(slowest.trainMs as number)} on ${slowest.name}. Its biggest product is only 64 × 784 by 784 × 128, so the same reasoning applies.`,
    );
  }
  const unavailable = results.filter((r) => r.status === 'unavailable' || r.status === 'failed');
  for (const r of unavailable) out.push(`${r.name} could not run here: ${r.reason ?? 'no reason given'}.`);
  return out;
}
