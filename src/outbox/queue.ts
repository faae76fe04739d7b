/**
 * Putting messages in the queue: one insert for all of them. A key already queued or already sent
 * (the document is its own receipt) is refused as a duplicate and skipped, which is what makes a
 * job's re-run or a message handled again after a crash harmless. The process that queues a
 * message holds its claim from the start, so it sends it without another write.
 */
import type { Models } from '../model';
import type { KeyedMessage } from './keys';
import type { PendingMessage } from './model';

export const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/** A queued message as stored. */
export type Queued = PendingMessage & { _id: string };

/** Enqueue order that never goes backwards in this process, even within one millisecond. */
export function createSequence(): (now: number) => number {
  let last = 0;
  return (now) => (last = Math.max(last + 1, now * 1000));
}

/** Who queues: their claim on what they queue lasts `leaseMs`. */
export interface QueueOwner {
  id: string;
  leaseMs: number;
}

interface WriteErrors {
  writeErrors?: { index: number; code?: number }[] | { index: number; code?: number };
}

/** Queue messages for sending; returns the ones newly queued (duplicates are left out). */
export async function enqueue(
  models: Models,
  items: KeyedMessage[],
  now: number,
  seq: (now: number) => number,
  owner?: QueueOwner,
): Promise<Queued[]> {
  const seen = new Set<string>();
  const docs: Queued[] = [];
  for (const item of items) {
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    docs.push({
      _id: item.key,
      account: item.msg.platform,
      msg: item.msg,
      seq: seq(now),
      enqueuedAt: new Date(now),
      tries: 0,
      failures: 0,
      ...(owner && { claimBy: owner.id, claimUntil: new Date(now + owner.leaseMs) }),
    } as Queued);
  }
  if (docs.length === 0) return [];
  try {
    await models.PendingMessage.collection.insertMany(docs as never[], { ordered: false });
    return docs;
  } catch (err) {
    const raw = (err as WriteErrors).writeErrors;
    const errors = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    if (errors.length === 0 || !errors.every((e) => e.code === 11000)) throw err;
    const refused = new Set(errors.map((e) => e.index));
    return docs.filter((_, i) => !refused.has(i));
  }
}
