/**
 * Outgoing rate limits, in memory, per platform account. Sends wait for a free token; nothing is
 * ever dropped.
 *
 * Each bucket holds `max` tokens and a token spent comes back exactly `perMs` later. A classic
 * refill bucket lets up to twice `max` through across a window boundary (a full bucket, then the
 * refill); this one guarantees that no window of `perMs` holds more than `max` sends, which is
 * what a limit like "100 messages an hour" on a personal WeChat account actually means.
 */

export interface Rate {
  max: number;
  perMs: number;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((res) => setTimeout(res, ms)),
};

export class TokenBucket {
  private readonly spent: number[] = [];

  constructor(readonly rate: Rate) {
    if (rate.max < 1 || rate.perMs <= 0) throw new RangeError('a rate needs max ≥ 1 and perMs > 0');
  }

  /** Milliseconds until a token is free; 0 when one is free now. */
  waitMs(now: number): number {
    while (this.spent.length > 0 && this.spent[0] + this.rate.perMs <= now) this.spent.shift();
    return this.spent.length < this.rate.max ? 0 : this.spent[0] + this.rate.perMs - now;
  }

  take(now: number): void {
    this.spent.push(now);
  }
}

/** Several limits at once (per minute and per hour; per app and per group). */
export function bucketsOf(rates: Rate[]): TokenBucket[] {
  return rates.map((r) => new TokenBucket(r));
}

/** Wait until every bucket has a token, then take one from each (check and take never interleave). */
export async function acquire(buckets: TokenBucket[], clock: Clock = realClock): Promise<void> {
  for (;;) {
    const now = clock.now();
    const wait = Math.max(0, ...buckets.map((b) => b.waitMs(now)));
    if (wait === 0) {
      for (const b of buckets) b.take(now);
      return;
    }
    await clock.sleep(wait);
  }
}

/** Buckets created on first use for each key (one per group chat). */
export function keyedBuckets(rates: Rate[]): (key: string) => TokenBucket[] {
  const byKey = new Map<string, TokenBucket[]>();
  return (key) => {
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = bucketsOf(rates)));
    return found;
  };
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
