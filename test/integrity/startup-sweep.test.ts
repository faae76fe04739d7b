/**
 * Issue 13: a table saved just before a downtime of several days, its derived steps cut short
 * (the process died right after the visit was written), is made whole by the first sweep after
 * the start (STARTUP_LOOKBACK_DAYS); the passes after it read only today and yesterday.
 */
import { createSweeper } from '../../src/archive/sweeper';
import { verifyStore } from '../../src/archive/verify';
import { createBot } from '../../src/bot';
import type { StoreDoc } from '../../src/model/store';
import type { IncomingMessage } from '../../src/pipeline/message';
import { ensureStaff } from '../../src/setup';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { watchWrites } from '../support/faults';

const DAY_MS = 24 * 3600_000;
const SAVED = Date.parse('2026-11-18T21:40:00+08:00');
const STARTED = new Date(SAVED + 4 * DAY_MS);
const TODAY = '2026-11-22';

let db: TestDatabase;
beforeAll(async () => (db = await openTestDatabase()));
afterAll(() => db.drop());

const dm = (code: string, text: string, id: string, at: number): IncomingMessage => ({
  platform: 'sweep',
  chatId: `${code}-wang`,
  chatType: 'direct',
  senderId: `${code}-wang`,
  text,
  mentioned: false,
  messageId: id,
  time: new Date(at),
});

async function openStore(code: string) {
  const store = await db.models.Store.create({ code, name: `${code}店` });
  await ensureStaff(db.models, store, {
    platform: 'sweep',
    userId: `${code}-wang`,
    name: '小王',
    role: 'staff',
  });
  return store;
}

/** A visit of a known customer, the process dying at the first write after the visit insert. */
async function cutShort(store: StoreDoc) {
  const bot = createBot(db.services);
  const say = (text: string, n: number) =>
    bot.handle(dm(store.code, text, `${store.code}-${n}`, SAVED + n * 60_000));
  await say('张总 前天 2人 消费1800', 1);
  const probe = watchWrites(db.conn);
  await say('张总 今晚 4人 消费2600', 2);
  probe.stop();
  const after = probe.log.indexOf('visits.insertOne') + 2;
  expect(after).toBeGreaterThan(1);
  const dead = watchWrites(db.conn, after, 'dead');
  await say('张总 今晚 3人 消费2800', 3).catch(() => undefined);
  dead.stop();
  expect(await db.models.Visit.countDocuments({ storeId: store._id, amount: 2800 })).toBe(1);
  expect(await verifyStore(db.models, store, TODAY)).not.toEqual([]);
}

describe('the first sweep after a start', () => {
  it('finishes a change cut short four days before', async () => {
    const store = await openStore('s1');
    await cutShort(store);
    const result = await createSweeper(db.models).sweep(store, STARTED);
    expect(result.fixed).toBeGreaterThan(0);
    expect(await verifyStore(db.models, store, TODAY)).toEqual([]);
  });

  it('is the only pass that looks that far back (later ones read today and yesterday)', async () => {
    const store = await openStore('s2');
    const sweeper = createSweeper(db.models);
    await sweeper.sweep(store, new Date(SAVED));
    await cutShort(store);
    expect((await sweeper.sweep(store, STARTED)).checked).toBe(0);
    expect(await verifyStore(db.models, store, TODAY)).not.toEqual([]);
  });
});
