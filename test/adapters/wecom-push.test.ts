/**
 * 本群推送 on WeCom: a manager gives a bound group its 消息推送 webhook; when the bot's own push
 * into that group is refused (the group has not spoken to it lately), the morning briefing goes
 * through the webhook instead and counts as sent. The key is never logged, never shown whole,
 * never kept whole in the message log. Real SDK, stand-ins on 127.0.0.1.
 */
import { ensureStaff } from '../../src/archive/staff';
import { groupPushKeyOf } from '../../src/archive/stores';
import { JOBS } from '../../src/jobs';
import { createLogger } from '../../src/log';
import { createDelivery } from '../../src/outbox/delivery';
import { DEFAULT_DELIVERY } from '../../src/outbox/settings';
import { runDueJobs } from '../../src/scheduler/jobs';
import { openBotRig, type BotRig } from './support/bot';
import { startFakeWebhook, type FakeWebhook } from './support/fake-wecom-webhook';
import { waitFor } from './support/http';
import { GROUP, STAFF, wecomRig, type WecomRig } from './support/wecom-rig';
import type { Rate } from '../../adapters/shared/rate-limit';

const NOW = Date.parse('2026-11-22T09:30:00+08:00');
const KEY = 'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b3f2a';
const URL_OF = (key: string) => `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`;
const WAITER = 'xiaoli_waiter';

