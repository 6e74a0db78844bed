/**
 * Ordering the backends: pure, so it is unit-tested in Node.
 *
 * Without measurements:  hardware webgpu > hardware webgl > wasm > cpu > software webgl > software webgpu.
 * A software GPU (SwiftShader, llvmpipe, a fallback adapter) emulates the GPU on the CPU, far slower than running
 * the maths on the CPU directly (measured here: webgpu on SwiftShader ~100× slower than cpu on a tiny MLP).
 * With measurements (ms per step of the actual workload), the measured backends come first, fastest first.
 */
import type { BackendName, BackendProbe } from '../types';

/**
 * The ranking: what to try, best first, and what cannot be tried at all.
 *
 * @example
 * const { order }: Ranking = rankBackends(probes);
 */
export interface Ranking {
  /** Available backends, best first, each with the sentence that explains choosing it. */
  order: { name: BackendName; reason: string }[];
  /** Unavailable backends, with why. */
  skipped: { name: BackendName; why: string }[];
}

/**
 * Display names for sentences shown to students.
 *
 * @example
 * `runs through ${BACKEND_LABEL.wasm}`; // 'runs through WebAssembly'
 */
export const BACKEND_LABEL: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'plain JavaScript',
};

function staticScore(p: BackendProbe): number {
  const score: Record<BackendName, [hardware: number, software: number]> = {
    webgpu: [0, 5],
    webgl: [1, 4],
    wasm: [2, 2],
    cpu: [3, 3],
  };
  return score[p.name][p.software ? 1 : 0];
}

function formatMs(ms: number): string {
  return ms >= 10 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(2);
}

function staticReason(p: BackendProbe, all: BackendProbe[]): string {
  const hardwareGpu = all.some((q) => q.available && !q.software && (q.name === 'webgpu' || q.name === 'webgl'));
  const softwareGpu = all.find((q) => q.available && q.software);
  const noGpu = softwareGpu
    ? `the only GPU here is emulated in software (${softwareGpu.detail}), which is slower than the CPU`
    : 'no usable GPU was found';
  switch (p.name) {
    case 'webgpu':
    case 'webgl':
      return p.software
        ? `only a software-emulated GPU is left (${p.detail}); it works, but slowly`
        : `runs on your GPU through ${BACKEND_LABEL[p.name]} (${p.detail})`;
    case 'wasm':
      return hardwareGpu
        ? 'runs on the CPU with WebAssembly'
        : `${noGpu}, so it runs on the CPU with WebAssembly, the faster CPU option`;
    case 'cpu':
      return hardwareGpu ? 'runs on the CPU in plain JavaScript' : `${noGpu}, so it runs on the CPU in plain JavaScript`;
  }
}

/**
 * Ranks backends from their probes and, optionally, measured ms per step (lower is better). Timings that are
 * missing or not finite count as "not measured": those backends follow the measured ones in the default order.
 *
 * @example
 * const { order, skipped } = rankBackends(probes, { cpu: 0.3, wasm: 0.5 });
 * order[0]; // { name: 'cpu', reason: 'fastest for this model on this device: cpu 0.30 ms/step vs wasm 0.50 ms/step' }
 */
export function rankBackends(
  probes: BackendProbe[],
  timings?: Partial<Record<BackendName, number>>,
): Ranking {
  const skipped = probes.filter((p) => !p.available).map((p) => ({ name: p.name, why: p.detail }));
  const available = probes.filter((p) => p.available);
  const timeOf = (p: BackendProbe) => {
    const t = timings?.[p.name];
    return t !== undefined && Number.isFinite(t) && t >= 0 ? t : undefined;
  };
  const measured = available
    .filter((p) => timeOf(p) !== undefined)
    .sort((a, b) => (timeOf(a) as number) - (timeOf(b) as number) || staticScore(a) - staticScore(b));
  const unmeasured = available
    .filter((p) => timeOf(p) === undefined)
    .sort((a, b) => staticScore(a) - staticScore(b));

  const summary = measured.map((p) => `${p.name} ${formatMs(timeOf(p) as number)} ms/step`);
  const order = [
    ...measured.map((p, i) => ({
      name: p.name,
      reason:
        measured.length === 1
          ? `the only backend measured on this device: ${summary[0]}`
          : i === 0
            ? `fastest for this model on this device: ${summary[0]} vs ${summary.slice(1).join(', ')}`
            : `measured ${summary[i]} (the faster ones failed)`,
    })),
    ...unmeasured.map((p) => ({ name: p.name, reason: staticReason(p, probes) })),
  ];
  return { order, skipped };
}

/**
 * Backends worth timing: available and not software GPUs (which are never faster than the CPU).
 *
 * @example
 * calibrationCandidates(probes).map((p) => p.name); // e.g. ['wasm', 'cpu']
 */
export function calibrationCandidates(probes: BackendProbe[]): BackendProbe[] {
  return probes.filter((p) => p.available && !p.software).sort((a, b) => staticScore(a) - staticScore(b));
}
