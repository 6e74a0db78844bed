/**
 * The course's sequence models, shared by the recurrent lessons: one session (in a Web Worker) training the
 * models the reader starts, so the LSTM trained on the recall task in "Why plain RNNs forget" is the one opened up
 * in "LSTM gates". Slow state (backend, each model's status) is a zustand store for React; fast state (views,
 * evaluations) goes to subscribers without React. Figures compute samples, probabilities and gates themselves from
 * a view's weights (engine/seq/cells.ts).
 *
 *   first figure ─► worker ─► init (backend) ─► model(id, config) ─► create ─► views / evaluations ─► figures
 */
import { create } from 'zustand';
import { createChannel } from '../../engine/channel';
import { createSequenceSessionClient, type SequenceSessionClient } from '../../engine/seq/client';
import type { SeqEvaluation, SeqEvent, SeqView } from '../../engine/seq/protocol';
import type { SeqSpec } from '../../engine/seq/tasks';
import type { SeqModelConfig } from '../../engine/seq/tasks';
import type { BackendChoice, Hyperparameters, TrainerStatus } from '../../engine/types';
import { mirrorBackendEvent, readAppParam, readBackendOverride, useBackendStatus } from '../../state/backend';

interface ModelSlowState {
  created: boolean;
  status: TrainerStatus;
  message: string | null;
}

interface SessionState {
  phase: 'idle' | 'choosing' | 'ready' | 'error';
  error: string | null;
  backend: BackendChoice | null;
  /** The shipped word list, once a spelling model has loaded it. */
  words: { words: string[]; train: number; maxLength: number } | null;
  models: Record<string, ModelSlowState>;
}

export const useSequenceSession = create<SessionState>()(() => ({
  phase: 'idle',
  error: null,
  backend: null,
  words: null,
  models: {},
}));

/** A model's fast state, kept here so a figure that mounts later (another lesson) sees the history at once. */
export interface LiveSeqModel {
  id: string;
  config: SeqModelConfig;
  spec: SeqSpec | null;
  view: SeqView | null;
  evaluations: SeqEvaluation[];
  losses: { steps: number[]; values: number[] };
  /** Seconds of training when held-out accuracy first reached 99%, if it has. */
  secondsTo99: number | null;
}

type FastEvent = { type: 'view' | 'evaluation' | 'reset'; id: string };

let client: SequenceSessionClient | null = null;
const send: SequenceSessionClient['send'] = (command) => client?.send(command);
const fast = createChannel<FastEvent>();
const live = new Map<string, LiveSeqModel>();

const setModel = (id: string, patch: Partial<ModelSlowState>) =>
  useSequenceSession.setState((s) => ({
    models: { ...s.models, [id]: { created: false, status: 'idle', message: null, ...s.models[id], ...patch } },
  }));

function onEvent(e: SeqEvent) {
  switch (e.type) {
    case 'progress':
      return;
    case 'words':
      useSequenceSession.setState({ words: { words: e.words, train: e.train, maxLength: e.maxLength } });
      return;
    case 'backend':
      mirrorBackendEvent(e.event);
      if (e.event.type === 'ready') useSequenceSession.setState({ backend: e.event.choice });
      return;
    case 'ready':
      useBackendStatus.setState({ status: { phase: 'ready', choice: e.choice } });
      useSequenceSession.setState({ phase: 'ready', backend: e.choice });
      return;
    case 'error':
      if (e.id) setModel(e.id, { message: e.message });
      else useSequenceSession.setState({ phase: 'error', error: e.message });
      return;
    case 'created': {
      const m = live.get(e.id);
      if (m) m.spec = e.spec;
      setModel(e.id, { created: true });
      fast.emit({ type: 'reset', id: e.id });
      return;
    }
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
      if (m.secondsTo99 === null && (e.evaluation.accuracy ?? 0) >= 0.99) m.secondsTo99 = e.evaluation.seconds;
      fast.emit({ type: 'evaluation', id: e.id });
      return;
    }
  }
}

function start() {
  client = createSequenceSessionClient();
  client.subscribe(onEvent);
  useSequenceSession.setState({ phase: 'choosing', error: null, models: {} });
  useBackendStatus.setState({ status: { phase: 'choosing' } });
  const wordsUrl = new URL(`${import.meta.env.BASE_URL}datasets/words.bin.gz`, window.location.href).href;
  client.send({ type: 'init', wordsUrl, override: readBackendOverride() });
  live.clear();
  exposeDebugHooks();
}

/** Starts the session (once); figures call it when they mount. */
export function ensureSequenceSession(): void {
  if (!client) start();
}

/** After a failure: a fresh worker. */
export function retrySequenceSession(): void {
  client?.terminate();
  start();
}

export interface SeqModelOptions {
  config: SeqModelConfig;
  hyper: Hyperparameters;
  seed: number;
}

const sameConfig = (a: SeqModelConfig, b: SeqModelConfig) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The live model `id`. Created in the session the first time it is asked for; asked for again with another
 * config (another cell, distance or noise), it starts afresh with that config.
 */
export function liveSeqModel(id: string, options: SeqModelOptions): LiveSeqModel {
  ensureSequenceSession();
  let m = live.get(id);
  if (m && sameConfig(m.config, options.config)) return m;
  m = { id, config: options.config, spec: null, view: null, evaluations: [], losses: { steps: [], values: [] }, secondsTo99: null };
  live.set(id, m);
  setModel(id, { created: false, status: 'idle', message: null });
  send({ type: 'create', id, ...options });
  fast.emit({ type: 'reset', id });
  return m;
}

/** The live model `id` if it exists (another lesson may have trained it). */
export const existingSeqModel = (id: string): LiveSeqModel | undefined => live.get(id);

/** Calls `listener` for every view and evaluation of model `id` (and when it starts afresh). */
export function subscribeSeqModel(id: string, listener: (what: FastEvent['type']) => void): () => void {
  return fast.subscribe((e) => {
    if (e.id === id) listener(e.type);
  });
}

/** The commands a figure gives a model. */
export const seqCommands = (id: string) => ({
  play: () => send({ type: 'play', id }),
  pause: () => send({ type: 'pause', id }),
  step: (unit: 'batch' | 'epoch') => send({ type: 'step', id, unit }),
  speed: (stepsPerTick: number) => send({ type: 'speed', id, stepsPerTick }),
  hyper: (hyper: Partial<Hyperparameters>) => send({ type: 'hyper', id, hyper }),
  reset: (seed?: number) => {
    const m = live.get(id);
    if (m) {
      m.view = null;
      m.evaluations = [];
      m.losses = { steps: [], values: [] };
      m.secondsTo99 = null;
      fast.emit({ type: 'reset', id });
    }
    send(seed === undefined ? { type: 'reset', id } : { type: 'reset', id, seed });
  },
});

/** `?debug=1` lets end-to-end tests simulate a lost GPU in the worker and see where the session runs. */
function exposeDebugHooks() {
  if (readAppParam('debug') === null) return;
  (window as unknown as { __dllSeq?: unknown }).__dllSeq = {
    simulateLoss: () => send({ type: 'simulateLoss' }),
    inWorker: () => client?.inWorker ?? false,
  };
}
