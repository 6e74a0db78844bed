/**
 * What a sequence figure shows before its model exists: the backend being chosen, or a plain error with a Retry
 * button. Starts the shared sequence session on mount.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ensureSequenceSession, retrySequenceSession, useSequenceSession } from './sequenceModels';

export function SeqLoader({ what }: { what: string }) {
  const { phase, error } = useSequenceSession(useShallow((s) => ({ phase: s.phase, error: s.error })));
  useEffect(() => ensureSequenceSession(), []);
  if (phase === 'error') {
    return (
      <div className="seq-placeholder" role="alert" data-testid="seq-error">
        <p>{error}</p>
        <button type="button" onClick={retrySequenceSession}>
          Retry
        </button>
      </div>
    );
  }
  return (
    <div className="seq-placeholder" data-testid="seq-loading">
      <p>Choosing the fastest way to train {what} on this device…</p>
    </div>
  );
}
