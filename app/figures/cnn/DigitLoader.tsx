/**
 * What a CNN figure shows before its model exists: the digits downloading (with progress), the backend being
 * chosen, or a plain error with a Retry button. Starts the shared image session on mount.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ensureImageSession, retryImageSession, useImageSession } from './imageModels';

export function DigitLoader({ what }: { what: string }) {
  const { phase, fraction, error } = useImageSession(useShallow((s) => ({ phase: s.phase, fraction: s.fraction, error: s.error })));
  useEffect(() => ensureImageSession(), []);
  if (phase === 'error') {
    return (
      <div className="cnn-placeholder" role="alert" data-testid="cnn-error">
        <p>{error}</p>
        <button type="button" onClick={retryImageSession}>
          Retry
        </button>
      </div>
    );
  }
  return (
    <div className="cnn-placeholder" data-testid="cnn-loading">
      {phase === 'choosing' || phase === 'ready' ? (
        <p>Choosing the fastest way to train {what} on this device…</p>
      ) : (
        <>
          <label>
            Loading 10,000 handwritten digits ({Math.round(fraction * 100)}%)
            <progress value={fraction} max={1} />
          </label>
        </>
      )}
    </div>
  );
}
