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
  FEATURES,
  featureMatrix,
  gridPoints,
  mlpLayerOutputs,
  splitDataset,
  withFeatures,
} from '../engine';
import * as tf from '@tensorflow/tfjs';

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

/**
 * The training lab ("Training a network") as the reader runs it: a real Trainer at speed Infinity (steps fill each
 * frame's budget), with the lab's own probes every tick (every layer over a 30 × 30 grid, predictions on the
 * training and test sets). Returns epochs per second over `seconds` of playing.
 *   lab=spiral: TensorFlow Playground's hard case: 8-8 tanh, all 7 features, batch 10, 250 training points.
 *   lab=circle: the lab's default: 4-2 tanh, X₁ and X₂, batch 10, 250 training points.
 */
async function labEpochsPerSecond(config: 'spiral' | 'circle', seconds: number) {
  const spiral = config === 'spiral';
  const features = spiral ? [...FEATURES] : (['x1', 'x2'] as const);
  const hidden = spiral ? [8, 8] : [4, 2];
  const raw = splitDataset(makePoints2D(config, { n: 500, noise: 0, seed: 1 }), 0.5, 1);
  const train = withFeatures(raw.train, features);
  const test = withFeatures(raw.test, features);
  const k = features.length;
  const gridX = featureMatrix(gridPoints(30, -1.2, 1.2), features);
  const trainer = createTrainer({
    build: (rng) => createMlp({ sizes: [k, ...hidden, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' }, rng),
    data: train,
    hyper: { learningRate: 0.03, batchSize: 10, optimizer: 'adam' },
    seed: 1,
    probes: (m) => ({
      ...Object.fromEntries(mlpLayerOutputs(m.variables, tf.tensor2d(gridX, [900, k]), 'tanh', 'sigmoid').map((t, i) => [`layer${i + 1}`, t])),
      trainPred: m.predict(tf.tensor2d(train.xs, [train.n, k])),
      testPred: m.predict(tf.tensor2d(test.xs, [test.n, k])),
    }),
  });
  await trainer.ready;
  trainer.setSpeed(Infinity);
  const at = () => {
    const s = trainer.snapshot;
    return s ? s.epoch + s.batchInEpoch / Math.max(1, s.batchesPerEpoch) : 0;
  };
  trainer.play();
  await new Promise((r) => setTimeout(r, 1000)); // warm-up
  const [e0, t0] = [at(), performance.now()];
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const [e1, t1] = [at(), performance.now()];
  const steps = trainer.snapshot?.step ?? 0;
  trainer.dispose();
  return { config, epochsPerSecond: (e1 - e0) / ((t1 - t0) / 1000), steps };
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
    case 'lab-spiral':
    case 'lab-circle':
      return { ...base, ok: true, lab: await labEpochsPerSecond(workloadName === 'lab-spiral' ? 'spiral' : 'circle', Number(params.get('seconds') ?? 5)) };
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
