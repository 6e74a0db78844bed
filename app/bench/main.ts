/**
 * The benchmark page (bench.html), driven by its URL:
 *
 *   ?backend=cpu&workload=neuron&steps=500   ms per training step of the lesson-1 neuron on 2-D blobs
 *   ?backend=wasm&workload=mlp&steps=200     ms per step and per epoch of a 2-8-8-1 MLP on a circle
 *   ?workload=calibrate                      which backend the engine's own calibration picks (no override)
 *   ?backend=webgl&workload=loss             loses the GPU mid-training and checks the weights survive
 *
 * Every timing ends with an awaited read, so queued GPU work is inside it. The result goes to
 * `window.__benchResult` (read by scripts/bench.mjs) and onto the page.
 */
import {
  createMlp,
  createNeuron,
  createTrainer,
  createTrainingWorkload,
  getBackendManager,
  makePoints2D,
  type BackendName,
  type CalibrationWorkload,
} from '../engine';

const params = new URLSearchParams(window.location.search);
const requested = params.get('backend') as BackendName | null;
const workloadName = params.get('workload') ?? 'mlp';
const steps = Math.max(1, Number(params.get('steps') ?? 100));
const epochs = Math.max(1, Number(params.get('epochs') ?? 3));

/** Whether the backend had started when something failed: only failures after that count as crashes. */
let stage: 'init' | 'run' = 'init';
const out = document.getElementById('out') as HTMLPreElement;
const log = (line: string) => {
  out.textContent += `${line}\n`;
};

const neuronWorkload = createTrainingWorkload('bench-neuron', {
  build: () => createNeuron({ w1: 0.2, w2: -0.3, b: 0.1 }, 'sigmoid'),
  data: makePoints2D('blobs', { n: 200, noise: 0.1, seed: 1 }),
  hyper: { learningRate: 0.5, batchSize: 10, optimizer: 'sgd' },
});

const mlpOptions = {
  build: (rng: Parameters<typeof createMlp>[1]) =>
    createMlp({ sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' }, rng),
  data: makePoints2D('circle', { n: 200, noise: 0.1, seed: 1 }),
  hyper: { learningRate: 0.03, batchSize: 10, optimizer: 'adam' as const },
};
const mlpWorkload = createTrainingWorkload('bench-mlp-2-8-8-1-b10', mlpOptions);
const BATCHES_PER_EPOCH = Math.ceil(200 / 10);

/** Warm-up (shader compilation, first allocations), then `n` steps ending with an awaited read: ms per step. */
async function msPerStep(workload: CalibrationWorkload, n: number): Promise<number> {
  const run = workload.build();
  try {
    for (let i = 0; i < 5; i++) run.step();
    await run.read?.();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) run.step();
    await run.read?.();
    return (performance.now() - t0) / n;
  } finally {
    run.dispose();
  }
}

/** Whole epochs (20 batches of 10), each ending with a read as the trainer's snapshot would: ms per epoch. */
async function msPerEpoch(workload: CalibrationWorkload, e: number): Promise<number> {
  const run = workload.build();
  try {
    for (let i = 0; i < BATCHES_PER_EPOCH; i++) run.step();
    await run.read?.();
    const t0 = performance.now();
    for (let k = 0; k < e; k++) {
      for (let i = 0; i < BATCHES_PER_EPOCH; i++) run.step();
      await run.read?.();
    }
    return (performance.now() - t0) / e;
  } finally {
    run.dispose();
  }
}

/** Trains on `requested`, loses the device, and checks that training resumes elsewhere from the same weights. */
async function lossDrill() {
  const manager = getBackendManager();
  const trainer = createTrainer({ ...mlpOptions, seed: 1, backend: manager });
  await trainer.ready;
  trainer.play();
  const until = (test: () => boolean, ms: number) =>
    new Promise<boolean>((resolve) => {
      const t0 = performance.now();
      const poll = () => (test() ? resolve(true) : performance.now() - t0 > ms ? resolve(false) : setTimeout(poll, 20));
      poll();
    });
  await until(() => (trainer.snapshot?.step ?? 0) >= 20, 60_000);
  const events: string[] = [];
  manager.subscribe((e) => events.push(e.type === 'ready' ? `ready:${e.choice.name}` : e.type));
  type Seen = { step: number; weights: Float32Array[] };
  const seen: { before: Seen | null; after: Seen | null } = { before: trainer.snapshot, after: null };
  trainer.subscribe((e) => {
    if (e.type === 'snapshot' && !seen.after && e.snapshot.step === seen.before?.step) seen.after = e.snapshot;
  });
  manager.simulateLoss();
  const switched = await until(() => manager.current?.source === 'runtime-fallback', 30_000);
  // The first snapshot after the rebuild repeats the last good one; later ones continue from it.
  await until(() => seen.after !== null && (trainer.snapshot?.step ?? 0) > (seen.before?.step ?? 0), 30_000);
  const flat = (s: Seen | null) => JSON.stringify(s?.weights.map((w) => [...w]));
  const kept = seen.after !== null && flat(seen.after) === flat(seen.before);
  const result = {
    switched,
    events,
    to: manager.current?.name,
    reason: manager.current?.reason,
    weightsKept: kept,
    stepBefore: seen.before?.step,
    stepNow: trainer.snapshot?.step,
    status: trainer.status,
  };
  trainer.dispose();
  return result;
}

async function run() {
  const manager = getBackendManager();
  const t0 = performance.now();
  const choice =
    workloadName === 'calibrate'
      ? await manager.ensure({ workload: mlpWorkload })
      : await manager.ensure({ override: requested });
  const initMs = performance.now() - t0;
  const probes = await manager.probes();
  const probe = probes.find((p) => p.name === choice.name);
  const base = {
    requested,
    backend: choice.name,
    initialised: requested === null || choice.name === requested,
    detail: probe?.detail ?? '',
    software: probe?.software ?? false,
    choice,
    probes,
    initMs,
  };
  log(`backend ${choice.name} (${choice.source}): ${choice.reason}`);
  if (!base.initialised) return { ...base, ok: true };
  stage = 'run';

  switch (workloadName) {
    case 'neuron':
      return { ...base, ok: true, neuronMsPerStep: await msPerStep(neuronWorkload, steps) };
    case 'mlp':
      return {
        ...base,
        ok: true,
        mlpMsPerStep: await msPerStep(mlpWorkload, steps),
        mlpMsPerEpoch: await msPerEpoch(mlpWorkload, epochs),
      };
    case 'calibrate':
      return { ...base, ok: true };
    case 'loss':
      return { ...base, ok: true, loss: await lossDrill() };
    default:
      throw new Error(`unknown workload "${workloadName}"`);
  }
}

run()
  .then((result) => {
    log(JSON.stringify(result, null, 2));
    (window as unknown as { __benchResult: unknown }).__benchResult = result;
  })
  .catch((err: unknown) => {
    const error = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
    log(`FAILED: ${error}`);
    (window as unknown as { __benchResult: unknown }).__benchResult = { ok: false, requested, stage, error };
  });
