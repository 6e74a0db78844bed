/**
 * The course's image models, shared by every CNN lesson: one session (in a Web Worker) holding the MNIST digits and
 * the models the reader trains, so the CNN trained in one lesson is the one that reads the reader's drawing in the
 * next. Slow state (data loading, backend, each model's status) is a zustand store for React; fast state (views,
 * evaluations) goes to subscribers without React.
 *
 *   first figure ─► worker ─► init (MNIST, backend) ─► model(id) ─► create ─► views / evaluations ─► figures
 */
import { create } from 'zustand';
import { createImageSessionClient, type ImageSessionClient } from '../../engine/cnn/client';
import type { ArchitectureId, Evaluation, ModelView, SessionEvent, TransferTask } from '../../engine/cnn/protocol';
import { createChannel } from '../../engine/channel';
import type { BackendChoice, Hyperparameters, TrainerStatus } from '../../engine/types';
import { mirrorBackendEvent, readAppParam, readBackendOverride, useBackendStatus } from '../../state/backend';

export interface DigitData {
  trainCount: number;
  testCount: number;
  testLabels: Uint8Array;
  /** Test digits, 784 bytes each (0 paper … 255 ink). */
  testPixels: Uint8Array;
}

interface ModelSlowState {
  created: boolean;
  status: TrainerStatus;
  message: string | null;
}

interface SessionState {
  phase: 'idle' | 'loading' | 'choosing' | 'ready' | 'error';
  fraction: number;
  error: string | null;
  data: DigitData | null;
  backend: BackendChoice | null;
  models: Record<string, ModelSlowState>;
}

export const useImageSession = create<SessionState>()(() => ({
  phase: 'idle',
  fraction: 0,
  error: null,
  data: null,
  backend: null,
  models: {},
}));

/** A model's fast state, kept here so a figure that mounts later (another lesson) sees the history at once. */
export interface LiveModel {
  id: string;
  arch: ArchitectureId;
  view: ModelView | null;
  evaluations: Evaluation[];
  losses: { steps: number[]; values: number[] };
  /** Seconds of training when the test accuracy first reached 97%, if it has. */
  secondsTo97: number | null;
}

type FastEvent = { type: 'view' | 'evaluation' | 'reset'; id: string };

let client: ImageSessionClient | null = null;
const send: ImageSessionClient['send'] = (command) => client?.send(command);
const fast = createChannel<FastEvent>();
const live = new Map<string, LiveModel>();
const pendingClassify = new Map<number, (r: { probabilities: Float32Array; maps: Float32Array[] }) => void>();
let nextRequest = 1;
type TransferEvent = Extract<SessionEvent, { type: 'transferData' | 'transferSource' | 'transferResult' | 'transferDone' | 'transferError' }>;
const transferListeners = new Map<number, (e: TransferEvent) => void>();

/**
 * Runs the transfer-learning comparison on the clothes pictures, reusing the digit CNN `source`; `listener` gets
 * the images, then one result per (examples per class, mode), then done (or an error).
 */
export function runTransfer(
  task: TransferTask,
  source: string,
  perClass: number[],
  steps: number,
  seed: number,
  listener: (e: TransferEvent) => void,
): void {
  ensureImageSession();
  const request = nextRequest++;
  transferListeners.set(request, listener);
  const datasetUrl = new URL(`${import.meta.env.BASE_URL}datasets/fashion.bin.gz`, window.location.href).href;
  send({ type: 'transfer', request, task, source, datasetUrl, perClass, steps, seed });
}

const setModel = (id: string, patch: Partial<ModelSlowState>) =>
  useImageSession.setState((s) => ({
    models: { ...s.models, [id]: { created: false, status: 'idle', message: null, ...s.models[id], ...patch } },
  }));

