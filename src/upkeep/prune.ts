/**
 * Bounded growth: bookkeeping that only serves a while (the message log, sent messages kept as
 * receipts, claims and job runs, customer events, staff work lists) is deleted once it is older
 * than the retention setting, in small batches so the bot's own work goes on between them.
 * Visits, customers and their follow-up history are never pruned.
 */
import type { Model } from 'mongoose';
import type { Models } from '../model';
import { isoDay } from '../time/business-day';

/** Sent messages are receipts only while a re-run could queue them again (a job, a replay). */
export const RECEIPT_DAYS = 3;
const BATCH = 500;

type AnyModel = Model<{ _id: unknown }>;

/** Delete what `filter` matches, a batch at a time; returns how many went. */
async function pruneBatches(model: AnyModel, filter: Record<string, unknown>): Promise<number> {
  let gone = 0;
  for (;;) {
    const ids = (await model.find(filter, { _id: 1 }).limit(BATCH).lean()).map((d) => d._id);
    if (ids.length === 0) return gone;
    await model.deleteMany({ _id: { $in: ids } });
    gone += ids.length;
    if (ids.length < BATCH) return gone;
    // Let messages being handled have the database between two batches.
    await new Promise((r) => setImmediate(r));
  }
}

const dayOf = (d: Date) => isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

/**
 * Per-day lookups (`<kind>:…:<YYYY-MM-DD>`) of days before `cutoffDay`; `dc:` lists (earlier
 * versions' visitors per day, which day books replaced) go whatever their day.
 */
async function prunePerDay(models: Models, kinds: string, cutoffDay: string): Promise<number> {
  const old = (await models.Lookup.find({ _id: { $regex: `^(${kinds}):` } }, { _id: 1 }).lean())
    .map((d) => d._id)
    .filter((id) => id.startsWith('dc:') || id.slice(-10) < cutoffDay);
  for (let i = 0; i < old.length; i += BATCH)
    await models.Lookup.deleteMany({ _id: { $in: old.slice(i, i + BATCH) } });
  return old.length;
}

/**
 * Follow-ups closed or moved on a day are read back up to a year later (the repeat follow-up
 * every `thenEveryDays`, at most 366, plus the catch-up): kept 400 days, whatever the retention.
 */
export const FOLLOW_UP_DAYS_KEPT = 400;

export async function pruneBookkeeping(
  models: Models,
  now: Date,
  retentionDays: number,
): Promise<Record<string, number>> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const receipts = new Date(now.getTime() - RECEIPT_DAYS * 86_400_000);
  const m = (x: unknown) => x as AnyModel;
  return {
    messageLogs: await pruneBatches(m(models.MessageLog), { receivedAt: { $lt: cutoff } }),
    sentMessages: await pruneBatches(m(models.PendingMessage), { sentAt: { $lt: receipts } }),
    deadMessages: await pruneBatches(m(models.PendingMessage), { deadAt: { $lt: cutoff } }),
    receipts: await pruneBatches(m(models.SentReceipt), { sentAt: { $lt: receipts } }),
    claims: await pruneBatches(m(models.SendClaim), { claimedAt: { $lt: receipts } }),
    jobRuns: await pruneBatches(m(models.JobRun), { claimedAt: { $lt: cutoff } }),
    events: await pruneBatches(m(models.CustomerEvent), { at: { $lt: cutoff } }),
    workLists: await prunePerDay(models, 'r|dc', dayOf(cutoff)),
    followUpDays: await prunePerDay(
      models,
      'fc|fm',
      dayOf(new Date(now.getTime() - Math.max(retentionDays, FOLLOW_UP_DAYS_KEPT) * 86_400_000)),
    ),
  };
}