describe('本群推送 (WeCom group webhook)', () => {
  let r: WecomRig;
  let hook: FakeWebhook;
  let bot: BotRig;
  let lines: string[];
  const clock = { now: NOW };

  afterEach(async () => {
    await r?.adapter.stop();
    await r?.fake.close();
    await hook?.close();
    await bot?.close();
  });

  async function open(webhookRates?: Rate[]) {
    lines = [];
    clock.now = NOW;
    const log = createLogger('debug', (l) => void lines.push(l));
    hook = await startFakeWebhook();
    hook.add(KEY);
    r = await wecomRig({ webhookBase: hook.base, log, webhookRates });
    bot = await openBotRig('wecom', STAFF, 'admin');
    bot.db.services.log = log;
    await ensureStaff(bot.db.models, bot.store, {
      platform: 'wecom',
      userId: WAITER,
      name: '小李',
      role: 'staff',
    });
    // The manager has talked to the bot in private: notices to them are taken.
    r.fake.allow(STAFF);
    await r.adapter.start(bot.handlerFor(r.adapter), bot.lookups);
    const delivery = createDelivery({
      models: bot.db.models,
      log,
      settings: DEFAULT_DELIVERY,
      now: () => clock.now,
    });
    delivery.addSender('wecom', (m) => r.adapter.send(m));
    return delivery;
  }

  /** Say something in the group with an @ and wait for the answer there. */
  async function say(from: string, text: string): Promise<string> {
    const before = r.fake.sent().length;
    r.fake.message({ from, chat: 'group', chatId: GROUP, text: `@回头客 ${text}` });
    await waitFor(() => r.fake.sent().length > before, `the answer to ${text}`);
    return r.fake.sent()[before].text;
  }

  const briefing = async (delivery: ReturnType<typeof createDelivery>) => {
    await runDueJobs(bot.db.services, JOBS, new Date(clock.now), { enqueue: delivery.enqueue });
    await delivery.drain('wecom');
  };
  const queuedForGroup = () => bot.db.models.PendingMessage.find({ 'msg.chatId': GROUP }).lean();
  const toManager = () => r.fake.sent().filter((m) => m.chatId === STAFF);

  it('sends the briefing through the group’s webhook when the push is refused, the key shown and kept masked', async () => {
    const delivery = await open();
    await say(STAFF, '绑定本群');
    const answer = await say(STAFF, `设置 本群推送 ${URL_OF(KEY)}`);
    expect(answer).toContain('已设置本群推送(key ••••3f2a)');
    await expect(groupPushKeyOf(bot.db.models, 'wecom', GROUP)).resolves.toBe(KEY);
    // Days later: nobody in the group has spoken to the bot since, so its push is refused.
    r.fake.lapse(GROUP);
    await briefing(delivery);

    expect(r.fake.sent().filter((m) => m.chatId === GROUP && m.via === 'push')).toEqual([]);
    expect(hook.posts()).toHaveLength(1);
    expect(hook.posts()[0]).toMatchObject({ key: KEY, msgtype: 'markdown' });
    expect(hook.posts()[0].content).toContain('早报】11月22日');
    const queued = await queuedForGroup();
    expect(queued.map((p) => Boolean(p.sentAt))).toEqual([true]);
    expect(toManager()).toEqual([]);
    // Sent means sent: a later pass sends nothing again.
    clock.now += 61_000;
    await delivery.drain('wecom');
    expect(hook.posts()).toHaveLength(1);

    const everywhere = [
      ...lines,
      ...r.fake.sent().map((m) => m.text),
      ...(await bot.db.models.MessageLog.find().lean()).map((m) => String(m.text)),
    ].join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(everywhere).not.toContain(KEY);
    const logged = await bot.db.models.MessageLog.find({ text: /本群推送/ }).lean();
    expect(logged.map((m) => m.text)).toEqual([`设置 本群推送 ${URL_OF('••••3f2a')}`]);
  });

  it('accepts the key alone, and splits a long message under 4,096 bytes at 20 a minute', async () => {
    await open([{ max: 2, perMs: 500 }]);
    await say(STAFF, '绑定本群');
    expect(await say(STAFF, `设置 本群推送 ${KEY}`)).toContain('••••3f2a');
    r.fake.lapse(GROUP);
    const text = ['甲', '乙', '丙', '丁', '戊', '己'].map((c) => c.repeat(1000)).join('\n');
    await r.adapter.send({ platform: 'wecom', chatId: GROUP, chatType: 'group', to: null, text });
    const posts = hook.posts();
    expect(hook.refused()).toEqual([]);
    expect(posts.every((p) => Buffer.byteLength(p.content) <= 4096)).toBe(true);
    expect(posts.map((p) => p.content).join('\n')).toBe(text);
    expect(posts.length).toBeGreaterThan(2);
    // The third waited for the webhook's window (scaled down here from 20 a minute).
    expect(posts[2].at - posts[0].at).toBeGreaterThanOrEqual(500 - 50);
  });

  it('keeps the briefing queued when the webhook refuses it, and tells the manager once', async () => {
    const delivery = await open();
    await say(STAFF, '绑定本群');
    const wrong = 'ffffffff-0000-4000-8000-00000000dead';
    await say(STAFF, `设置 本群推送 ${URL_OF(wrong)}`);
    r.fake.lapse(GROUP);
    await briefing(delivery);
    expect(hook.refused()).toEqual([93000]);
    expect(hook.posts()).toEqual([]);
    expect(toManager()).toHaveLength(1);
    expect(toManager()[0].text).toContain('本群推送也没发出去');
    expect(toManager()[0].text).toContain('93000');
    for (let i = 0; i < 4; i++) {
      clock.now += 61_000;
      await delivery.drain('wecom');
    }
    expect(hook.refused().length).toBeGreaterThan(1);
    expect(toManager()).toHaveLength(1);
    const queued = await queuedForGroup();
    expect(queued.map((p) => [Boolean(p.sentAt), Boolean(p.deadAt)])).toEqual([[false, false]]);
    expect([...lines, ...r.fake.sent().map((m) => m.text)].join('\n')).not.toContain(wrong);
  });

  it('refuses a staff member who is no manager, and keeps no trace of the key', async () => {
    await open();
    await say(STAFF, '绑定本群');
    expect(await say(WAITER, `设置 本群推送 ${URL_OF(KEY)}`)).toBe(
      '本群推送需要店长或管理员来设置',
    );
    await expect(groupPushKeyOf(bot.db.models, 'wecom', GROUP)).resolves.toBeUndefined();
    const logged = (await bot.db.models.MessageLog.find().lean()).map((m) => String(m.text));
    expect(logged.join('\n')).not.toContain(KEY);
    expect(lines.join('\n')).not.toContain(KEY);
  });

  it('stops sending through the webhook after 设置 本群推送 关闭', async () => {
    const delivery = await open();
    await say(STAFF, '绑定本群');
    await say(STAFF, `设置 本群推送 ${URL_OF(KEY)}`);
    expect(await say(STAFF, '设置 本群推送 关闭')).toContain('已关闭本群推送');
    r.fake.lapse(GROUP);
    await briefing(delivery);
    expect(hook.posts()).toEqual([]);
    const queued = await queuedForGroup();
    expect(queued.map((p) => Boolean(p.sentAt))).toEqual([false]);
    expect(toManager()).toHaveLength(1);
    expect(toManager()[0].text).toContain('@机器人');
  });
});
