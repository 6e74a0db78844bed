import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackendManager, rankBackends, type BackendDeps } from './backend';
import type { LossWatch } from './backends/init';
import type { BackendEvent, BackendName, BackendProbe, CalibrationWorkload } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const probe = (name: BackendName, available = true, software = false, detail: string = name): BackendProbe => ({
  name,
  available,
  software,
  detail,
});

// What headless Chromium here looks like: both GPU backends run on SwiftShader.
const headless: BackendProbe[] = [
  probe('webgpu', true, true, 'google swiftshader'),
  probe('webgl', true, true, 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))'),
  probe('wasm'),
  probe('cpu'),
];
const laptop: BackendProbe[] = [probe('webgpu', false, false, 'no adapter'), probe('webgl', true, false, 'Intel Iris'), probe('wasm'), probe('cpu')];

describe('rankBackends', () => {
  it('ranks software GPUs below wasm and cpu', () => {
    const { order, skipped } = rankBackends(headless);
    expect(order.map((o) => o.name)).toEqual(['wasm', 'cpu', 'webgl', 'webgpu']);
    expect(order[0]?.reason).toMatch(/emulated in software/);
    expect(skipped).toEqual([]);
  });

  it('puts a hardware GPU first and lists unavailable backends with the reason', () => {
    const { order, skipped } = rankBackends(laptop);
    expect(order.map((o) => o.name)).toEqual(['webgl', 'wasm', 'cpu']);
    expect(order[0]?.reason).toContain('Intel Iris');
    expect(skipped).toEqual([{ name: 'webgpu', why: 'no adapter' }]);
  });

  it('lets timings pick the fastest, unmeasured ones after in the default order', () => {
    const { order } = rankBackends(laptop, { webgl: 2.5, wasm: 0.5, cpu: 0.3 });
    expect(order.map((o) => o.name)).toEqual(['cpu', 'wasm', 'webgl']);
    expect(order[0]?.reason).toBe('fastest for this model on this device: cpu 0.30 ms/step vs wasm 0.50 ms/step, webgl 2.5 ms/step');
    const partial = rankBackends(headless, { wasm: 0.7, cpu: Number.NaN });
    expect(partial.order.map((o) => o.name)).toEqual(['wasm', 'cpu', 'webgl', 'webgpu']);
  });
});

interface Fake {
  deps: Partial<BackendDeps>;
  started: BackendName[];
  released: BackendName[];
  timed: BackendName[];
  lose(): void;
  store: Map<string, string>;
}

function fakeDeps(probes: BackendProbe[], opts: { failing?: BackendName[]; ms?: Partial<Record<BackendName, number>> } = {}): Fake {
  const fake: Fake = { deps: {}, started: [], released: [], timed: [], lose: () => undefined, store: new Map() };
  let lostCallback: ((why: string) => void) | null = null;
  fake.deps = {
    probe: async () => probes,
    init: async (name) => {
      if (opts.failing?.includes(name)) throw new Error(`${name} broke`);
      fake.started.push(name);
    },
    release: (name) => void fake.released.push(name),
    watch: (name, onLost): LossWatch => {
      let lost = false;
      lostCallback = name === 'webgl' || name === 'webgpu' ? (why) => ((lost = true), onLost(why)) : null;
      return { isLost: () => lost, simulate: () => (lostCallback?.('WebGL context was lost'), lostCallback !== null), stop: () => undefined };
    },
    time: async (name) => {
      fake.timed.push(name);
      return opts.ms?.[name] ?? 1;
    },
    storage: { getItem: (k) => fake.store.get(k) ?? null, setItem: (k, v) => void fake.store.set(k, v) },
    userAgent: 'test-agent',
  };
  fake.lose = () => lostCallback?.('WebGL context was lost');
  return fake;
}

const workload: CalibrationWorkload = { key: 'tiny', build: () => ({ step: () => undefined, dispose: () => undefined }) };

