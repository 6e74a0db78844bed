/**
 * Play/pause, step, reset and speed for any figure with a Trainer, plus the figure's own hyperparameter controls
 * as children. When training stops by itself (a NaN loss), the reason and a one-click reset appear here.
 */
import { useContext, useEffect, useRef, type ReactNode } from 'react';
import type { TrainerStatus } from '../../engine/types';
import { attachToFigure } from '../../state/presenter';
import { FigureContext } from '../lesson/LessonContext';

interface TrainerControlsProps {
  status: TrainerStatus;
  ready: boolean;
  message: string | null;
  onPlay(): void;
  onStep(unit: 'batch' | 'epoch'): void;
  onReset(): void;
  /** Training steps per animation frame (below 1: one step every 1/speed frames; Infinity: fill the frame). */
  speed: number;
  onSpeed(stepsPerFrame: number): void;
  /** The step buttons' text, for figures whose unit is not a batch (default "Step one batch", "Step one epoch"). */
  stepLabels?: [string, string];
  children?: ReactNode;
}

export const SPEEDS = [
  { label: 'slow motion', value: 0.25 },
  { label: 'normal', value: 1 },
  { label: 'fast', value: 8 },
  { label: 'as fast as possible', value: Infinity },
];

export function TrainerControls({ status, ready, message, onPlay, onStep, onReset, speed, onSpeed, stepLabels, children }: TrainerControlsProps) {
  const playing = status === 'playing';
  useKeyboardHandle({ status, ready, onPlay, onStep, onReset, onSpeed });
  return (
    <div className="trainer-controls">
      <div className="trainer-buttons" role="group" aria-label="Training">
        <button type="button" onClick={onPlay} disabled={!ready || status === 'diverged'} data-testid="train" aria-pressed={playing}>
          {playing ? 'Pause' : 'Train'}
        </button>
        <button type="button" className="secondary" onClick={() => onStep('batch')} disabled={!ready || playing || status === 'diverged'} data-testid="step">
          {stepLabels?.[0] ?? 'Step one batch'}
        </button>
        <button type="button" className="secondary" onClick={() => onStep('epoch')} disabled={!ready || playing || status === 'diverged'}>
          {stepLabels?.[1] ?? 'Step one epoch'}
        </button>
        <button type="button" className="secondary" onClick={onReset} disabled={!ready} data-testid="reset">
          Reset
        </button>
        <label className="select">
          speed
          <select value={speed} onChange={(e) => onSpeed(Number(e.target.value))} disabled={!ready}>
            {SPEEDS.map((s) => (
              <option key={s.label} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {!ready ? <span className="muted">Starting TensorFlow.js…</span> : null}
      </div>
      {status === 'diverged' && message ? (
        <div className="diverged" role="alert" data-testid="diverged">
          <p>{message}</p>
          <button type="button" onClick={onReset}>
            Reset training
          </button>
        </div>
      ) : null}
      <div className="hyper">{children}</div>
    </div>
  );
}

/** Lets the keyboard shortcuts and presenter mode (state/presenter.ts) drive these controls. */
function useKeyboardHandle(props: Pick<TrainerControlsProps, 'status' | 'ready' | 'onPlay' | 'onStep' | 'onReset' | 'onSpeed'>) {
  const frame = useContext(FigureContext);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const lesson = frame?.lesson;
  const id = frame?.id;
  useEffect(() => {
    if (lesson == null || id == null) return;
    const usable = () => latest.current.ready && latest.current.status !== 'diverged';
    return attachToFigure(lesson, id, 'trainer', {
      status: () => latest.current.status,
      ready: () => latest.current.ready,
      toggle: () => usable() && latest.current.onPlay(),
      step: () => usable() && latest.current.status !== 'playing' && latest.current.onStep('batch'),
      reset: () => latest.current.ready && latest.current.onReset(),
      speeds: SPEEDS,
      setSpeed: (value) => latest.current.ready && latest.current.onSpeed(value),
    });
  }, [lesson, id]);
}
