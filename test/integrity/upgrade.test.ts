/**
 * An archive written before issue 13 (day books of incremented totals, no entries; customers and
 * cards without revs) is brought to the current shape once, at start-up, from its visits.
 */
import { readDayBooks } from '../../src/archive/day-book';
import { ARCHIVE_SCHEMA, ArchiveVersionError, upgradeArchive } from '../../src/archive/upgrade';
import { verifyStore } from '../../src/archive/verify';
import { createLogger } from '../../src/log';
import { dm, staff } from '../support/events';
import { watchWrites } from '../support/faults';
import { openScenario } from '../support/replay';

it('rebuilds the day books and cards of an older archive once, then leaves it alone', async () => {
  const s = await openScenario({ STORE_NAME: '海港店' });
  try {
    await s.run(
      staff('wang', '小王'),
      dm('wang', '张总 昨晚 2人 消费1800', '2026-11-21T21:00:00+08:00'),
      dm('wang', '张总 今晚 3人 消费2800'),
      dm('wang', '李总 今晚 4人 消费3600'),
    );
    const { models } = s.db;
    const store = (await models.Store.findOne())!;
    // What version 1 left: totals kept with $inc in one document per day, no entries, no revs.
    await models.DayBook.deleteMany({});
    await models.DayBook.collection.insertOne({
      _id: `${String(store._id)}:2026-11-22`,
      tables: 2,
      revenue: 6400,
    } as never);
    await models.Customer.updateMany({}, { $unset: { rev: 1 } });
    await models.FollowUpCard.deleteMany({});
    expect(await readDayBooks(models, store._id, ['2026-11-22'])).toMatchObject([{ tables: 0 }]);

    await upgradeArchive(models, createLogger('silent'), new Date('2026-11-22T22:00:00+08:00'));
    expect(await verifyStore(models, store, '2026-11-22')).toEqual([]);
    const [day] = await readDayBooks(models, store._id, ['2026-11-22']);
    expect(day).toMatchObject({ tables: 2, revenue: 6400, covers: 7, newCustomers: 1 });

    const watch = watchWrites(s.db.conn);
    await upgradeArchive(models, createLogger('silent'), new Date('2026-11-23T22:00:00+08:00'));
    watch.stop();
    expect(watch.writes).toBe(0);
  } finally {
    await s.close();
  }
});

it('refuses an archive a newer release wrote, rather than undoing its changes', async () => {
  const s = await openScenario();
  try {
    await s.db.models.JobState.updateOne(
      { _id: 'archive-schema' },
      { $set: { version: ARCHIVE_SCHEMA + 1 } },
      { upsert: true },
    );
    await expect(upgradeArchive(s.db.models, createLogger('silent'), new Date())).rejects.toThrow(
      ArchiveVersionError,
    );
  } finally {
    await s.close();
  }
});
