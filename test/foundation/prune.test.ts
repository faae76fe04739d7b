/**
 * Issue 13: what only grows is pruned. Bookkeeping older than the retention goes, in batches;
 * what is newer stays, and visits, customers and their follow-up history are never touched.
 */
import { Types } from 'mongoose';
import { pruneBookkeeping } from '../../src/upkeep/prune';
import { dm, staff } from '../support/events';
import { openScenario } from '../support/replay';

const NOW = new Date('2027-03-01T06:00:00+08:00');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

it('deletes bookkeeping past the retention, keeps the rest and every visit', async () => {
  const s = await openScenario();
  try {
    await s.run(
      staff('wang', '小王'),
      dm('wang', '张总 今晚 3人 消费2800', '2026-11-22T21:00:00+08:00'),
    );
    const { models } = s.db;
    const store = (await models.Store.findOne())!;
    const old = daysAgo(120);
    const recent = daysAgo(10);
    const logs = Array.from({ length: 1200 }, (_, i) => ({
      _id: `old:${i}`,
      platform: 'old',
      messageId: String(i),
      receivedAt: old,
    }));
    await models.MessageLog.collection.insertMany(logs as never[]);
    await models.MessageLog.collection.insertOne({
      _id: 'new:1',
      platform: 'new',
      messageId: '1',
      receivedAt: recent,
    } as never);
    const msg = { platform: 'x', chatId: 'c', chatType: 'direct', to: 'c', text: 'hi' };
    await models.PendingMessage.collection.insertMany([
      { _id: 'sent-old', account: 'x', msg, seq: 1, enqueuedAt: recent, sentAt: daysAgo(5) },
      { _id: 'sent-new', account: 'x', msg, seq: 2, enqueuedAt: recent, sentAt: daysAgo(1) },
      { _id: 'waiting', account: 'x', msg, seq: 3, enqueuedAt: old },
    ] as never[]);
    await models.JobRun.collection.insertOne({ _id: 'run-old', claimedAt: old } as never);
    await models.CustomerEvent.collection.insertOne({
      storeId: store._id,
      customerId: new Types.ObjectId(),
      kind: 'transfer',
      at: old,
    } as never);
    await models.Lookup.collection.insertMany([
      { _id: `r:${String(store._id)}:2026-10-01`, ids: [] },
      { _id: `r:${String(store._id)}:2027-02-27`, ids: [] },
    ] as never[]);
    const visitsBefore = await models.Visit.countDocuments();
    const customersBefore = await models.Customer.countDocuments();

    const pruned = await pruneBookkeeping(models, NOW, 90);
    // The reply to 张总's message (11月22日) is past it too; her visit is not. (A saved visit leaves
    // no message log: its own key is what keeps it once, pipeline/steps.ts takenIn.)
    expect(pruned).toMatchObject({ messageLogs: 1200, sentMessages: 2, jobRuns: 1, events: 1 });
    expect(await models.MessageLog.exists({ _id: 'new:1' })).toBeTruthy();
    expect(await models.PendingMessage.exists({ _id: 'sent-new' })).toBeTruthy();
    expect(await models.PendingMessage.exists({ _id: 'waiting' })).toBeTruthy();
    expect(await models.Lookup.exists({ _id: `r:${String(store._id)}:2027-02-27` })).toBeTruthy();
    expect(await models.Lookup.exists({ _id: `r:${String(store._id)}:2026-10-01` })).toBeFalsy();
    expect(await models.Visit.countDocuments()).toBe(visitsBefore);
    expect(await models.Customer.countDocuments()).toBe(customersBefore);
    // A second night finds nothing left.
    const again = await pruneBookkeeping(models, NOW, 90);
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
  } finally {
    await s.close();
  }
}, 60_000);
