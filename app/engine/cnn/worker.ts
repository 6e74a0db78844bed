/**
 * The image-model session in a module Web Worker: commands in by postMessage, events out. The page talks to it
 * through `client.ts`.
 */
import type { SessionCommand, SessionEvent } from './protocol';
import { createImageSession } from './session';

const scope = self as unknown as {
  postMessage(event: SessionEvent): void;
  onmessage: ((e: MessageEvent<SessionCommand>) => void) | null;
};
const session = createImageSession({ post: (event) => scope.postMessage(event) });
scope.onmessage = (e) => void session.handle(e.data);
