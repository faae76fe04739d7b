/**
 * Putting messages in the queue. A key already sent (receipt) or already queued (duplicate
 * `_id`) is skipped, which is what makes a job's re-run after a crash harmless.
 */
import type { Models } from '../model';
import type { KeyedMessage } from './keys';

export const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/** Enqueue order that never goes backwards in this process, even within one millisecond. */
export function createSequence(): (now: number) => number {
  let last = 0;
  return (now) => (last = Math.max(last + 1, now * 1000));
}

/** Queue messages for sending; returns the ones newly queued (duplicates are left out). */
export async function enqueue(
  models: Models,
  items: KeyedMessage[],
  now: number,
  seq: (now: number) => number,
): Promise<KeyedMessage[]> {
  if (items.length === 0) return [];
  const receipts = await models.SentReceipt.find({ _id: { $in: items.map((i) => i.key) } })
    .select('_id')
    .lean();
  const sent = new Set(receipts.map((r) => r._id));
  const queued: KeyedMessage[] = [];
  for (const item of items) {
    if (sent.has(item.key)) continue;
    try {
      // A receipt written between the check above and this insert is caught by the sender,
      // which checks the receipt again after claiming the send.
      await models.PendingMessage.create({
        _id: item.key,
        account: item.msg.platform,
        msg: item.msg,
        seq: seq(now),
        enqueuedAt: new Date(now),
      });
      queued.push(item);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  return queued;
}
