/**
 * Issue 13: staff in several chats at once, through the path the adapters use (the adapters'
 * intake, the journal, the bot, the outbox), on the embedded database. Records for the same
 * customers, corrections, undos and questions interleave; afterwards every derived record equals
 * the recomputation from the visits, every record was confirmed, and nothing said 出错了.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIntake } from '../../adapters/shared/intake';
import { readDayBooks } from '../../src/archive/day-book';
import { verifyStore } from '../../src/archive/verify';
import { createBot } from '../../src/bot';
import { loadConfig } from '../../src/config';
import { createDurableIntake } from '../../src/journal/durable';
import { openJournal } from '../../src/journal/journal';
import { createDelivery } from '../../src/outbox/delivery';
import { DEFAULT_DELIVERY } from '../../src/outbox/settings';
import type { IncomingMessage, OutgoingMessage } from '../../src/pipeline/message';
import { ensureStaff, ensureStore } from '../../src/setup';
import { prng } from '../../scripts/bench/prng';
import { openTestDatabase, type TestDatabase } from '../support/db';

const STAFF = 6;
const PER_STAFF = 24;
const GUESTS = ['张总', '李总', '王总', '刘姐', '陈老板', '杨总', '赵总', '黄总'];
const NOW = Date.parse('2026-11-22T21:00:00+08:00');

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await openTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'huitouke-concurrent-'));
});
afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Mostly records (guests shared between staff), some corrections, undos and questions. */
function script(seed: number): string[] {
  const rnd = prng(seed);
  // Each record's bill differs (+ i): the same table twice in ten minutes is asked about instead.
  return Array.from({ length: PER_STAFF }, (_, i) => {
    const r = rnd();
    const guest = GUESTS[Math.floor(rnd() * GUESTS.length)];
    if (r < 0.65)
      return `${guest} 今晚 ${2 + Math.floor(rnd() * 8)}人 消费${500 + Math.floor(rnd() * 60) * 50 + i}`;
    if (r < 0.75) return `改成${1000 + Math.floor(rnd() * 40) * 50}`;
    if (r < 0.82) return '撤销';
    // Each guest has one phone: a second one would be a namesake, and a question instead.
    if (r < 0.9) return `${guest} 电话1390000000${GUESTS.indexOf(guest)}`;
    return '今天营业额';
  });
}

describe('several chats at once through intake, journal, bot and outbox', () => {
  it('keeps every derived record equal to the visits, and answers every message', async () => {
    const { models } = db;
    const store = await ensureStore(models, loadConfig({}));
    const ids = Array.from({ length: STAFF }, (_, i) => `s${i}`);
    for (const [i, id] of ids.entries())
      await ensureStaff(models, store, {
        platform: 'conc',
        userId: id,
        name: `员工${i}`,
        role: i === 0 ? 'manager' : 'staff',
      });
    const sent: OutgoingMessage[] = [];
    const delivery = createDelivery({ models, log: db.services.log, settings: DEFAULT_DELIVERY });
    delivery.addSender('conc', async (m) => void sent.push(m));
    const journal = await openJournal(join(dir, 'journal'));
    const durable = createDurableIntake({
      bot: createBot({ ...db.services, journaled: true }),
      journal,
      log: db.services.log,
      enqueue: delivery.enqueue,
      sendDirect: async (m) => void sent.push(m),
      timeZone: store.timeZone,
    });
    const intake = createIntake(db.services.log);
    intake.open((msg) => durable.receive(msg));

    const scripts = ids.map((_, i) => script(100 + i));
    let n = 0;
    // Every staff member's messages arrive at once, interleaved chat by chat.
    for (let k = 0; k < PER_STAFF; k++)
      for (const [i, id] of ids.entries()) {
        const msg: IncomingMessage = {
          platform: 'conc',
          chatId: id,
          chatType: 'direct',
          senderId: id,
          text: scripts[i][k],
          mentioned: false,
          messageId: `m${++n}`,
          time: new Date(NOW + k * 1000),
        };
        intake.take(msg);
      }
    await intake.drain();
    await durable.stop();
    await delivery.drain('conc');
    await journal.close();

    const texts = sent.map((m) => m.text);
    expect(texts.filter((t) => t.includes('出错了'))).toEqual([]);
    const records = scripts.flat().filter((t) => /消费\d+$/.test(t)).length;
    expect(texts.filter((t) => t.startsWith('已记录')).length).toBe(records);
    // Every message got its answer (a question counts), none was lost between the queues.
    expect(sent.length).toBeGreaterThanOrEqual(STAFF * PER_STAFF);
    expect(await verifyStore(models, store, '2026-11-22')).toEqual([]);
    const active = await models.Visit.find({ storeId: store._id, status: 'active' }).lean();
    const [book] = await readDayBooks(models, store._id, ['2026-11-22']);
    expect({ tables: book.tables, revenue: book.revenue }).toEqual({
      tables: active.length,
      revenue: active.reduce((s, v) => s + v.amount, 0),
    });
  }, 120_000);
});
