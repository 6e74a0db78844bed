/**
 * A fixed-capacity series of (x, y) pairs, e.g. (step, loss). Storage is preallocated once, so pushing a loss per
 * training step allocates nothing; when full, the oldest pair is overwritten.
 */

/** One (x, y) pair. */
export interface SeriesPoint {
  x: number;
  y: number;
}

/**
 * A ring buffer of (x, y) pairs, oldest first.
 *
 * @example
 * const { xs, ys } = trainer.losses.toArrays(); // trainer.losses is a Series
 */
export interface Series {
  readonly capacity: number;
  /** Number of pairs held (at most `capacity`). */
  readonly length: number;
  /** Increments on every push and clear, so a chart can skip redraws when nothing changed. */
  readonly version: number;
  push(x: number, y: number): void;
  /** The i-th oldest pair; negative i counts from the newest (-1 is the latest). Undefined when out of range. */
  at(i: number): SeriesPoint | undefined;
  clear(): void;
  /** Copies of the held pairs, oldest first. */
  toArrays(): { xs: Float64Array; ys: Float64Array };
}

/**
 * Creates a series that keeps the latest `capacity` pairs.
 *
 * @example
 * const losses = createSeries(5000);
 * losses.push(1, 0.69);
 * losses.at(-1); // { x: 1, y: 0.69 }
 * const { xs, ys } = losses.toArrays();
 */
export function createSeries(capacity: number): Series {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new Error(`A series needs a whole, positive capacity (got ${capacity}).`);
  }
  const xs = new Float64Array(capacity);
  const ys = new Float64Array(capacity);
  // `start` is the index of the oldest pair; pairs occupy start, start+1, … (mod capacity).
  let start = 0;
  let length = 0;
  let version = 0;

  return {
    capacity,
    get length() {
      return length;
    },
    get version() {
      return version;
    },
    push(x, y) {
      const slot = (start + length) % capacity;
      xs[slot] = x;
      ys[slot] = y;
      if (length < capacity) length++;
      else start = (start + 1) % capacity;
      version++;
    },
    at(i) {
      const k = i < 0 ? length + i : i;
      if (!Number.isInteger(k) || k < 0 || k >= length) return undefined;
      const slot = (start + k) % capacity;
      return { x: xs[slot] as number, y: ys[slot] as number };
    },
    clear() {
      start = 0;
      length = 0;
      version++;
    },
    toArrays() {
      const outX = new Float64Array(length);
      const outY = new Float64Array(length);
      // Two contiguous runs: from start to the end of storage, then the wrapped part.
      const firstRun = Math.min(length, capacity - start);
      outX.set(xs.subarray(start, start + firstRun), 0);
      outY.set(ys.subarray(start, start + firstRun), 0);
      outX.set(xs.subarray(0, length - firstRun), firstRun);
      outY.set(ys.subarray(0, length - firstRun), firstRun);
      return { xs: outX, ys: outY };
    },
  };
}
