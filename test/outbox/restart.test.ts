import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHolder } from '../../src/holder-file';
import { drainAccount } from '../../src/outbox/drain';
import { createSequence, enqueue } from '../../src/outbox/queue';
import { DEFAULT_DELIVERY } from '../../src/outbox/settings';
import type { OutgoingMessage } from '../../src/pipeline/message';
import { waitUntil } from '../support/wait';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { fakePlatform, messages, openDelivery, senderOf, T0 } from './rig';
import { unsent } from './rig';

describe('sending across a crash, a restart and a second process', () => {
  let db: TestDatabase;
  let clock: { now: number };
  beforeEach(async () => {
    db = await openTestDatabase();
    clock = { now: T0 };
  });
  afterEach(() => db.drop());

  it('sends after a restart what was queued before the crash', async () => {
    const crashed = openDelivery(db.models, {}, clock);
    await crashed.enqueue(messages('wechaty', 'room1', 3));
    const wechat = fakePlatform(() => clock.now);
    const restarted = openDelivery(db.models, { wechaty: (m) => wechat.send(m) }, clock);
    expect((await restarted.drain('wechaty')).map((m) => m.text)).toEqual(['m0', 'm1', 'm2']);
  });

  it('a crash in the middle of sending: the next process sends the rest, nothing twice', async () => {
    const items = messages('wechaty', 'room1', 6);
    await enqueue(db.models, items, clock.now, createSequence());
    const platform = fakePlatform(() => clock.now);
    // The first process sends three, then dies while the platform is taking the fourth.
    let calls = 0;
    const dying = (m: OutgoingMessage) =>
      ++calls <= 3 ? platform.send(m) : new Promise<void>(() => undefined);
    void drainAccount(senderOf(db.models, dying, clock), 'wechaty');
    await waitUntil(async () => calls === 4);

    // The restarted process respects the dead one's claim until its lease runs out...
    const second = openDelivery(db.models, { wechaty: (m) => platform.send(m) }, clock);
    expect(await second.drain('wechaty')).toEqual([]);
    // ...then sends the fourth (the platform never accepted it) and the rest, in order.
    clock.now = T0 + DEFAULT_DELIVERY.sendLeaseMs;
    await second.drain('wechaty');
    expect(platform.accepted.map((a) => a.text)).toEqual(items.map((i) => i.msg.text));
    expect(await unsent(db.models)).toBe(0);
  });

  it("a restart on the same data directory takes over the dead start's send at once", async () => {
    const dirs = [
      mkdtempSync(join(tmpdir(), 'huitouke-holder-')),
      mkdtempSync(join(tmpdir(), 'h-')),
    ];
    try {
      const items = messages('console', 'local', 4, 'm', 'direct');
      await enqueue(db.models, items, clock.now, createSequence());
      const platform = fakePlatform(() => clock.now);
      // The first start sends one reply and is killed while the platform takes the second.
      let calls = 0;
      const dying = (m: OutgoingMessage) =>
        ++calls <= 1 ? platform.send(m) : new Promise<void>(() => undefined);
      void drainAccount(
        senderOf(db.models, dying, clock, undefined, startHolder(dirs[0])),
        'console',
      );
      await waitUntil(async () => calls === 2);

      // Another bot process (its own data directory) may not assume the claim is dead...
      const elsewhere = startHolder(dirs[1]);
      const other = openDelivery(
        db.models,
        { console: platform.send },
        clock,
        undefined,
        elsewhere,
      );
      expect(await other.drain('console')).toEqual([]);
      // ...but the next start on the same one knows it is, and answers without waiting the lease.
      const next = startHolder(dirs[0]);
      const restarted = openDelivery(db.models, { console: platform.send }, clock, undefined, next);
      await restarted.drain('console');
      expect(platform.accepted.map((a) => a.text)).toEqual(items.map((i) => i.msg.text));
      expect(clock.now).toBe(T0);
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });

  it('two processes draining one queue at once send each message once', async () => {
    const items = [...messages('telegram', 'g1', 8, 'a'), ...messages('telegram', 'g2', 8, 'b')];
    const platform = fakePlatform(() => clock.now);
    const one = openDelivery(db.models, { telegram: (m) => platform.send(m) }, clock);
    const two = openDelivery(db.models, { telegram: (m) => platform.send(m) }, clock);
    await one.enqueue(items.slice(0, 8));
    await two.enqueue(items.slice(8));
    for (let i = 0; i < 5; i++) await Promise.all([one.drain('telegram'), two.drain('telegram')]);
    clock.now += DEFAULT_DELIVERY.retryFirstMs;
    await Promise.all([one.drain('telegram'), two.drain('telegram')]);

    const texts = platform.accepted.map((a) => a.text);
    expect([...texts].sort()).toEqual(items.map((i) => i.msg.text).sort());
    // Per chat, still in order.
    expect(texts.filter((t) => t.startsWith('a'))).toEqual(
      items.slice(0, 8).map((i) => i.msg.text),
    );
  });

  it('skips a key already queued or already sent', async () => {
    const platform = fakePlatform(() => clock.now);
    const delivery = openDelivery(db.models, { feishu: (m) => platform.send(m) }, clock);
    const items = messages('feishu', 'g1', 2);
    await delivery.enqueue([...items, ...items]);
    await delivery.drain('feishu');
    await delivery.enqueue(items);
    await delivery.drain('feishu');
    expect(platform.accepted.map((a) => a.text)).toEqual(['m0', 'm1']);
  });
});
