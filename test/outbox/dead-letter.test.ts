/**
 * Issue 13: a message that cannot be delivered (a group the bot was removed from) is retried for
 * a bounded time, then given up: it no longer holds its chat's later messages back, and the
 * store's admins are told once.
 */
import { loadConfig } from '../../src/config';
import { DEFAULT_DELIVERY } from '../../src/outbox/settings';
import { GIVE_UP_FAILURES } from '../../src/outbox/send';
import { ensureStaff, ensureStore } from '../../src/setup';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { fakePlatform, messages, openDelivery, T0, unsent } from './rig';

const HOUR = 3_600_000;

describe('a message that cannot be delivered', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase();
    const store = await ensureStore(db.models, loadConfig({}));
    await db.models.TeamGroup.create({ storeId: store._id, platform: 'telegram', chatId: 'g1' });
    await ensureStaff(db.models, store, {
      platform: 'telegram',
      userId: '900',
      name: '老板',
      role: 'admin',
    });
  });
  afterEach(() => db.drop());

  it('is given up after a day of failures, frees its chat, and is reported once', async () => {
    const clock = { now: T0 };
    const tg = fakePlatform(() => clock.now);
    const gone = (m: { chatId: string; text: string }) =>
      m.chatId === 'g1' && m.text === 'm0'
        ? Promise.reject(new Error('403: bot was kicked from the group chat'))
        : tg.send(m as never);
    const delivery = openDelivery(db.models, { telegram: gone }, clock);
    await delivery.enqueue(messages('telegram', 'g1', 3));
    // Passes through the day: the first message fails each time, the two behind it wait.
    let passes = 0;
    while (clock.now < T0 + DEFAULT_DELIVERY.giveUpMs + HOUR && passes++ < 500) {
      await delivery.drain('telegram');
      clock.now += DEFAULT_DELIVERY.retryMaxMs;
      if (clock.now < T0 + DEFAULT_DELIVERY.giveUpMs)
        expect(tg.accepted.filter((a) => a.chatId === 'g1')).toEqual([]);
    }
    await delivery.drain('telegram');
    const dead = await db.models.PendingMessage.findById('test:telegram:g1:m0').lean();
    expect(dead?.deadAt).toBeInstanceOf(Date);
    expect(dead?.failures).toBeGreaterThanOrEqual(GIVE_UP_FAILURES);
    expect(tg.accepted.filter((a) => a.chatId === 'g1').map((a) => a.text)).toEqual(['m1', 'm2']);
    const notices = tg.accepted.filter((a) => a.chatId === '900');
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toContain('发不出去');
    expect(await unsent(db.models)).toBe(0);
  });
});
