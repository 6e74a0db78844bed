/**
 * What the backend badge shows. The engine (and so TF.js) loads only with the first live figure, so this store
 * starts as 'idle' and is connected to the engine's backend manager by that figure.
 */
import { create } from 'zustand';
import type { BackendChoice, BackendEvent, BackendName } from '../engine/types';

export type BackendStatus =
  | { phase: 'idle' }
  | { phase: 'choosing' }
  | { phase: 'ready'; choice: BackendChoice }
  | { phase: 'lost'; name: BackendName; why: string };

export const useBackendStatus = create<{ status: BackendStatus }>()(() => ({ status: { phase: 'idle' } }));

/** Shows a backend manager's event (the page's, or a worker's) in the badge. */
export function mirrorBackendEvent(event: BackendEvent): void {
  if (event.type === 'choosing') useBackendStatus.setState({ status: { phase: 'choosing' } });
  else if (event.type === 'ready') useBackendStatus.setState({ status: { phase: 'ready', choice: event.choice } });
  else useBackendStatus.setState({ status: { phase: 'lost', name: event.name, why: event.why } });
}

export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/**
 * An app parameter (`?backend=`, `?debug`) from the page's query, or else from the hash's; null when absent.
 *
 * @example
 * readAppParam('debug') !== null; // true for …/?debug=1#/lesson and …/#/lesson?debug=1
 */
export function readAppParam(name: string): string | null {
  const fromSearch = new URLSearchParams(window.location.search).get(name);
  if (fromSearch !== null) return fromSearch;
  const hash = window.location.hash;
  return hash.includes('?') ? new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get(name) : null;
}

/** `?backend=webgl` in the page's query (or in the hash's) forces a backend; anything else is ignored. */
export function readBackendOverride(): BackendName | null {
  const value = readAppParam('backend');
  return BACKENDS.includes(value as BackendName) ? (value as BackendName) : null;
}
