/**
 * The page's end of the image-model session: a module Web Worker running `session.ts`, or, where a worker cannot
 * start, the same session in the page (slower to live with, since a conv net's step then runs on the main thread,
 * but it works).
 *
 *   page ── SessionCommand ──► worker: session ── SessionEvent ──► page listeners
 */
import { createChannel } from '../channel';
import type { SessionCommand, SessionEvent } from './protocol';

export interface ImageSessionClient {
  /** True when the session runs in a Web Worker. */
  readonly inWorker: boolean;
  send(command: SessionCommand): void;
  subscribe(listener: (event: SessionEvent) => void): () => void;
  terminate(): void;
}

/**
 * Starts a session (in a worker when possible).
 *
 * @example
 * const client = createImageSessionClient();
 * client.subscribe((e) => { if (e.type === 'view') draw(e.view); });
 * client.send({ type: 'init', datasetUrl, override: null });
 */
export function createImageSessionClient(): ImageSessionClient {
  const channel = createChannel<SessionEvent>();
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'image-models' });
  } catch {
    worker = null;
  }
  if (worker) {
    const w = worker;
    w.onmessage = (e: MessageEvent<SessionEvent>) => channel.emit(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      channel.emit({ type: 'error', message: `The training worker failed: ${e.message || 'it could not start'}.` });
    };
    return {
      inWorker: true,
      send: (command) => w.postMessage(command),
      subscribe: (listener) => channel.subscribe(listener),
      terminate: () => w.terminate(),
    };
  }
  // In the page: commands wait for the session module, then run in order.
  const session = import('./session').then(({ createImageSession }) =>
    createImageSession({ post: (event) => channel.emit(event) }),
  );
  return {
    inWorker: false,
    send: (command) => void session.then((s) => s.handle(command)),
    subscribe: (listener) => channel.subscribe(listener),
    terminate: () => void session.then((s) => s.dispose()),
  };
}
