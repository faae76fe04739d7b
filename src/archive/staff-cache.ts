/**
 * Who sent a message is read on every message: three lookups (identity, staff, store) before any
 * work. Staff and stores change rarely, so they are kept for a short while in memory; changes
 * made by this process clear it at once, and another process's changes show within TTL_MS.
 */
export const TTL_MS = 30_000;

interface Entry<T> {
  value: T;
  at: number;
}

export class ShortCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs = TTL_MS,
    private readonly max = 10_000,
  ) {}

  /** `now` is wall-clock milliseconds, passed in so the cache is testable. */
  get(key: string, now: number): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now - e.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: T, now: number): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, at: now });
  }

  clear(): void {
    this.entries.clear();
  }
}
