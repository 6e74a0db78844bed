/**
 * Gives a GAN figure its trainer on the page's backend (chosen and calibrated on a GAN round), and its slow
 * status as React state; snapshots and narration go to callbacks, not through React.
 *
 *   mount ─▶ backend ready ─▶ trainer created ─▶ idle ⇄ playing ⇄ paused
 *                                                   └─▶ diverged (NaN) ─▶ reset ─▶ idle
 *   off-screen and not pinned: playing is paused, and resumes when the figure is back on screen.
 */
import { useEffect, useRef, useState } from 'react';
import { getBackendManager } from '../../engine';
import { createGanTrainer, GAN_WORKLOAD, type GanConfig, type GanSnapshot, type GanStatus, type GanTrainer } from '../../engine/gan';
import { ensureBackend } from '../connectBackend';
import { useOffscreenPause } from '../useOffscreenPause';

interface Options {
  config: () => GanConfig;
  onSnapshot(s: GanSnapshot): void;
  onNarration(text: string): void;
  visible: boolean;
  pinned: boolean;
}

export function useGanTrainer({ config, onSnapshot, onNarration, visible, pinned }: Options) {
  const [trainer, setTrainer] = useState<GanTrainer | null>(null);
  const [status, setStatus] = useState<GanStatus>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const latest = useRef({ config, onSnapshot, onNarration });
  useEffect(() => {
    latest.current = { config, onSnapshot, onNarration };
  });

  useEffect(() => {
    let disposed = false;
    let created: GanTrainer | null = null;
    ensureBackend(GAN_WORKLOAD)
      .then(() => {
        if (disposed) return;
        created = createGanTrainer({ config: latest.current.config(), backend: getBackendManager() });
        created.subscribe((e) => {
          if (e.type === 'snapshot') latest.current.onSnapshot(e.snapshot);
          else if (e.type === 'narration') latest.current.onNarration(e.text);
          else {
            setStatus(e.status);
            setMessage(e.message ?? null);
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

  useOffscreenPause({ visible, pinned, status, pause: () => trainer?.pause(), play: () => trainer?.play() });

  if (error) throw error;
  return { trainer, status, message };
}
