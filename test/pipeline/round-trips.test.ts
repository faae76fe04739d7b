/**
 * Issue 13's budget for the busiest message: a table for a known customer is confirmed after at
 * most 5 database round trips (the visit, its commit point, among them), and what is derived from
 * it is written after the reply is queued, before the handling ends, so the next message sees it.
 */
import { createBot } from '../../src/bot';
import type { IncomingMessage, OutgoingMessage } from '../../src/pipeline/message';
import { REPLAY_PLATFORM } from '../../src/replay/replayer';
import { watchCommands } from '../support/faults';
import { dm, staff } from '../support/events';
import { openScenario, type Scenario } from '../support/replay';

const said = (text: string, id: string, at: string): IncomingMessage => ({
  platform: REPLAY_PLATFORM,
  chatId: 'wang',
  chatType: 'direct',
  senderId: 'wang',
  text,
  mentioned: false,
  messageId: id,
  time: new Date(at),
});

describe('round trips of one message', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await openScenario();
    await s.run(
      staff('wang', '小王'),
      dm('wang', '张总 今晚 3人 消费2800', '2026-11-22T21:00:00+08:00'),
    );
  });
  afterEach(() => s.close());

  it("confirms a known customer's table within 5 round trips, the rest after the reply", async () => {
    const bot = createBot(s.db.services);
    const watch = watchCommands(s.db.conn);
    let before = -1;
    const queued: OutgoingMessage[] = [];
    try {
      await bot.handle(said('张总 今晚 5人 消费4200', 'm-2', '2026-11-25T20:00:00+08:00'), {
        deliver: async (replies) => {
          if (before < 0 && replies.length > 0) before = watch.calls.length;
          queued.push(...replies);
        },
      });
    } finally {
      watch.stop();
    }
    expect(queued.map((r) => r.text)).toEqual([expect.stringContaining('第2次来,上次 11月22日')]);
    expect(before).toBeLessThanOrEqual(5);
    expect(watch.calls.slice(0, before)).toContain('visits.insertOne');
    // Derived writes came after the reply, and were done when handling returned.
    expect(watch.calls.slice(before)).toEqual(
      expect.arrayContaining(['customers.findOneAndUpdate', 'daybooks.updateOne']),
    );
    const customer = await s.db.models.Customer.findOne({ name: '张总' }).lean();
    expect(customer?.stats).toMatchObject({ visits: 2, totalSpend: 7000, lastVisit: '2026-11-25' });
  });

  it('reads one draft and writes nothing for group chatter', async () => {
    await s.run({ group: { id: 'g1', name: '前厅群' } });
    const bot = createBot(s.db.services);
    const watch = watchCommands(s.db.conn);
    try {
      const out = await bot.handle({
        ...said('收到', 'm-3', '2026-11-25T20:05:00+08:00'),
        chatId: 'g1',
        chatType: 'group',
      });
      expect(out).toEqual([]);
    } finally {
      watch.stop();
    }
    // Who is speaking and which store the group is were read before (cached): only the draft now.
    expect(watch.calls.filter((c) => !/^(staffs|teamgroups|stores)\./.test(c))).toEqual([
      'drafts.findOne',
    ]);
  });
});
