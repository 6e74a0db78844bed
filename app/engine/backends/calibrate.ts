/**
 * Timing a workload on the active backend, and remembering the result per device.
 *
 * The cache key combines the browser (userAgent), the GPU (adapter and renderer names) and the workload, so a
 * new browser version, another GPU or another model calibrates afresh.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName, BackendProbe, CalibrationWorkload } from '../types';
import { withTimeout } from './timeout';

/**
 * Warm-up steps (first calls compile shaders or fill caches), then timed steps, and the time limit per backend.
 *
 * @example
 * await timeWorkload(workload, { ...CALIBRATION, steps: 50 });
 */
export const CALIBRATION = { warmup: 3, steps: 10, timeoutMs: 8_000 } as const;

/**
 * Times `workload` on the active backend: warm-up, then two rounds of `steps` steps, each ending with an awaited
 * read. Returns the faster round's ms per step; throws if it takes longer than `timeoutMs` in all.
 *
 * @example
 * await initBackend('wasm');
 * const msPerStep = await timeWorkload(workload);
 */
export async function timeWorkload(
  workload: CalibrationWorkload,
  { warmup, steps, timeoutMs }: { warmup: number; steps: number; timeoutMs: number } = CALIBRATION,
): Promise<number> {
  const run = workload.build();
  const read = run.read
    ? () => (run.read as () => Promise<void>)()
    : // Without a read of its own, read every live variable: one of them depends on the last step.
      async () => {
        await Promise.all(Object.values(tf.engine().registeredVariables).map((v) => v.data()));
      };
  const deadline = performance.now() + timeoutMs;
  const left = () => Math.max(1, deadline - performance.now());
  try {
    for (let i = 0; i < warmup; i++) run.step();
    await withTimeout(read(), left(), 'calibration warm-up');
    // Two timed rounds, keeping the faster: a garbage collection or a JIT tier-up landing in one round would
    // otherwise decide a close race (cpu and wasm are within 20% of each other here).
    let best = Infinity;
    for (let round = 0; round < 2; round++) {
      const t0 = performance.now();
      for (let i = 0; i < steps; i++) {
        run.step();
        if (performance.now() > deadline) throw new Error('calibration took too long');
      }
      await withTimeout(read(), left(), 'calibration');
      best = Math.min(best, (performance.now() - t0) / steps);
    }
    return best;
  } finally {
    run.dispose();
  }
}

/**
 * The part of localStorage the cache needs.
 *
 * @example
 * const memory: CalibrationStorage = { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
 */
export type CalibrationStorage = Pick<Storage, 'getItem' | 'setItem'>;

const PREFIX = 'dll:backend-calibration:';

/**
 * The cache key's full text: browser + GPUs + workload.
 *
 * @example
 * calibrationFingerprint(navigator.userAgent, probes, 'mlp-2-8-8-1');
 */
export function calibrationFingerprint(userAgent: string, probes: BackendProbe[], workloadKey: string): string {
  const gpus = probes
    .filter((p) => p.name === 'webgpu' || p.name === 'webgl')
    .map((p) => `${p.name}=${p.detail}`)
    .join('|');
  return `${userAgent}|${gpus}|${workloadKey}`;
}

function hash(text: string): string {
  // FNV-1a: short storage keys; the full fingerprint is stored too and compared, so collisions are harmless.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * Reads cached timings for `fingerprint`, or null.
 *
 * @example
 * const timings = readCalibration(localStorage, fingerprint); // { cpu: 0.3, wasm: 0.5 } or null
 */
export function readCalibration(
  storage: CalibrationStorage | null,
  fingerprint: string,
): Partial<Record<BackendName, number>> | null {
  try {
    const raw = storage?.getItem(PREFIX + hash(fingerprint));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { fingerprint?: string; timings?: Partial<Record<BackendName, number>> };
    return parsed.fingerprint === fingerprint && parsed.timings ? parsed.timings : null;
  } catch {
    return null; // storage disabled (private mode) or corrupt: calibrate again
  }
}

/**
 * Stores timings for `fingerprint` (silently does nothing when storage is unavailable).
 *
 * @example
 * writeCalibration(localStorage, fingerprint, { cpu: 0.3, wasm: 0.5 });
 */
export function writeCalibration(
  storage: CalibrationStorage | null,
  fingerprint: string,
  timings: Partial<Record<BackendName, number>>,
): void {
  try {
    storage?.setItem(PREFIX + hash(fingerprint), JSON.stringify({ fingerprint, timings, savedAt: Date.now() }));
  } catch {
    /* quota exceeded or storage disabled: the next visit calibrates again */
  }
}
