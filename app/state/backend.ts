/**
 * What the backend badge shows. The engine (and so TF.js) loads only with the first live figure, so this store
 * starts as 'idle' and is connected to the engine's backend manager by that figure.
 */
import { create } from 'zustand';
import type { BackendChoice, BackendName } from '../engine/types';

export type BackendStatus =
  | { phase: 'idle' }
  | { phase: 'choosing' }
  | { phase: 'ready'; choice: BackendChoice }
  | { phase: 'lost'; name: BackendName; why: string };

export const useBackendStatus = create<{ status: BackendStatus }>()(() => ({ status: { phase: 'idle' } }));

export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** `?backend=webgl` in the page's query (or in the hash's) forces a backend; anything else is ignored. */
export function readBackendOverride(): BackendName | null {
  const fromSearch = new URLSearchParams(window.location.search).get('backend');
  const hash = window.location.hash;
  const fromHash = hash.includes('?') ? new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get('backend') : null;
  const value = fromSearch ?? fromHash;
  return BACKENDS.includes(value as BackendName) ? (value as BackendName) : null;
}
