/**
 * The page's end of the sequence-model session: a module Web Worker running `session.ts`, or the same session in
 * the page where a worker cannot start (see `../sessionClient.ts`).
 */
import { createSessionClient, type SessionClient } from '../sessionClient';
import type { SeqCommand, SeqEvent } from './protocol';

export type SequenceSessionClient = SessionClient<SeqCommand, SeqEvent>;

/**
 * Starts a session (in a worker when possible).
 *
 * @example
 * const client = createSequenceSessionClient();
 * client.subscribe((e) => { if (e.type === 'view') draw(e.view); });
 * client.send({ type: 'init', wordsUrl, override: null });
 */
export function createSequenceSessionClient(): SequenceSessionClient {
  return createSessionClient<SeqCommand, SeqEvent>({
    startWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'sequence-models' }),
    startInPage: (post) => import('./session').then(({ createSequenceSession }) => createSequenceSession({ post })),
    errorEvent: (message) => ({ type: 'error', message }),
  });
}