function onEvent(e: SessionEvent) {
  switch (e.type) {
    case 'progress':
      useImageSession.setState({ fraction: e.fraction });
      return;
    case 'data':
      useImageSession.setState({ data: e, phase: 'choosing' });
      return;
    case 'backend':
      mirrorBackendEvent(e.event);
      if (e.event.type === 'ready') useImageSession.setState({ backend: e.event.choice });
      return;
    case 'ready':
      useBackendStatus.setState({ status: { phase: 'ready', choice: e.choice } });
      useImageSession.setState({ phase: 'ready', backend: e.choice });
      return;
    case 'error':
      if (e.id) setModel(e.id, { message: e.message });
      else useImageSession.setState({ phase: 'error', error: e.message });
      return;
    case 'created':
      setModel(e.id, { created: true });
      return;
    case 'status':
      setModel(e.id, { status: e.status, message: e.message ?? null });
      return;
    case 'view': {
      const m = live.get(e.id);
      if (!m) return;
      m.view = e.view;
      const { steps, values } = e.view.newLosses;
      for (let i = 0; i < steps.length; i++) {
        m.losses.steps.push(steps[i]!);
        m.losses.values.push(values[i]!);
      }
      fast.emit({ type: 'view', id: e.id });
      return;
    }
    case 'evaluation': {
      const m = live.get(e.id);
      if (!m) return;
      const last = m.evaluations[m.evaluations.length - 1];
      if (last && last.step >= e.evaluation.step) m.evaluations.pop();
      m.evaluations.push(e.evaluation);
      if (m.secondsTo97 === null && e.evaluation.testAccuracy >= 0.97) m.secondsTo97 = e.evaluation.seconds;
      fast.emit({ type: 'evaluation', id: e.id });
      return;
    }
    case 'transferData':
    case 'transferSource':
    case 'transferResult':
    case 'transferDone':
    case 'transferError':
      transferListeners.get(e.request)?.(e);
      if (e.type === 'transferDone' || e.type === 'transferError') transferListeners.delete(e.request);
      return;
    case 'classified':
      pendingClassify.get(e.request)?.({ probabilities: e.probabilities, maps: e.maps });
      pendingClassify.delete(e.request);
      return;
  }
}

function start() {
  client = createImageSessionClient();
  client.subscribe(onEvent);
  useImageSession.setState({ phase: 'loading', fraction: 0, error: null });
  useBackendStatus.setState({ status: { phase: 'choosing' } });
  const datasetUrl = new URL(`${import.meta.env.BASE_URL}datasets/mnist.bin.gz`, window.location.href).href;
  client.send({ type: 'init', datasetUrl, override: readBackendOverride() });
  // Models asked for before (e.g. before a retry) are created again in the new session.
  for (const m of live.values()) live.delete(m.id);
  useImageSession.setState({ models: {} });
  exposeDebugHooks();
}

/** Starts the session (once); figures call it when they mount. */
export function ensureImageSession(): void {
  if (!client) start();
}

/** After a failed load: a fresh worker, and the digits fetched again. */
export function retryImageSession(): void {
  client?.terminate();
  start();
}


export interface ModelOptions {
  arch: ArchitectureId;
  hyper: Hyperparameters;
  seed: number;
  probe: number;
}

/** The live model `id`, created in the session with `options` the first time it is asked for. */
export function liveModel(id: string, options: ModelOptions): LiveModel {
  ensureImageSession();
  let m = live.get(id);
  if (!m) {
    m = { id, arch: options.arch, view: null, evaluations: [], losses: { steps: [], values: [] }, secondsTo97: null };
    live.set(id, m);
    setModel(id, { created: false, status: 'idle', message: null });
    send({ type: 'create', id, ...options });
  }
  return m;
}

/** The live model `id` if it exists (another lesson may have trained it). */
export const existingModel = (id: string): LiveModel | undefined => live.get(id);

/** Calls `listener` for every view and evaluation of model `id`. */
export function subscribeModel(id: string, listener: (what: FastEvent['type']) => void): () => void {
  return fast.subscribe((e) => {
    if (e.id === id) listener(e.type);
  });
}

/** The commands a figure gives a model. */
export const modelCommands = (id: string) => ({
  play: () => send({ type: 'play', id }),
  pause: () => send({ type: 'pause', id }),
  step: (unit: 'batch' | 'epoch') => send({ type: 'step', id, unit }),
  speed: (stepsPerTick: number) => send({ type: 'speed', id, stepsPerTick }),
  hyper: (hyper: Partial<Hyperparameters>) => send({ type: 'hyper', id, hyper }),
  probe: (index: number) => send({ type: 'probe', id, index }),
  reset: (seed?: number) => {
    const m = live.get(id);
    if (m) {
      m.view = null;
      m.evaluations = [];
      m.losses = { steps: [], values: [] };
      m.secondsTo97 = null;
      fast.emit({ type: 'reset', id });
    }
    send(seed === undefined ? { type: 'reset', id } : { type: 'reset', id, seed });
  },
  classify: (pixels: Float32Array) =>
    new Promise<{ probabilities: Float32Array; maps: Float32Array[] }>((resolve) => {
      const request = nextRequest++;
      pendingClassify.set(request, resolve);
      send({ type: 'classify', id, request, pixels });
    }),
});

/** `?debug=1` lets end-to-end tests simulate a lost GPU in the worker. */
function exposeDebugHooks() {
  if (readAppParam('debug') === null) return;
  const w = window as unknown as { __dllImages?: unknown };
  w.__dllImages = {
    simulateLoss: () => send({ type: 'simulateLoss' }),
    inWorker: () => client?.inWorker ?? false,
  };
}
