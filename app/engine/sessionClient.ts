/**
 * The page's end of a training session that runs in a module Web Worker (the image models, the sequence models),
 * or, where a worker cannot start, the same session in the page: slower to live with, since training then runs
 * on the main thread, but it works.
 *
 *   page ── command ──► worker: session ── event ──► page listeners
 */
import { createChannel } from './channel';

export interface SessionClient<Command, Event> {
  /** True when the session runs in a Web Worker. */
  readonly inWorker: boolean;
  send(command: Command): void;
  subscribe(listener: (event: Event) => void): () => void;
  terminate(): void;
}

/** What runs the session in the page: its `handle` and `dispose`. */
export interface InPageSession<Command> {
  handle(command: Command): Promise<void>;
  dispose(): void;
}

/**
 * Starts a session in a worker when `startWorker` can make one, otherwise in the page.
 *
 * @example
 * createSessionClient<SeqCommand, SeqEvent>({
 *   startWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'sequence-models' }),
 *   startInPage: (post) => import('./session').then((m) => m.createSequenceSession({ post })),
 *   errorEvent: (message) => ({ type: 'error', message }),
 * });
 */
export function createSessionClient<Command, Event>(opts: {
  startWorker: () => Worker;
  startInPage: (post: (event: Event) => void) => Promise<InPageSession<Command>>;
  /** The event that reports a failed worker. */
  errorEvent: (message: string) => Event;
}): SessionClient<Command, Event> {
  const channel = createChannel<Event>();
  let worker: Worker | null = null;
  try {
    worker = opts.startWorker();
  } catch {
    worker = null;
  }
  if (worker) {
    const w = worker;
    w.onmessage = (e: MessageEvent<Event>) => channel.emit(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      channel.emit(opts.errorEvent(`The training worker failed: ${e.message || 'it could not start'}.`));
    };
    return {
      inWorker: true,
      send: (command) => w.postMessage(command),
      subscribe: (listener) => channel.subscribe(listener),
      terminate: () => w.terminate(),
    };
  }
  // In the page: commands wait for the session module, then run in order.
  const session = opts.startInPage((event) => channel.emit(event));
  return {
    inWorker: false,
    send: (command) => void session.then((s) => s.handle(command)),
    subscribe: (listener) => channel.subscribe(listener),
    terminate: () => void session.then((s) => s.dispose()),
  };
}
