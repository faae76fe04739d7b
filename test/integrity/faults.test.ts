/**
 * Issue 13: an exception after any database write, or the process dying there, never loses a
 * committed change or applies one twice. Each change (a visit for a new and for a known
 * customer, a draft answered, an amendment, an undo, a merge, an import) is cut after its k-th
 * write for every k; then, as after a restart, the journal hands a dead message back and the
 * sweeper runs once. The archive must then equal the recomputation from the visits (npm run
 * verify's check), hold every committed change exactly once, and no committed change may have
 * been answered with 出错了.
 */
import { join } from 'node:path';
import { createSweeper } from '../../src/archive/sweeper';
import { verifyStore } from '../../src/archive/verify';
import { createBot } from '../../src/bot';
import { runImport } from '../../src/import';
import type { Models } from '../../src/model';
import type { StoreDoc } from '../../src/model/store';
import type { IncomingMessage } from '../../src/pipeline/message';
import { REPLY_ERROR } from '../../src/pipeline/steps';
import { ensureStaff } from '../../src/setup';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { watchWrites } from '../support/faults';
import { MESSY_HEADER, MESSY_ROWS, tempDir, writeXlsx } from '../import/sheets';

const NOW = Date.parse('2026-11-22T21:40:00+08:00');
const TODAY = '2026-11-22';

interface Line {
  from: 'wang' | 'boss';
  text: string;
  /** Minutes before NOW. */
  ago?: number;
}

interface Case {
  name: string;
  before: Line[];
  /** The change cut short: a message, or the import of a sheet. */
  action: Line | 'import';
  /** Whether the change took effect (its commit point was written). */
  committed(models: Models, store: StoreDoc, source: string): Promise<boolean>;
  /** After the restart: what the message said beside its commit point, which nothing rebuilds. */
  whole?: { read(models: Models, store: StoreDoc, source: string): Promise<unknown>; is: unknown };
}

const visitOf = (models: Models, source: string) =>
  models.Visit.findOne({ sourceKey: source }).lean();

const CASES: Case[] = [
  {
    name: 'a visit of a new customer',
    before: [],
    action: { from: 'wang', text: '张总 今晚 3人 消费2800 牡丹厅' },
    committed: async (m, _s, src) => !!(await visitOf(m, src)),
  },
  {
    name: 'a visit of a known customer, with a phone and a booking',
    before: [
      { from: 'wang', text: '张总 昨晚 2人 消费1800', ago: 60 },
      { from: 'wang', text: '张总订了今晚4人', ago: 30 },
    ],
    action: { from: 'wang', text: '张总 今晚 4人 3600 电话13800138000' },
    committed: async (m, _s, src) => !!(await visitOf(m, src)),
    whole: {
      read: async (m, store, src) => {
        const customer = await m.Customer.findOne({ storeId: store._id, name: '张总' }).lean();
        const booking = await m.Booking.findOne({ customerId: customer?._id }).lean();
        const visit = await visitOf(m, src);
        return {
          phones: customer?.phones,
          booking: booking?.state,
          met: !!visit && !!booking?.visitId?.equals(visit._id),
        };
      },
      is: { phones: ['13800138000'], booking: 'arrived', met: true },
    },
  },
  {
    name: 'a draft answered',
    before: [
      { from: 'wang', text: '张总 前天 2人 消费1800', ago: 60 },
      { from: 'wang', text: '张总 今晚 3人', ago: 1 },
    ],
    action: { from: 'wang', text: '2800' },
    committed: async (m, store) =>
      (await m.Visit.countDocuments({ storeId: store._id, amount: 2800 })) === 1,
  },
  {
    name: 'an amendment',
    before: [
      { from: 'wang', text: '张总 昨晚 2人 消费1800', ago: 60 },
      { from: 'wang', text: '张总 今晚 3人 消费2800', ago: 5 },
    ],
    action: { from: 'wang', text: '改成3200' },
    committed: async (m, store) =>
      (await m.Visit.countDocuments({ storeId: store._id, amount: 3200 })) === 1,
  },
  {
    name: 'an undo',
    before: [
      { from: 'wang', text: '张总 昨晚 2人 消费1800', ago: 60 },
      { from: 'wang', text: '李总 今晚 3人 消费2800', ago: 5 },
    ],
    action: { from: 'wang', text: '撤销' },
    committed: async (m, store) =>
      (await m.Visit.countDocuments({ storeId: store._id, status: 'undone' })) > 0,
  },
  {
    name: 'a merge',
    before: [
      { from: 'wang', text: '张总 前天 2人 消费1800', ago: 60 },
      { from: 'wang', text: '张建国 昨晚 3人 消费2800 电话13900001111', ago: 30 },
    ],
    action: { from: 'boss', text: '合并 张总 张建国' },
    committed: async (m, store) =>
      (await m.Customer.countDocuments({ storeId: store._id, mergedInto: { $ne: null } })) > 0,
  },
  {
    name: 'an import',
    before: [{ from: 'wang', text: '李姐 昨晚 2人 800 电话13912345678', ago: 60 }],
    action: 'import',
    // 李姐 updated and the sheet's three new customers created, each once.
    committed: async (m, store) => (await m.Customer.countDocuments({ storeId: store._id })) === 4,
  },
];

