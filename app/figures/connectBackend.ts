/**
 * Starts the engine's backend manager for the page's live figures and mirrors its events into the badge's store.
 * Lives outside app/state so that the store module never pulls TF.js into the page's first chunk.
 */
import { getBackendManager, type BackendManager, type CalibrationWorkload } from '../engine';
import type { BackendChoice } from '../engine/types';
import { mirrorBackendEvent, readAppParam, readBackendOverride, useBackendStatus } from '../state/backend';

let connected: BackendManager | null = null;

export function ensureBackend(workload?: CalibrationWorkload): Promise<BackendChoice> {
  const manager = getBackendManager();
  if (connected !== manager) {
    connected = manager;
    manager.subscribe(mirrorBackendEvent);
    exposeDebugHooks(manager);
  }
  if (!manager.current) useBackendStatus.setState({ status: { phase: 'choosing' } });
  return manager.ensure({ override: readBackendOverride(), workload }).then((choice) => {
    useBackendStatus.setState({ status: { phase: 'ready', choice } });
    return choice;
  });
}

/** `?debug=1` exposes hooks for end-to-end tests (simulate a lost GPU, read the backend). */
function exposeDebugHooks(manager: BackendManager) {
  if (readAppParam('debug') === null) return;
  (window as unknown as { __dll: unknown }).__dll = {
    backend: () => manager.current,
    simulateLoss: () => manager.simulateLoss(),
  };
}
