/**
 * Which TF.js backend runs the course, and what happens when its GPU goes away.
 *
 *   ensure() ─► probe all ─► override? ─yes─► start it ─ok─► ready (source 'override')
 *                  │                              └─fail─► "webgpu was requested but failed: …", continue ▼
 *                  ├─ workload? ─► cached timings? ─► rank by them ('cached-calibration')
 *                  │                  └─ else time each non-software backend ─► rank ('calibrated')
 *                  └─ rank by kind ('ranked') ─► start the best that starts and computes correctly
 *
 *   while running: WebGL context lost / WebGPU device lost ─► 'lost' ─► next in the ranking ─► 'ready'
 *                  (source 'runtime-fallback'); trainers rebuild their models on it from their last weights.
 */
import * as tf from '@tensorflow/tfjs';
import {
  calibrationFingerprint,
  readCalibration,
  timeWorkload,
  writeCalibration,
  type CalibrationStorage,
} from './backends/calibrate';
import { initBackend, releaseBackend, watchActiveBackend, type LossWatch } from './backends/init';
import { probeAll } from './backends/probe';
import { BACKEND_LABEL, calibrationCandidates, rankBackends } from './backends/rank';
import { errorText } from './backends/timeout';
import { createChannel } from './channel';
import type {
  BackendChoice,
  BackendEvent,
  BackendManager,
  BackendName,
  BackendProbe,
  CalibrationWorkload,
} from './types';

export { rankBackends, calibrationCandidates, type Ranking } from './backends/rank';

/**
 * Everything the manager does to the outside world; replaceable in tests.
 *
 * @example
 * createBackendManager({ probe: async () => probes, init: async () => undefined, storage: null });
 */
export interface BackendDeps {
  probe(): Promise<BackendProbe[]>;
  init(name: BackendName): Promise<void>;
  release(name: BackendName): void;
  watch(name: BackendName, onLost: (why: string) => void): LossWatch;
  /** ms per step of `workload` on the (already active) backend `name`. */
  time(name: BackendName, workload: CalibrationWorkload): Promise<number>;
  storage: CalibrationStorage | null;
  userAgent: string;
}

function browserStorage(): CalibrationStorage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null; // some privacy modes throw on access
  }
}

const defaultDeps = (): BackendDeps => ({
  probe: () => probeAll(tf.env().getBool('IS_NODE')),
  init: (name) => initBackend(name),
  release: releaseBackend,
  watch: watchActiveBackend,
  time: (_name, workload) => timeWorkload(workload),
  storage: browserStorage(),
  userAgent: typeof navigator !== 'undefined' ? navigator.userAgent : 'node',
});

/**
 * Creates a backend manager. Pages use the shared {@link getBackendManager}; tests pass fake `deps`.
 *
 * @example
 * const manager = createBackendManager({ probe: async () => fakeProbes, init: async () => {} });
 * const choice = await manager.ensure();
 */
