/**
 * A bounded memory of recent keys. Feishu may deliver one event twice and Telegram button data
 * must be looked up after the click; neither needs more than the last few thousand entries, and a
 * long-running bot must not grow without bound.
 */
export class Recent<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity = 5000) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** True the first time a key is seen, false after (and remembers it). */
  firstTime(key: string): boolean {
    if (this.entries.has(key)) return false;
    this.set(key, undefined as V);
    return true;
  }
}
