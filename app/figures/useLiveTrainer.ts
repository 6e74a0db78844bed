/**
 * Gives a live figure a Trainer on the page's backend, and its slow status as React state.
 * Snapshots do not go through React: pass `onSnapshot`, which is called for every one of them.
 *
 *   mount ─▶ backend ready ─▶ trainer created ─▶ idle ⇄ playing ⇄ paused
 *                                                   └─▶ diverged (NaN) ─▶ reset ─▶ idle
 *   off-screen and not pinned: playing is paused, and resumes when the figure is back on screen.
 */
import { useEffect, useRef, useState } from 'react';
import type { CalibrationWorkload, Trainer } from '../engine';
import type { Snapshot, TrainerStatus } from '../engine/types';
import { ensureBackend } from './connectBackend';
import { useOffscreenPause } from './useOffscreenPause';

export interface LiveTrainer {
  trainer: Trainer | null;
  status: TrainerStatus;
  /** Why training stopped, when it stopped by itself (a NaN loss). */
  message: string | null;
  error: Error | null;
}

interface Options {
  /**
   * What the TF.js backend is calibrated on before the trainer is created; null for a trainer that needs no
   * TF.js backend (the lab's fused kernel), which is then created at once.
   */
  workload: CalibrationWorkload | null;
  create(): Trainer;
  onSnapshot(snapshot: Snapshot): void;
  visible: boolean;
  pinned: boolean;
}

export function useLiveTrainer({ workload, create, onSnapshot, visible, pinned }: Options): LiveTrainer {
  const [trainer, setTrainer] = useState<Trainer | null>(null);
  const [status, setStatus] = useState<TrainerStatus>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  // The figure's latest callbacks, read by the trainer's listener without re-creating the trainer.
  const latest = useRef({ create, onSnapshot, workload });
  useEffect(() => {
    latest.current = { create, onSnapshot, workload };
  });

  useEffect(() => {
    let disposed = false;
    let created: Trainer | null = null;
    const { workload } = latest.current;
    (workload ? ensureBackend(workload) : Promise.resolve())
      .then(() => {
        if (disposed) return;
        created = latest.current.create();
        created.subscribe((event) => {
          if (event.type === 'snapshot') latest.current.onSnapshot(event.snapshot);
          else {
            setStatus(event.status);
            setMessage(event.message ?? null);
          }
        });
        setTrainer(created);
      })
      .catch((e: unknown) => {
        if (!disposed) setError(e instanceof Error ? e : new Error(String(e)));
      });
    return () => {
      disposed = true;
      created?.dispose();
    };
  }, []);

  useOffscreenPause({
    visible,
    pinned,
    status,
    pause: () => trainer?.pause(),
    play: () => trainer?.play(),
  });

  if (error) throw error;
  return { trainer, status, message, error };
}
