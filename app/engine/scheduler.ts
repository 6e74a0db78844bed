/**
 * When the training loop gets its next turn.
 *
 * DECISION — training survives a hidden tab, rendering does not.
 * ----------------------------------------------------------------
 *   visible tab  ──► requestAnimationFrame: one tick per display frame, in step with the charts.
 *   hidden tab   ──► MessageChannel macrotasks: requestAnimationFrame stops in a hidden tab, which would
 *                    silently freeze a run the teacher started before switching to the slides. Macrotasks keep
 *                    it going (and, unlike setTimeout, are not throttled to once a second). Charts subscribe to
 *                    the snapshots but draw on their own animation frames, so nothing is drawn while hidden.
 *   no document  ──► setImmediate / setTimeout(0): Node (unit tests) and workers without rAF.
 *
 * A callback scheduled with requestAnimationFrame just before the tab is hidden would never run; the scheduler
 * therefore moves pending callbacks to the macrotask path when the page becomes hidden.
 * Callers who want a hidden tab to stop training can pause on `visibilitychange` themselves.
 */

/**
 * Hands out "next turn" callbacks; injectable into the trainer so tests can drive it.
 *
 * @example
 * const immediate: Scheduler = { next: (cb) => { const h = setTimeout(cb, 0); return () => clearTimeout(h); } };
 */
export interface Scheduler {
  /** Runs `callback` once at the next turn; returns a function that cancels it if it has not run yet. */
  next(callback: () => void): () => void;
}

type Cancel = () => void;

/** A macrotask that is not throttled in hidden tabs (MessageChannel), or setImmediate/setTimeout without one. */
function createMacrotask(): (cb: () => void) => Cancel {
  if (typeof MessageChannel !== 'undefined' && typeof document !== 'undefined') {
    const channel = new MessageChannel();
    const queue = new Map<number, () => void>();
    let nextId = 0;
    channel.port1.onmessage = (event: MessageEvent<number>) => {
      const cb = queue.get(event.data);
      queue.delete(event.data);
      cb?.();
    };
    return (cb) => {
      const id = nextId++;
      queue.set(id, cb);
      channel.port2.postMessage(id);
      return () => {
        queue.delete(id);
      };
    };
  }
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown; clearImmediate?: (h: unknown) => void };
  if (typeof g.setImmediate === 'function') {
    return (cb) => {
      const handle = g.setImmediate?.(cb);
      return () => g.clearImmediate?.(handle);
    };
  }
  return (cb) => {
    const handle = setTimeout(cb, 0);
    return () => clearTimeout(handle);
  };
}

/**
 * Creates the default scheduler for the current environment (see the decision above).
 *
 * @example
 * const scheduler = createScheduler(); // or createScheduler({ afterFrame: true })
 * const cancel = scheduler.next(() => runTick());
 * // later, if the tick is no longer wanted:
 * cancel();
 */
export function createScheduler(opts: {
  /**
   * Run each callback in its own task just after the frame instead of inside it: the frame's drawing and the
   * callback's work then never add up to one long task (the training lab uses this).
   */
  afterFrame?: boolean;
} = {}): Scheduler {
  const macrotask = createMacrotask();
  const hasRaf = typeof document !== 'undefined' && typeof requestAnimationFrame === 'function';
  if (!hasRaf) {
    return { next: (cb) => macrotask(cb) };
  }

  // Callbacks waiting for an animation frame, so they can be moved if the tab is hidden before it comes.
  const waitingForFrame = new Map<() => void, number>();
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) return;
    for (const [run, handle] of waitingForFrame) {
      cancelAnimationFrame(handle);
      waitingForFrame.delete(run);
      macrotask(run);
    }
  });

  return {
    next(cb) {
      let done = false;
      const run = () => {
        if (done) return;
        done = true;
        waitingForFrame.delete(run);
        cb();
      };
      if (document.hidden) {
        const cancel = macrotask(run);
        return () => {
          done = true;
          cancel();
        };
      }
      const onFrame = opts.afterFrame
        ? () => {
            waitingForFrame.delete(run);
            macrotask(run); // `done` makes a cancelled one a no-op
          }
        : run;
      waitingForFrame.set(run, requestAnimationFrame(onFrame));
      return () => {
        done = true;
        const handle = waitingForFrame.get(run);
        if (handle !== undefined) cancelAnimationFrame(handle);
        waitingForFrame.delete(run);
      };
    },
  };
}
