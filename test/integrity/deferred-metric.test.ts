/**
 * Issue 13: a derived step that fails after the visit's commit point is counted on /metrics
 * (huitouke_derived_deferred_total), the staff member still hears 已记录, and the sweeper then
 * brings the derived values back to the recomputation from the visits.
 */
import { createSweeper } from '../../src/archive/sweeper';
import { createBot } from '../../src/bot';
import { createMetrics } from '../../src/observe/metrics';
import type { IncomingMessage } from '../../src/pipeline/message';
import { REPLY_ERROR } from '../../src/pipeline/steps';
import { ensureStaff } from '../../src/setup';
import { differences } from '../support/consistency';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { watchWrites } from '../support/faults';
import { sample } from '../support/metrics';

const NOW = Date.parse('2026-11-22T21:40:00+08:00');
const TODAY = '2026-11-22';
const SERIES = 'huitouke_derived_deferred_total';

let db: TestDatabase;
beforeAll(async () => (db = await openTestDatabase()));
afterAll(() => db.drop());

/** A store with one staff member and a known customer (张总, one visit an hour ago). */
async function knownCustomer(code: string) {
  const store = await db.models.Store.create({ code, name: `店${code}` });
  await ensureStaff(db.models, store, {
    platform: 'fault',
    userId: code,
    name: '小王',
    role: 'staff',
  });
  const message = (text: string, id: string, ago = 0): IncomingMessage => ({
    platform: 'fault',
    chatId: code,
    chatType: 'direct',
    senderId: code,
    text,
    mentioned: false,
    messageId: `${code}-${id}`,
    time: new Date(NOW - ago * 60_000),
  });
  await createBot(db.services).handle(message('张总 昨晚 2人 消费1800', '1', 60));
  return { store, visit: message('张总 今晚 4人 消费3600', '2') };
}

/** The number of the first write after the visit's insert, from a run where nothing fails. */
async function firstWriteAfterCommit(): Promise<number> {
  const { visit } = await knownCustomer('dry');
  const watch = watchWrites(db.conn);
  try {
    await createBot(db.services).handle(visit);
  } finally {
    watch.stop();
  }
  const insert = watch.log.indexOf('visits.insertOne');
  expect(insert).toBeGreaterThanOrEqual(0);
  expect(watch.log.length).toBeGreaterThan(insert + 1);
  return insert + 2;
}

it('counts a derived step that failed after the visit was saved, confirms it, and the sweeper repairs it', async () => {
  const k = await firstWriteAfterCommit();
  const { store, visit } = await knownCustomer('cut');
  const metrics = createMetrics();
  const watch = watchWrites(db.conn, k, 'once');
  let said: string[];
  try {
    said = (await createBot({ ...db.services, metrics }).handle(visit)).map((r) => r.text);
  } finally {
    watch.stop();
  }
  expect(said[0]).toMatch(/^已记录 张总/);
  expect(said).not.toContain(REPLY_ERROR);
  expect(sample(await metrics.registry.metrics(), SERIES)).toBe(1);
  // The failed step left something behind (else the repair below would prove nothing).
  expect(await differences(db.models, TODAY)).not.toEqual([]);
  await createSweeper(db.models).sweep(store, new Date(NOW));
  expect(await differences(db.models, TODAY)).toEqual([]);
  expect(await db.models.Visit.countDocuments({ storeId: store._id, amount: 3600 })).toBe(1);
});
