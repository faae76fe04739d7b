/**
 * Work queued per key (a chat): tasks with the same key run one after another, in order; different
 * keys run side by side. Used for intake (a staff member's messages are handled in the order they
 * were typed) and for sending (the parts of a long reply arrive in order).
 */
export interface Lanes {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void>;
  /** Tasks queued and not yet settled. */
  readonly pending: number;
}

export function createLanes(): Lanes {
  const tails = new Map<string, Promise<unknown>>();
  let pending = 0;
  return {
    get pending() {
      return pending;
    },
    run(key, task) {
      pending += 1;
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task);
      // A failed task must not stop the ones queued after it.
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        pending -= 1;
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    async idle() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
}
