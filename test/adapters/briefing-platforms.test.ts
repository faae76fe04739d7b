/**
 * The morning briefing reaches a WeCom group and a DingTalk group through the real adapters and
 * the delivery queue; on WeCom, a group nobody has spoken to the bot in yet keeps it queued, the
 * manager is told once, and it goes as soon as someone there @s the bot.
 */
import { createDingtalkAdapter } from '../../adapters/dingtalk';
import { JOBS } from '../../src/jobs';
import { createLogger } from '../../src/log';
import type { ChatAdapter } from '../../src/pipeline/message';
import { runDueJobs } from '../../src/scheduler/jobs';
import { openDelivery } from '../outbox/rig';
import { openBotRig, type BotRig } from './support/bot';
import { startFakeDingtalk } from './support/fake-dingtalk';
import { waitFor } from './support/http';
import { GROUP, STAFF, wecomRig } from './support/wecom-rig';

const NOW = Date.parse('2026-11-22T09:30:00+08:00');

describe('the morning briefing on WeCom and DingTalk', () => {
  let bot: BotRig;
  let adapter: ChatAdapter;
  let close: () => Promise<void>;
  afterEach(async () => {
    await adapter?.stop();
    await close?.();
    await bot?.close();
  });

  const briefingRun = (platform: string, clock: { now: number }) => {
    const delivery = openDelivery(bot.db.models, { [platform]: (m) => adapter.send(m) }, clock);
    return {
      delivery,
      run: async () => {
        await runDueJobs(bot.db.services, JOBS, new Date(clock.now), {
          enqueue: delivery.enqueue,
        });
        await delivery.drain(platform);
      },
    };
  };

  it('reaches a WeCom group an admin bound with @机器人 绑定本群', async () => {
    const r = await wecomRig();
    ({ adapter } = r);
    close = () => r.fake.close();
    bot = await openBotRig('wecom', STAFF, 'admin');
    await adapter.start(bot.handlerFor(adapter));
    r.fake.message({ from: STAFF, chat: 'group', chatId: GROUP, text: '@回头客 绑定本群' });
    await waitFor(() => r.fake.sent().length === 1, 'the binding answer');
    const { run } = briefingRun('wecom', { now: NOW });
    await run();
    const toGroup = r.fake.sent().filter((m) => m.chatId === GROUP);
    expect(toGroup).toHaveLength(2);
    expect(toGroup[1]).toMatchObject({ via: 'push', msgtype: 'markdown' });
    expect(toGroup[1].text).toContain('早报】11月22日');
  });

  it('keeps a refused WeCom briefing queued, tells the manager once, and sends it when the group speaks', async () => {
    const r = await wecomRig();
    ({ adapter } = r);
    close = () => r.fake.close();
    bot = await openBotRig('wecom', STAFF, 'admin');
    // The manager has talked to the bot in private; the group was bound but never spoke to it.
    r.fake.allow(STAFF);
    await bot.db.models.TeamGroup.create({
      storeId: bot.store._id,
      platform: 'wecom',
      chatId: GROUP,
    });
    await adapter.start(bot.handlerFor(adapter));
    const clock = { now: NOW };
    const { delivery, run } = briefingRun('wecom', clock);
    await run();
    await delivery.drain('wecom');
    expect(r.fake.sent().filter((m) => m.chatId === GROUP)).toEqual([]);
    const told = r.fake.sent().filter((m) => m.chatId === STAFF);
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain('@机器人');
    // Retried each minute and refused again: no second notice that day.
    for (let i = 0; i < 5; i++) {
      clock.now += 61_000;
      await delivery.drain('wecom');
    }
    expect(r.fake.sent().filter((m) => m.chatId === STAFF)).toHaveLength(1);
    // Past the day after which a failing message is given up: this one is still queued.
    clock.now += 25 * 3_600_000;
    await delivery.drain('wecom');
    const queued = await bot.db.models.PendingMessage.find({ 'msg.chatId': GROUP }).lean();
    expect(queued.map((p) => [Boolean(p.sentAt), Boolean(p.deadAt)])).toEqual([[false, false]]);

    r.fake.message({ from: STAFF, chat: 'group', chatId: GROUP, text: '@回头客 你好' });
    await waitFor(() => r.fake.sent().some((m) => m.chatId === GROUP), 'the answer in the group');
    clock.now += 61_000;
    await delivery.drain('wecom');
    const inGroup = r.fake.sent().filter((m) => m.chatId === GROUP);
    expect(inGroup.map((m) => m.text).some((t) => t.includes('早报】11月22日'))).toBe(true);
  });

  it('reaches a DingTalk group an admin bound, through the robot API', async () => {
    const fake = await startFakeDingtalk();
    close = () => fake.close();
    adapter = createDingtalkAdapter({
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      robotCode: fake.clientId,
      apiBase: fake.apiBase,
      log: createLogger('silent'),
    });
    bot = await openBotRig('dingtalk', 'staff_wang01', 'admin');
    await adapter.start(bot.handlerFor(adapter));
    await waitFor(() => fake.connections() > 0, 'the Stream connection');
    // The answer to the binding used the message's sessionWebhook; let it lapse at once.
    fake.message({
      from: 'staff_wang01',
      chat: 'group',
      conversationId: 'cidFront==',
      text: '绑定本群',
      webhookValidMs: 0,
    });
    await waitFor(() => fake.sent().length === 1, 'the binding answer');
    const { run } = briefingRun('dingtalk', { now: NOW });
    await run();
    const sent = fake.sent().filter((m) => m.chatId === 'cidFront==');
    expect(sent.map((m) => m.via)).toEqual(['group', 'group']);
    expect(sent[1].text).toContain('早报】11月22日');
  });
});
