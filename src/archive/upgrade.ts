/**
 * Bringing an archive written by an earlier version to the current shape of its derived records,
 * once, at start-up, before any message is handled: a schema version is kept in the database and
 * the migrations below run in order. Version 2 (issue 13): day books hold one entry per visit
 * instead of incremented totals, and customers and cards carry revs; the visits are the truth, so
 * it is the repair of `npm run verify -- --repair`, store by store.
 */
import { upsertOnce } from '../db/lookup';
import type { Logger } from '../log';
import type { Models } from '../model';
import { businessDate } from '../time/business-day';
import { repairStore } from './verify';
import { storeWriter } from './writer';

/** The data was written by a newer release than this one. */
export class ArchiveVersionError extends Error {}

interface Migration {
  /** The schema version the archive has once this migration ran. */
  version: number;
  what: string;
  /** Idempotent: running it again on a migrated archive changes nothing. */
  run(models: Models, log: Logger, now: Date): Promise<void>;
}

/**
 * Ordered: each runs once, in turn, before any message is handled; the version reached is kept
 * after each, so a start cut short resumes at the next one.
 */
const MIGRATIONS: readonly Migration[] = [
  { version: 2, what: 'day books by visit, revs on customers and cards', run: rebuildDerived },
];

export const ARCHIVE_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1].version;
const STATE_ID = 'archive-schema';

export async function upgradeArchive(models: Models, log: Logger, now: Date): Promise<void> {
  const state = await models.JobState.findById(STATE_ID).lean();
  const at = state?.version ?? 1;
  if (at > ARCHIVE_SCHEMA) {
    // Data written by a newer release: running older code on it could undo what it wrote.
    throw new ArchiveVersionError(
      `数据库是新版本(结构 ${at})写的,这个版本只认到 ${ARCHIVE_SCHEMA}:请升级回头客`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= at) continue;
    await m.run(models, log, now);
    const version = m.version;
    await upsertOnce(() =>
      models.JobState.updateOne({ _id: STATE_ID }, { $set: { version } }, { upsert: true }),
    );
    log.info('archive migrated', { version: m.version, what: m.what });
  }
}

/** Version 2: every store's derived records recomputed from its visits (verify --repair). */
async function rebuildDerived(models: Models, log: Logger, now: Date): Promise<void> {
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
}
