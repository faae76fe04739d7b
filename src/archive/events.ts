/** 客户动态: what happened to an archive besides visits (transfers, merges), each said once. */
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { upsertOnce } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerEvent } from '../model/customer-event';

/**
 * The event's id comes from what caused it, so writing it again (a change taken up again after a
 * crash, the sweeper finishing it) finds it there and adds nothing.
 */
export async function noteEvent(models: Models, cause: string, e: CustomerEvent): Promise<void> {
  const hex = createHash('sha1')
    .update(`${cause}|${String(e.customerId)}|${e.kind}`)
    .digest('hex')
    .slice(0, 24);
  await upsertOnce(() =>
    models.CustomerEvent.updateOne(
      { _id: new Types.ObjectId(hex) },
      { $setOnInsert: e },
      { upsert: true },
    ),
  );
}
