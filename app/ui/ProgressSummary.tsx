/**
 * The home page's progress box: how many lessons are completed, where the record is kept (this browser only), and
 * a reset that asks for confirmation inline before it forgets everything.
 */
import { useEffect, useRef, useState } from 'react';
import type { LessonMeta } from '../lessons/manifest';
import { lessonStatus, type ProgressData } from '../state/lessonProgress';
import { useProgress } from '../state/progress';

export function ProgressSummary({ progress, lessons }: { progress: ProgressData; lessons: readonly LessonMeta[] }) {
  const reset = useProgress((s) => s.reset);
  const [confirming, setConfirming] = useState(false);
  const [cleared, setCleared] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  const completed = lessons.filter((l) => lessonStatus(progress, l.slug, l.checks).kind === 'completed').length;
  const visited = lessons.filter((l) => lessonStatus(progress, l.slug, l.checks).kind !== 'not-started').length;

  // Focus follows the confirmation: onto "Cancel" when it opens, back onto the reset button when it closes.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (returnFocus.current) resetRef.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  const close = () => {
    returnFocus.current = true;
    setConfirming(false);
  };

  return (
    <section className="progress-summary" aria-labelledby="progress-title">
      <h2 id="progress-title">Your progress</h2>
      <p className="progress-count" data-testid="progress-count">
        <strong>
          {completed} of {lessons.length} lessons completed
        </strong>
        {visited > completed ? <span className="muted"> · {visited - completed} more started</span> : null}
      </p>
      <p className="muted">
        A lesson is completed when all its “Predict first” checks are answered. Progress is stored only in this
        browser; nothing leaves the device.
      </p>
      {confirming ? (
        <div
          className="progress-confirm"
          role="group"
          aria-labelledby="progress-confirm-q"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <p id="progress-confirm-q">Forget which lessons you opened and every answer you gave?</p>
          <div className="progress-confirm-buttons">
            <button
              type="button"
              className="danger"
              onClick={() => {
                reset();
                setCleared(true);
                close();
              }}
            >
              Yes, reset my progress
            </button>
            <button type="button" className="secondary" ref={cancelRef} onClick={close}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="secondary"
          ref={resetRef}
          onClick={() => {
            setCleared(false);
            setConfirming(true);
          }}
        >
          Reset my progress
        </button>
      )}
      <p className="progress-cleared" role="status">
        {cleared ? 'Your progress was reset.' : ''}
      </p>
    </section>
  );
}
