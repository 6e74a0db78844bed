/**
 * The Figure lifecycle's rule for training: a figure that scrolls off screen while it trains, and is not pinned,
 * pauses; when it is back on screen (or pinned), it plays again, if it was this rule that paused it.
 *
 *   playing ──off screen, not pinned──▶ paused (by us) ──on screen or pinned──▶ playing
 */
import { useEffect, useRef } from 'react';

interface OffscreenPause {
  visible: boolean;
  pinned: boolean;
  /** 'playing' while it trains, 'paused' once a pause has taken effect; anything else never resumes. */
  status: string;
  pause(): void;
  play(): void;
}

export function useOffscreenPause({ visible, pinned, status, pause, play }: OffscreenPause): void {
  const autoPaused = useRef(false);
  const latest = useRef({ pause, play });
  useEffect(() => {
    latest.current = { pause, play };
  });
  useEffect(() => {
    if (!visible && !pinned && status === 'playing') {
      latest.current.pause();
      autoPaused.current = true;
    } else if ((visible || pinned) && autoPaused.current && status === 'paused') {
      autoPaused.current = false;
      latest.current.play();
    }
  }, [visible, pinned, status]);
}
