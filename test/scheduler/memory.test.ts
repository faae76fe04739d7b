/**
 * Issue 13: the scheduler remembers what it has done. A tick between runs asks the database
 * nothing (it used to read every store and retry a claim every minute, ~3,500 commands a store a
 * day); a settings change makes it read the stores again; a run another start holds is looked at
 * again only when that start's lease is over.
 */
import { loadConfig } from '../../src/config';
import { DEFAULT_DELIVERY } from '../../src/outbox/settings';
import { createScheduleMemory, runDueJobs, type Job } from '../../src/scheduler/jobs';
import { ensureStore } from '../../src/setup';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { watchCommands } from '../support/faults';

const at = (hhmm: string) => new Date(`2026-11-22T${hhmm}:00+08:00`);

const greeting: Job = {
  name: 'greeting',
  timeOf: () => '09:00',
  run: async () => [
    { platform: 'telegram', chatId: 'g1', chatType: 'group', to: null, text: '早' },
  ],
};

describe('the schedule between runs', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase();
    await ensureStore(db.models, loadConfig({ STORE_NAME: '海港店' }));
  });
  afterEach(() => db.drop());

  it('runs when due, then ticks without a database command until the next occurrence', async () => {
    let clock = at('08:59').getTime();
    const memory = createScheduleMemory(
      () => db.models.Store.find(),
      () => clock,
    );
    expect(await runDueJobs(db.services, [greeting], at('08:59'), { memory })).toEqual([]);
    clock = at('09:00').getTime();
    expect(await runDueJobs(db.services, [greeting], at('09:00'), { memory })).toHaveLength(1);
    const watch = watchCommands(db.conn);
    try {
      for (const t of ['09:01', '09:02', '09:05', '12:00']) {
        clock = at(t).getTime();
        expect(await runDueJobs(db.services, [greeting], at(t), { memory })).toEqual([]);
      }
      // Every few minutes the stores are read again (a setting changed elsewhere), nothing more.
      expect(watch.calls.every((c) => c.startsWith('stores.'))).toBe(true);
      expect(watch.calls.length).toBeLessThanOrEqual(1);
    } finally {
      watch.stop();
    }
  });

  it('reads the stores again at once after a settings change here', async () => {
    const clock = at('09:00').getTime();
    const memory = createScheduleMemory(
      () => db.models.Store.find(),
      () => clock,
    );
    const briefing: Job = { ...greeting, timeOf: (s) => s.briefingTime };
    expect(await runDueJobs(db.services, [briefing], at('09:00'), { memory })).toEqual([]);
    // 设置 早报时间 9:20: the stores as read a moment ago still say 09:30.
    await db.models.Store.updateOne({}, { $set: { briefingTime: '09:20' } });
    expect(await runDueJobs(db.services, [briefing], at('09:25'), { memory })).toEqual([]);
    memory.forget();
    expect(await runDueJobs(db.services, [briefing], at('09:25'), { memory })).toHaveLength(1);
  });

  it('leaves a run another start holds alone until its lease is over', async () => {
    const clock = at('09:00').getTime();
    const mine = createScheduleMemory(
      () => db.models.Store.find(),
      () => clock,
    );
    const theirs = createScheduleMemory(
      () => db.models.Store.find(),
      () => clock,
    );
    const slow: Job = { ...greeting, run: () => new Promise(() => undefined) };
    void runDueJobs(db.services, [slow], at('09:00'), { memory: theirs });
    await new Promise((r) => setTimeout(r, 300));
    expect(await runDueJobs(db.services, [greeting], at('09:00'), { memory: mine })).toEqual([]);
    const watch = watchCommands(db.conn);
    try {
      const soon = new Date(at('09:00').getTime() + DEFAULT_DELIVERY.jobLeaseMs - 60_000);
      expect(await runDueJobs(db.services, [greeting], soon, { memory: mine })).toEqual([]);
      expect(watch.calls.filter((c) => c.startsWith('jobruns.'))).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
