/**
 * What both worker sessions (image models, sequence models) do between a trainer's snapshots and the page:
 * keep a training clock that leaves out pauses and the session's own evaluations, and post a model's latest view
 * at most every so often, each view carrying the batch losses since the one posted before.
 *
 *   snapshot ─► view (losses after postedStep) ─► offer ─► [wait until everyMs since the last post] ─► post
 */
import type { Series } from './ringBuffer';

/** Seconds of training of one model: runs while it plays, minus time spent on evaluations. */
export interface TrainingClock {
  /** Seconds so far (call `tick` first for the latest). */
  readonly seconds: number;
  readonly playing: boolean;
  /** Adds the time since the last tick, if playing. */
  tick(): void;
  setPlaying(playing: boolean): void;
  /** Leaves out `ms` that were spent on something else (an evaluation) while playing. */
  exclude(ms: number): void;
  reset(): void;
}

export function createTrainingClock(): TrainingClock {
  let seconds = 0;
  let since: number | null = null;
  const tick = () => {
    if (since === null) return;
    const now = performance.now();
    seconds += (now - since) / 1000;
    since = now;
  };
  return {
    get seconds() {
      return seconds;
    },
    get playing() {
      return since !== null;
    },
    tick,
    setPlaying(playing) {
      tick();
      since = playing ? performance.now() : null;
    },
    exclude(ms) {
      if (since !== null) since += ms;
    },
    reset() {
      seconds = 0;
      if (since !== null) since = performance.now();
    },
  };
}

/** The (step, loss) points of `losses` after `step`, as typed arrays for the message. */
export function lossesAfter(losses: Series, step: number): { steps: Float64Array; values: Float64Array } {
  const steps: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < losses.length; i++) {
    const p = losses.at(i)!;
    if (p.x > step) {
      steps.push(p.x);
      values.push(p.y);
    }
  }
  return { steps: Float64Array.from(steps), values: Float64Array.from(values) };
}

/** Posts the latest offered view at most every `everyMs`; remembers the last loss step posted. */
export interface ViewPoster<V> {
  /** The last step whose loss went out in a view: the next view carries the losses after it. */
  readonly postedStep: number;
  offer(view: V): void;
  /** Starts the losses over (after a reset of the model). */
  restart(): void;
  cancel(): void;
}

export function createViewPoster<V extends { newLosses: { steps: Float64Array } }>(everyMs: number, post: (view: V) => void): ViewPoster<V> {
  let latest: V | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastAt = 0;
  let postedStep = 0;
  return {
    get postedStep() {
      return postedStep;
    },
    offer(view) {
      latest = view;
      if (timer) return;
      timer = setTimeout(
        () => {
          timer = null;
          if (!latest) return;
          lastAt = performance.now();
          const steps = latest.newLosses.steps;
          if (steps.length > 0) postedStep = steps[steps.length - 1]!;
          post(latest);
        },
        Math.max(0, lastAt + everyMs - performance.now()),
      );
    },
    restart() {
      postedStep = 0;
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      latest = null;
    },
  };
}
