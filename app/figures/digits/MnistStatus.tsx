/** What a figure shows in place of a digit while the digits load, or why they did not, with a Retry button. */
import type { MnistLoad } from './useMnist';

interface MnistStatusProps {
  load: Exclude<MnistLoad, { status: 'ready' }>;
  onRetry(): void;
  /** The figure's own box class, so the status fills the space the picture will take. */
  className: string;
  /** Test ids are `${testId}-progress`, `${testId}-error` and `${testId}-retry`. */
  testId: string;
}

export function MnistStatus({ load, onRetry, className, testId }: MnistStatusProps) {
  if (load.status === 'error') {
    return (
      <div className={className} role="alert" data-testid={`${testId}-error`}>
        <p>{load.message}</p>
        <button type="button" onClick={onRetry} data-testid={`${testId}-retry`}>
          Retry
        </button>
      </div>
    );
  }
  return (
    <div className={className}>
      <label>
        Loading the handwritten digits…
        <progress max={1} value={load.progress} data-testid={`${testId}-progress`} />
      </label>
    </div>
  );
}
