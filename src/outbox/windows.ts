/**
 * The send windows of one process (window.ts has the arithmetic), kept in memory and written to
 * the database so a restart does not start a fresh hour: read once per window, written after a
 * send at most every `flushMs` (0: after every send) and on `flush()`. A crash forgets at most the
 * last `flushMs` of sends, which the limits' margins cover.
 */
import { upsertOnce } from '../db/lookup';
import type { Models } from '../model';
import { trimmed, waitMs, type Rate } from './window';

export interface Windows {
  /** Make sure these windows are read (once per process). */
  load(ids: string[]): Promise<void>;
  wait(id: string, rates: Rate[], now: number): number;
  count(id: string, rates: Rate[], now: number): Promise<void>;
  flush(): Promise<void>;
}

export function createWindows(models: Models, flushMs = 0): Windows {
  const sent = new Map<string, number[]>();
  const dirty = new Set<string>();
  let lastFlush = 0;
  const flush = async () => {
    const ids = [...dirty];
    dirty.clear();
    lastFlush = Date.now();
    for (const id of ids)
      await upsertOnce(() =>
        models.SendWindow.updateOne(
          { _id: id },
          { $set: { sent: sent.get(id) ?? [] } },
          { upsert: true },
        ),
      );
  };
  return {
    async load(ids) {
      const missing = ids.filter((id) => !sent.has(id));
      if (missing.length === 0) return;
      const found = await models.SendWindow.find({ _id: { $in: missing } }).lean();
      for (const id of missing) sent.set(id, []);
      for (const w of found)
        sent.set(
          w._id,
          [...w.sent].sort((a, b) => a - b),
        );
    },
    wait: (id, rates, now) => (rates.length === 0 ? 0 : waitMs(rates, sent.get(id) ?? [], now)),
    async count(id, rates, now) {
      if (rates.length === 0) return;
      sent.set(id, trimmed(rates, [...(sent.get(id) ?? []), now], now));
      dirty.add(id);
      if (flushMs === 0 || Date.now() - lastFlush >= flushMs) await flush();
    },
    flush,
  };
}
