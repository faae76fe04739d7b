import { drainAccount } from '../../src/outbox/drain';
import { createSequence, enqueue } from '../../src/outbox/queue';
import { backoffMs } from '../../src/outbox/send';
import { DEFAULT_DELIVERY } from '../../src/outbox/settings';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { drainToEmpty, fakePlatform, messages, senderOf, T0 } from './rig';
import { unsent } from './rig';

describe('a failing send', () => {
  let db: TestDatabase;
  let clock: { now: number };
  beforeEach(async () => {
    db = await openTestDatabase();
    clock = { now: T0 };
  });
  afterEach(() => db.drop());

  it('is retried with a growing backoff, and its chat waits behind it in order', async () => {
    const feishu = fakePlatform(() => clock.now);
    feishu.failNext(2, 'g1');
    const first = messages('feishu', 'g1', 2, 'g1-');
    const other = messages('feishu', 'g2', 1, 'g2-');
    await enqueue(db.models, [...first, ...other], clock.now, createSequence());
    const sender = senderOf(db.models, (m) => feishu.send(m), clock);

    // The first try fails; g1's second message waits behind it, g2 goes out.
    let pass = await drainAccount(sender, 'feishu', DEFAULT_DELIVERY.limits.feishu);
    expect(pass.sent.map((m) => m.text)).toEqual(['g2-0']);
    expect(pass.wakeAt).toBe(T0 + 2000);

    clock.now = T0 + 1999;
    pass = await drainAccount(sender, 'feishu', DEFAULT_DELIVERY.limits.feishu);
    expect(pass.sent).toEqual([]);

    clock.now = T0 + 2000;
    pass = await drainAccount(sender, 'feishu', DEFAULT_DELIVERY.limits.feishu);
    expect(pass.sent).toEqual([]);
    expect(pass.wakeAt).toBe(T0 + 2000 + 4000);
    const waiting = await db.models.PendingMessage.findById(first[0].key).lean();
    expect(waiting).toMatchObject({ failures: 2, lastError: 'platform said no' });

    clock.now = T0 + 6000;
    pass = await drainAccount(sender, 'feishu', DEFAULT_DELIVERY.limits.feishu);
    expect(pass.sent.map((m) => m.text)).toEqual(['g1-0', 'g1-1']);
    expect(feishu.accepted.map((a) => a.text)).toEqual(['g2-0', 'g1-0', 'g1-1']);
    expect(await unsent(db.models)).toBe(0);
  });

  it('is never dropped: the backoff stops growing at the maximum and it goes out in the end', async () => {
    const telegram = fakePlatform(() => clock.now);
    telegram.failNext(20);
    const [only] = messages('telegram', 'g1', 1);
    await enqueue(db.models, [only], clock.now, createSequence());
    await drainToEmpty(
      senderOf(db.models, (m) => telegram.send(m), clock),
      'telegram',
      clock,
    );

    expect(telegram.accepted).toHaveLength(1);
    const waited = clock.now - T0;
    const expected = Array.from({ length: 20 }, (_, i) =>
      backoffMs(i + 1, DEFAULT_DELIVERY.retryFirstMs, DEFAULT_DELIVERY.retryMaxMs),
    ).reduce((a, b) => a + b, 0);
    expect(waited).toBe(expected);
    expect(backoffMs(20, 2000, 600_000)).toBe(600_000);
    expect(await db.models.PendingMessage.countDocuments({ sentAt: { $ne: null } })).toBe(1);
  });
});
