/**
 * A minimal publish/subscribe channel for telemetry that must not go through React state: the trainer emits a
 * snapshot per frame, and charts subscribe once and redraw themselves.
 */

/**
 * A typed event channel.
 *
 * @example
 * const telemetry: Channel<Snapshot> = createChannel();
 */
export interface Channel<E> {
  /** Delivers `event` to every current listener, in subscription order. */
  emit(event: E): void;
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: (event: E) => void): () => void;
  /** How many listeners are subscribed. */
  readonly size: number;
}

/**
 * Creates an event channel. A listener that throws does not stop the others or the emitter (the trainer's loop
 * must survive a buggy chart); its error is rethrown asynchronously so it still shows up in the console.
 *
 * @example
 * const channel = createChannel<number>();
 * const off = channel.subscribe((n) => console.log(n));
 * channel.emit(1); // logs 1
 * off();
 */
export function createChannel<E>(): Channel<E> {
  const listeners = new Set<(event: E) => void>();
  return {
    emit(event) {
      // Iterate over a copy: a listener may unsubscribe itself (or others) while being called.
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (err) {
          queueMicrotask(() => {
            throw err;
          });
        }
      }
    },
    subscribe(listener) {
      // Wrap so the same function can be subscribed twice and removed independently.
      const wrapped = (event: E) => listener(event);
      listeners.add(wrapped);
      return () => {
        listeners.delete(wrapped);
      };
    },
    get size() {
      return listeners.size;
    },
  };
}
