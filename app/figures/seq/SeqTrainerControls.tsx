/**
 * TrainerControls for one or more live sequence models trained together: one Train/Pause for all, step, reset
 * (to the figure's seed), the speed, and a "New start" button that moves to the next seed. The joint status is
 * playing while any model plays and diverged if any diverged. A model's other error (not a divergence, which
 * TrainerControls explains itself) is shown under the controls.
 */
import { useState, type ReactNode } from 'react';
import type { TrainerStatus } from '../../engine/types';
import { TrainerControls } from '../../ui/controls/TrainerControls';
import type { seqCommands } from './sequenceModels';

interface Trained {
  state: { created: boolean; status: TrainerStatus; message: string | null };
  commands: ReturnType<typeof seqCommands>;
}

/** One status for several models: playing while any plays, diverged if any diverged. */
export function jointStatus(statuses: readonly TrainerStatus[]): TrainerStatus {
  if (statuses.includes('diverged')) return 'diverged';
  if (statuses.includes('playing')) return 'playing';
  return statuses.every((s) => s === 'idle') ? 'idle' : 'paused';
}

export function SeqTrainerControls({ models, seed, onSeed, children }: { models: readonly Trained[]; seed: number; onSeed(seed: number): void; children?: ReactNode }) {
  const [speed, setSpeed] = useState(Infinity);
  const status = jointStatus(models.map((m) => m.state.status));
  const ready = models.every((m) => m.state.created);
  const message = models.map((m) => m.state.message).find((m) => m) ?? null;
  return (
    <>
    <TrainerControls
      status={status}
      ready={ready}
      message={message}
      onPlay={() => models.forEach((m) => (status === 'playing' ? m.commands.pause() : m.commands.play()))}
      onStep={(unit) => models.forEach((m) => m.commands.step(unit))}
      onReset={() => models.forEach((m) => m.commands.reset(seed))}
      speed={speed}
      onSpeed={(s) => {
        setSpeed(s);
        models.forEach((m) => m.commands.speed(s));
      }}
    >
      {children}
      <button type="button" className="secondary" onClick={() => onSeed((seed % 99999) + 1)} disabled={!ready}>
        New start (seed {seed})
      </button>
    </TrainerControls>
      {message && status !== 'diverged' ? (
        <p className="notice" role="alert">
          {message}
        </p>
      ) : null}
    </>
  );
}
