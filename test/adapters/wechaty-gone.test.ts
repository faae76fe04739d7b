/**
 * Issue 16: a WeChat id that is gone (every id changes at a re-login) makes the wechaty adapter
 * throw ChatGone, and the outbox gives such a message up after a few tries at once, instead of
 * retrying it for a day: marked dead, told to the admin once, its chat's later messages free.
 */
import { loadConfig } from '../../src/config';
import { directTo, isChatGone, ChatGone, type ChatAdapter } from '../../src/pipeline/message';
import { GONE_GIVE_UP_FAILURES } from '../../src/outbox/send';
import { DEFAULT_DELIVERY } from '../../src/outbox/settings';
import { ensureStaff, ensureStore } from '../../src/setup';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { messages, openDelivery, T0, unsent } from '../outbox/rig';
import { silentAdapterOn, startFakeWechat, type FakeWechat } from './support/fake-wechat';

const MINUTE = 60_000;

describe('a WeChat chat that is gone', () => {
  let w: FakeWechat;
  let adapter: ChatAdapter;
  let db: TestDatabase;

  beforeEach(async () => {
    w = startFakeWechat();
    adapter = silentAdapterOn(w);
    await adapter.start(async () => undefined);
    await w.login();
    db = await openTestDatabase();
  });
  afterEach(async () => {
    await adapter.stop();
    w.close();
    await db.drop();
  });

  it('is refused as ChatGone by the adapter, whether wechaty had seen it or not', async () => {
    const to = (id: string) => directTo({ identities: [`wechaty:${id}`] }, '你好');
    await adapter.send(to(w.stranger.id));
    await w.forget(w.stranger.id);
    const seenBefore = await adapter.send(to(w.stranger.id)).catch((e: unknown) => e);
    const neverSeen = await adapter.send(to('wxid_nobody')).catch((e: unknown) => e);
    expect(isChatGone(seenBefore)).toBe(true);
    expect(isChatGone(neverSeen)).toBe(true);
    // A chat that is there is not taken for gone.
    await adapter.send(to(w.staff.id));
    expect(w.sent.map((m) => m.chatId)).toEqual([w.stranger.id, w.staff.id]);
  });

  it('is given up after a few tries within minutes, told to the admin once per message', async () => {
    const store = await ensureStore(db.models, loadConfig({}));
    await ensureStaff(db.models, store, {
      platform: 'wechaty',
      userId: w.staff.id,
      name: '小王',
      role: 'admin',
    });
    await ensureStaff(db.models, store, {
      platform: 'wechaty',
      userId: w.stranger.id,
      name: '王芳',
      role: 'staff',
    });
    await w.forget(w.stranger.id);
    const clock = { now: T0 };
    const delivery = openDelivery(db.models, { wechaty: (m) => adapter.send(m) }, clock);
    await delivery.enqueue(messages('wechaty', w.stranger.id, 2, 'm', 'direct'));
    for (let pass = 0; pass < 12; pass++) {
      await delivery.drain('wechaty');
      clock.now += MINUTE;
    }
    const dead = await db.models.PendingMessage.find({ deadAt: { $ne: null } }).lean();
    expect(dead.map((d) => [d._id, d.failures, d.chatGone])).toEqual([
      [`test:wechaty:${w.stranger.id}:m0`, GONE_GIVE_UP_FAILURES, true],
      [`test:wechaty:${w.stranger.id}:m1`, GONE_GIVE_UP_FAILURES, true],
    ]);
    // Minutes, not the day a failing platform gets.
    expect(clock.now - T0).toBeLessThan(DEFAULT_DELIVERY.giveUpMs / 10);
    const notices = w.sent.filter((m) => m.chatId === w.staff.id);
    expect(notices).toHaveLength(2);
    expect(notices[0].text).toContain('发不出去');
    expect(notices[0].text).toContain('绑定本群');
    expect(await unsent(db.models)).toBe(0);
  });

  it('no longer holds its chat: the next message goes out once it is given up', async () => {
    const store = await ensureStore(db.models, loadConfig({}));
    await db.models.TeamGroup.create({ storeId: store._id, platform: 'tg', chatId: 'g1' });
    const clock = { now: T0 };
    const accepted: string[] = [];
    const send = async (m: { text: string }) => {
      if (m.text === 'm0') throw new ChatGone('chat not found');
      accepted.push(m.text);
    };
    const delivery = openDelivery(db.models, { tg: send as never }, clock);
    await delivery.enqueue(messages('tg', 'g1', 3));
    for (let pass = 0; pass < 10 && accepted.length < 2; pass++) {
      await delivery.drain('tg');
      clock.now += MINUTE;
    }
    expect(accepted).toEqual(['m1', 'm2']);
    const m0 = await db.models.PendingMessage.findById('test:tg:g1:m0').lean();
    expect(m0?.failures).toBe(GONE_GIVE_UP_FAILURES);
    expect(m0?.deadAt).toBeInstanceOf(Date);
  });
});
