/** Retry delays for reconnecting: doubling from `first` up to `max`, reset after a success. */
export interface Backoff {
  next(): number;
  reset(): void;
}

export function createBackoff(first = 1000, max = 5 * 60_000): Backoff {
  let delay = first;
  return {
    next() {
      const now = delay;
      delay = Math.min(delay * 2, max);
      return now;
    },
    reset() {
      delay = first;
    },
  };
}