let db: TestDatabase;
let sheet: string;
let run = 0;

beforeAll(async () => {
  db = await openTestDatabase();
  sheet = await writeXlsx(join(tempDir(), '客户档案.xlsx'), MESSY_HEADER, MESSY_ROWS);
});
afterAll(() => db.drop());

/** A store of its own for each run, so runs share the database and nothing else. */
async function openStore() {
  const n = ++run;
  const { models } = db;
  const store = await models.Store.create({ code: `f${n}`, name: `故障店${n}` });
  const ids = { wang: `w${n}`, boss: `b${n}` };
  await ensureStaff(models, store, {
    platform: 'fault',
    userId: ids.wang,
    name: '小王',
    role: 'staff',
  });
  await ensureStaff(models, store, {
    platform: 'fault',
    userId: ids.boss,
    name: '陈店长',
    role: 'admin',
  });
  let seq = 0;
  const message = (l: Line, id = `${n}-${++seq}`): IncomingMessage => ({
    platform: 'fault',
    chatId: ids[l.from],
    chatType: 'direct',
    senderId: ids[l.from],
    text: l.text,
    mentioned: false,
    messageId: id,
    time: new Date(NOW - (l.ago ?? 0) * 60_000),
  });
  return { store, message };
}

async function act(
  store: StoreDoc,
  action: Case['action'],
  msg?: IncomingMessage,
  resumed = false,
) {
  if (action === 'import') {
    await runImport(db.models, store, sheet, TODAY);
    return [] as string[];
  }
  const replies = await createBot(db.services).handle(msg!, { resumed });
  return replies.map((r) => r.text);
}

/** Writes the change makes when nothing goes wrong. */
async function writesOf(c: Case): Promise<number> {
  const { store, message } = await openStore();
  const bot = createBot(db.services);
  for (const l of c.before) await bot.handle(message(l));
  const watch = watchWrites(db.conn);
  try {
    await act(store, c.action, c.action === 'import' ? undefined : message(c.action));
  } finally {
    watch.stop();
  }
  return watch.writes;
}

async function settled(store: StoreDoc) {
  await createSweeper(db.models).sweep(store, new Date(NOW));
  return verifyStore(db.models, store, TODAY);
}

async function activeVisits(store: StoreDoc) {
  return db.models.Visit.find({ storeId: store._id, status: 'active' }).lean();
}

describe.each(CASES)('$name, cut after every write', (c) => {
  let writes: number;
  beforeAll(async () => {
    writes = await writesOf(c);
  });

  it('writes something (a case that wrote nothing would prove nothing)', () => {
    expect(writes).toBeGreaterThan(1);
  });

  it('an exception after any write: nothing half-done remains, a saved change is confirmed', async () => {
    for (let k = 1; k <= writes; k++) {
      const { store, message } = await openStore();
      const bot = createBot(db.services);
      for (const l of c.before) await bot.handle(message(l));
      const msg = c.action === 'import' ? undefined : message(c.action);
      const watch = watchWrites(db.conn, k, 'once');
      let said: string[];
      try {
        said = await act(store, c.action, msg).catch((e: Error) => [`threw ${e.message}`]);
      } finally {
        watch.stop();
      }
      const source = msg ? `fault:${msg.messageId}` : '';
      const done = await c.committed(db.models, store, source);
      // Staff are never told 出错了 about a change that was made (they would send it again).
      if (done && msg) expect([k, said]).not.toEqual([k, expect.arrayContaining([REPLY_ERROR])]);
      expect([k, await settled(store)]).toEqual([k, []]);
      // Never silence: what was not done is answered too (出错了, or the question still open).
      if (msg) expect([k, said.length > 0]).toEqual([k, true]);
      // A visit is never saved twice from one message.
      if (msg)
        expect(
          (await activeVisits(store)).filter((v) => v.sourceKey === source).length,
        ).toBeLessThanOrEqual(1);
    }
  }, 120_000);

  it('the process dying at any write: after the restart the change is whole, once', async () => {
    for (let k = 1; k <= writes; k++) {
      const { store, message } = await openStore();
      const bot = createBot(db.services);
      for (const l of c.before) await bot.handle(message(l));
      const msg = c.action === 'import' ? undefined : message(c.action);
      const watch = watchWrites(db.conn, k, 'dead');
      try {
        await act(store, c.action, msg).catch(() => undefined);
      } finally {
        watch.stop();
      }
      // The restart: the journal hands the message back, then the sweeper runs.
      const said = await act(store, c.action, msg, true);
      expect([k, await settled(store)]).toEqual([k, []]);
      expect([k, said.some((t) => t === REPLY_ERROR)]).toEqual([k, false]);
      expect([k, await c.committed(db.models, store, msg ? `fault:${msg.messageId}` : '')]).toEqual(
        [k, true],
      );
      const visits = await activeVisits(store);
      expect(new Set(visits.map((v) => v.sourceKey)).size).toBe(visits.length);
      if (c.whole)
        expect([k, await c.whole.read(db.models, store, `fault:${msg!.messageId}`)]).toEqual([
          k,
          c.whole.is,
        ]);
    }
  }, 120_000);
});