export function createBackendManager(overrides: Partial<BackendDeps> = {}): BackendManager {
  const deps: BackendDeps = { ...defaultDeps(), ...overrides };
  const channel = createChannel<BackendEvent>();
  let probesPromise: Promise<BackendProbe[]> | null = null;
  let ensurePromise: Promise<BackendChoice> | null = null;
  let current: BackendChoice | null = null;
  let watch: LossWatch | null = null;
  let lastTimings: Partial<Record<BackendName, number>> | undefined;
  const broken = new Set<BackendName>(); // failed or lost this session: never tried again automatically
  let switching = false;

  const probes = () => (probesPromise ??= deps.probe());

  const settle = (choice: BackendChoice): BackendChoice => {
    watch?.stop();
    current = choice;
    watch = deps.watch(choice.name, (why) => void onLost(choice.name, why));
    channel.emit({ type: 'ready', choice });
    return choice;
  };

  /** Tries the ranked backends in order; the first that starts wins. */
  const startBest = async (
    list: { name: BackendName; reason: string }[],
    skipped: { name: BackendName; why: string }[],
  ): Promise<{ name: BackendName; reason: string } | null> => {
    for (const entry of list) {
      try {
        await deps.init(entry.name);
        return entry;
      } catch (err) {
        broken.add(entry.name);
        skipped.push({ name: entry.name, why: errorText(err) });
      }
    }
    return null;
  };

  const choose = async (opts: { override?: BackendName | null; workload?: CalibrationWorkload }) => {
    channel.emit({ type: 'choosing' });
    const all = await probes();
    const skipped: { name: BackendName; why: string }[] = [];
    let prefix = '';

    if (opts.override) {
      const name = opts.override;
      const probe = all.find((p) => p.name === name);
      try {
        if (!probe) throw new Error('unknown backend');
        if (!probe.available) throw new Error(probe.detail);
        await deps.init(name);
        return settle({ name, reason: `${name} was requested in the address (?backend=${name})`, skipped, source: 'override' });
      } catch (err) {
        const why = `${name} was requested but failed: ${errorText(err)}`;
        broken.add(name);
        skipped.push({ name, why });
        prefix = `${why}. Using the next best instead: `;
      }
    }

    let timings: Partial<Record<BackendName, number>> | undefined;
    let source: BackendChoice['source'] = 'ranked';
    const candidates = calibrationCandidates(all).filter((p) => !broken.has(p.name));
    if (opts.workload && candidates.length >= 2) {
      const fingerprint = calibrationFingerprint(deps.userAgent, all, opts.workload.key);
      const cached = readCalibration(deps.storage, fingerprint);
      if (cached && candidates.every((c) => Number.isFinite(cached[c.name]))) {
        timings = cached;
        source = 'cached-calibration';
      } else {
        const measured: Partial<Record<BackendName, number>> = {};
        const started: BackendName[] = [];
        for (const c of candidates) {
          try {
            await deps.init(c.name);
            started.push(c.name);
            measured[c.name] = await deps.time(c.name, opts.workload);
          } catch (err) {
            broken.add(c.name);
            skipped.push({ name: c.name, why: `it failed while being timed: ${errorText(err)}` });
          }
        }
        if (Object.keys(measured).length > 0) {
          timings = measured;
          source = 'calibrated';
          // Only a complete calibration is worth reusing; a backend that failed once may work next visit.
          if (Object.keys(measured).length === candidates.length) writeCalibration(deps.storage, fingerprint, measured);
        }
        // Free the GPU backends that were started only to be timed (a WebGPU device, a WebGL context).
        const best = rankBackends(all.filter((p) => !broken.has(p.name)), timings).order[0]?.name;
        started.filter((n) => n !== best && (n === 'webgpu' || n === 'webgl')).forEach((n) => deps.release(n));
      }
    }
    lastTimings = timings;

    const ranking = rankBackends(
      all.filter((p) => !broken.has(p.name)),
      timings,
    );
    skipped.push(...ranking.skipped);
    const winner = await startBest(ranking.order, skipped);
    if (!winner) throw new Error(`No TF.js backend could start: ${skipped.map((s) => `${s.name}: ${s.why}`).join('; ')}`);
    const measuredWinner = timings?.[winner.name] !== undefined;
    return settle({
      name: winner.name,
      reason: prefix + winner.reason,
      skipped,
      source: measuredWinner ? source : 'ranked',
      ...(timings ? { timings } : {}),
    });
  };

  const onLost = async (name: BackendName, why: string) => {
    if (!current || current.name !== name || switching) return;
    switching = true;
    try {
      watch?.stop();
      watch = null;
      broken.add(name);
      channel.emit({ type: 'lost', name, why });
      deps.release(name);
      const all = await probes();
      const ranking = rankBackends(
        all.filter((p) => !broken.has(p.name)),
        lastTimings,
      );
      const skipped = [{ name, why }];
      const next = await startBest(ranking.order, skipped);
      if (!next) return; // nothing left; the 'lost' event already told the page
      settle({
        name: next.name,
        reason: `${why}; switched to ${next.name}`,
        skipped,
        source: 'runtime-fallback',
      });
    } finally {
      switching = false;
    }
  };

  return {
    ensure(opts = {}) {
      if (current && ensurePromise) return Promise.resolve(current);
      ensurePromise ??= choose(opts).catch((err: unknown) => {
        ensurePromise = null; // let a later call try again
        throw err;
      });
      return ensurePromise;
    },
    get current() {
      return current;
    },
    subscribe: (fn) => channel.subscribe(fn),
    probes,
    simulateLoss() {
      if (!watch?.simulate()) {
        console.warn(`simulateLoss: the ${current?.name ?? 'current'} backend has no GPU device to lose.`);
      }
    },
    healthy: () => !(watch?.isLost() ?? false),
  };
}

let shared: BackendManager | null = null;

/**
 * The page's backend manager (one TF.js engine per page, so one manager).
 *
 * @example
 * const choice = await getBackendManager().ensure({ override: params.get('backend') as BackendName | null });
 * badge.textContent = `${choice.name}: ${choice.reason}`;
 */
export function getBackendManager(): BackendManager {
  return (shared ??= createBackendManager());
}

/**
 * Plain-language label for a backend, e.g. for the badge.
 *
 * @example
 * backendLabel('wasm'); // 'WebAssembly'
 */
export function backendLabel(name: BackendName): string {
  return BACKEND_LABEL[name];
}