describe('createBackendManager', () => {
  it('starts the best ranked backend once, however often ensure is called', async () => {
    const fake = fakeDeps(headless);
    const m = createBackendManager(fake.deps);
    const [a, b] = await Promise.all([m.ensure(), m.ensure({ override: 'cpu' })]);
    expect(a).toBe(b);
    expect(a).toMatchObject({ name: 'wasm', source: 'ranked' });
    expect(await m.ensure()).toBe(a);
    expect(fake.started).toEqual(['wasm']);
  });

  it('calibrates non-software backends, picks the fastest, and reuses the timings next time', async () => {
    const first = fakeDeps(headless, { ms: { cpu: 0.3, wasm: 0.5 } });
    const choice = await createBackendManager(first.deps).ensure({ workload });
    expect(first.timed).toEqual(['wasm', 'cpu']); // never the SwiftShader GPUs
    expect(choice).toMatchObject({ name: 'cpu', source: 'calibrated', timings: { cpu: 0.3, wasm: 0.5 } });
    expect(choice.reason).toBe('fastest for this model on this device: cpu 0.30 ms/step vs wasm 0.50 ms/step');

    const second = fakeDeps(headless);
    second.store = first.store;
    second.deps.storage = first.deps.storage;
    const again = await createBackendManager(second.deps).ensure({ workload });
    expect(second.timed).toEqual([]);
    expect(again).toMatchObject({ name: 'cpu', source: 'cached-calibration' });

    // Another workload key is calibrated afresh.
    const other = await createBackendManager(second.deps).ensure({ workload: { ...workload, key: 'other' } });
    expect(other.source).toBe('calibrated');
  });

  it('honours an override, and explains the fallback when it fails', async () => {
    const ok = await createBackendManager(fakeDeps(headless).deps).ensure({ override: 'webgpu' });
    expect(ok).toMatchObject({ name: 'webgpu', source: 'override' });

    const failing = await createBackendManager(fakeDeps(headless, { failing: ['webgpu', 'wasm'] }).deps).ensure({
      override: 'webgpu',
    });
    expect(failing.name).toBe('cpu');
    expect(failing.reason).toMatch(/^webgpu was requested but failed: webgpu broke\./);
    expect(failing.skipped).toEqual([
      { name: 'webgpu', why: 'webgpu was requested but failed: webgpu broke' },
      { name: 'wasm', why: 'wasm broke' },
    ]);

    const unavailable = await createBackendManager(fakeDeps(laptop).deps).ensure({ override: 'webgpu' });
    expect(unavailable.name).toBe('webgl');
    expect(unavailable.reason).toMatch(/^webgpu was requested but failed: no adapter/);
  });

  it('switches to the next backend when the GPU is lost at runtime', async () => {
    const fake = fakeDeps(laptop);
    const m = createBackendManager(fake.deps);
    const events: BackendEvent[] = [];
    m.subscribe((e) => events.push(e));
    expect((await m.ensure()).name).toBe('webgl');
    expect(m.healthy()).toBe(true);
    m.simulateLoss();
    await new Promise((r) => setTimeout(r, 0));
    expect(events.map((e) => e.type)).toEqual(['choosing', 'ready', 'lost', 'ready']);
    expect(events[2]).toEqual({ type: 'lost', name: 'webgl', why: 'WebGL context was lost' });
    expect(m.current).toMatchObject({
      name: 'wasm',
      source: 'runtime-fallback',
      reason: 'WebGL context was lost; switched to wasm',
    });
    expect(fake.released).toContain('webgl');
    expect(m.healthy()).toBe(true);
    expect((await m.ensure()).name).toBe('wasm');
  });

  it('uses the real cpu backend in Node', async () => {
    const m = createBackendManager();
    const probes = await m.probes();
    expect(probes.find((p) => p.name === 'webgpu')?.available).toBe(false);
    const choice = await m.ensure();
    expect(choice.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(choice.skipped.map((s) => s.name)).toEqual(['webgpu', 'webgl', 'wasm']);
  });
});
