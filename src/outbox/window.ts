/**
 * Sliding send windows, kept in the database so a restart does not forget what was just sent:
 * an in-memory bucket starts empty after a crash and would let a personal WeChat account send
 * another 100 messages in the same hour. The arithmetic is pure; `now` is an argument.
 *
 * Same guarantee as adapters/shared/rate-limit.ts: no window of `perMs` ever holds more than
 * `max` sends (a refill bucket lets twice that through across a window edge).
 */

export interface Rate {
  max: number;
  perMs: number;
}

/** Milliseconds until one more send fits every rate; `sent` is ascending. 0 when it fits now. */
export function waitMs(rates: Rate[], sent: readonly number[], now: number): number {
  let wait = 0;
  for (const r of rates) {
    const inWindow = sent.filter((t) => t > now - r.perMs);
    if (inWindow.length < r.max) continue;
    // The send that has to leave the window before one more fits.
    const leaving = inWindow[inWindow.length - r.max];
    wait = Math.max(wait, leaving + r.perMs - now);
  }
  return wait;
}

/** The send times still needed to answer `waitMs` for these rates: the window stays bounded. */
export function trimmed(rates: Rate[], sent: readonly number[], now: number): number[] {
  if (rates.length === 0) return [];
  const span = Math.max(...rates.map((r) => r.perMs));
  const most = Math.max(...rates.map((r) => r.max));
  return sent.filter((t) => t > now - span).slice(-most);
}

/** Window ids: one per account, one per group chat where the platform limits groups. */
export const accountWindowId = (account: string) => account;
export const groupWindowId = (account: string, chatId: string) => `${account}|${chatId}`;
