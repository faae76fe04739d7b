/**
 * Restoring a backup into an empty database: every collection back as it was dumped, then each
 * store's derived records recomputed from its visits (the same repair as verify --repair).
 */
import type { Connection } from 'mongoose';
import { repairStore } from '../archive/verify';
import type { Models } from '../model';
import { ensureIndexes } from '../model';
import { businessDate } from '../time/business-day';
import { readDump } from './dump';

export class RestoreError extends Error {}

const BATCH = 500;

export async function restoreDatabase(
  conn: Connection,
  models: Models,
  file: string,
  now: Date,
): Promise<Record<string, number>> {
  // exists(), not estimatedDocumentCount: the local FerretDB drops the connection on `count`.
  if ((await models.Visit.exists({})) || (await models.Store.exists({})))
    throw new RestoreError(
      '目标数据库里已经有数据:只能恢复到空的数据库(换一个 DATA_DIR 或 MONGODB_URI)',
    );
  const counts: Record<string, number> = {};
  let batch: object[] = [];
  let current = '';
  const flush = async () => {
    if (batch.length)
      await conn.db!.collection(current).insertMany(batch as never[], { ordered: true });
    batch = [];
  };
  for await (const { collection, doc } of readDump(file)) {
    if (collection !== current) {
      await flush();
      current = collection;
    }
    batch.push(doc);
    counts[collection] = (counts[collection] ?? 0) + 1;
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await ensureIndexes(models);
  for (const store of await models.Store.find().sort({ _id: 1 })) {
    const today = businessDate({
      now,
      timeZone: store.timeZone,
      businessDayCutoff: store.businessDayCutoff,
    });
    await repairStore(models, store, today);
  }
  return counts;
}
