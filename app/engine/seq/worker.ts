/**
 * The sequence-model session in a module Web Worker: commands in by postMessage, events out. The page talks to
 * it through `client.ts`.
 */
import type { SeqCommand, SeqEvent } from './protocol';
import { createSequenceSession } from './session';

const scope = self as unknown as {
  postMessage(event: SeqEvent): void;
  onmessage: ((e: MessageEvent<SeqCommand>) => void) | null;
};
const session = createSequenceSession({ post: (event) => scope.postMessage(event) });
scope.onmessage = (e) => void session.handle(e.data);
