/**
 * The page's end of the image-model session: a module Web Worker running `session.ts`, or the same session in
 * the page where a worker cannot start (see `../sessionClient.ts`).
 */
import { createSessionClient, type SessionClient } from '../sessionClient';
import type { SessionCommand, SessionEvent } from './protocol';

export type ImageSessionClient = SessionClient<SessionCommand, SessionEvent>;

/**
 * Starts a session (in a worker when possible).
 *
 * @example
 * const client = createImageSessionClient();
 * client.subscribe((e) => { if (e.type === 'view') draw(e.view); });
 * client.send({ type: 'init', datasetUrl, override: null });
 */
export function createImageSessionClient(): ImageSessionClient {
  return createSessionClient<SessionCommand, SessionEvent>({
    startWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'image-models' }),
    startInPage: (post) => import('./session').then(({ createImageSession }) => createImageSession({ post })),
    errorEvent: (message) => ({ type: 'error', message }),
  });
}
