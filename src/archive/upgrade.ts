/**
 * Bringing an archive written by an earlier version to the current shape of its derived records,
 * once, at start-up, before any message is handled. Version 2 (issue 13): day books hold one entry
 * per visit instead of incremented totals, and customers and cards carry revs. The visits are the
 * truth, so the upgrade is the repair of `npm run verify -- --repair`, store by store.
 */
import type { Logger } from '../log';
import type { Models } from '../model';
import { businessDate } from '../time/business-day';
import { repairStore } from './verify';
import { storeWriter } from './writer';

export const ARCHIVE_SCHEMA = 2;
const STATE_ID = 'archive-schema';

export async function upgradeArchive(models: Models, log: Logger, now: Date): Promise<void> {
  const state = await models.JobState.findById(STATE_ID).lean();
  if ((state?.version ?? 1) >= ARCHIVE_SCHEMA) return;
  const stores = await models.Store.find().sort({ _id: 1 });
  for (const store of stores) {
    const today = businessDate({
      now,
      timeZone: store.timeZone,
      businessDayCutoff: store.businessDayCutoff,
    });
    const done = await storeWriter(models).run(store._id, () => repairStore(models, store, today));
    if (done.differences.length)
      log.info('archive upgraded', { store: store.code, rewritten: done.fixed });
  }
  await models.JobState.updateOne(
    { _id: STATE_ID },
    { $set: { version: ARCHIVE_SCHEMA } },
    { upsert: true },
  );
}
