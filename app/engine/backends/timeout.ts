/**
 * Rejects if `promise` has not settled within `ms`. Every backend initialisation and calibration goes through
 * this: the threaded wasm build was seen to hang `tf.setBackend('wasm')` forever (PITFALLS).
 *
 * @example
 * await withTimeout(tf.setBackend('wasm'), 10_000, 'starting wasm');
 * // throws Error('starting wasm took longer than 10 s') if it hangs
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * The message of anything thrown, for plain-language reasons.
 *
 * @example
 * errorText(new Error('boom')); // 'boom'
 */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}
