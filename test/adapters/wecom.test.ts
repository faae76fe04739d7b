import { adapterContract } from './contract';
import { JOBS } from '../../src/jobs';
import { runDueJobs } from '../../src/scheduler/jobs';
import { openDelivery } from '../outbox/rig';
import { withoutMentions } from '../../adapters/wecom/incoming';
import type { IncomingMessage } from '../../src/pipeline/message';
import { openBotRig, type BotRig } from './support/bot';
import { waitFor } from './support/http';
import { GROUP, shownText, STAFF, STRANGER, wecomRig, type WecomRig } from './support/wecom-rig';

const MENTION = '@回头客\u2005';

adapterContract({
  platform: 'wecom',
  textLimit: 4000,
  groupsSeeOnlyMentions: true,
  refusesPushUntilSpoken: true,
  dropsConnection: true,
  async open({ rates }) {
    const { fake, adapter } = await wecomRig({}, rates);
    // The staff member has talked to the bot in private before: pushes there are taken.
    fake.allow(STAFF);
    return {
      adapter,
      staff: STAFF,
      stranger: STRANGER,
      group: GROUP,
      directChat: (user) => user,
      async say({ from, chat, text, mention }) {
        // WeCom passes on no group message that does not @ the bot.
        if (chat === 'group' && !mention) return { redeliver: async () => undefined };
        const frame = fake.message({
          from,
          chat: chat === 'group' ? 'group' : 'single',
          chatId: chat === 'group' ? GROUP : undefined,
          text: chat === 'group' ? `${MENTION}${text}` : text,
        });
        // The platform may deliver the very same msgid twice.
        return { redeliver: async () => fake.deliver(frame) };
      },
      sent: () =>
        fake
          .sent()
          .filter((m) => ['stream', 'markdown', 'template_card'].includes(m.msgtype))
          .map((m) => ({ chatId: m.chatId, text: shownText(m), at: m.at })),
      files: () =>
        fake
          .sent()
          .filter((m) => m.msgtype === 'image' || m.msgtype === 'file')
          .map((m) => {
            const up = fake.uploads().find((u) => u.mediaId === m.mediaId)!;
            return { chatId: m.chatId, name: up.filename, bytes: up.bytes };
          }),
      async dropConnection() {
        const before = fake.logins();
        fake.drop();
        await waitFor(() => fake.logins() > before, 'the SDK to log in again');
      },
      close: () => fake.close(),
    };
  },
});

describe('wecom adapter', () => {
  let r: WecomRig;
  let got: IncomingMessage[];
  const record = async (m: IncomingMessage) => void got.push(m);
  beforeEach(() => (got = []));
  afterEach(async () => {
    await r?.adapter.stop();
    await r?.fake.close();
  });

  it('takes the @-mention out of a group message, wherever the name stands', () => {
    expect(withoutMentions('@回头客\u2005张总 今晚 3人 消费2800')).toBe('张总 今晚 3人 消费2800');
    expect(withoutMentions('@回头客 @小李 张总 今晚')).toBe('张总 今晚');
    expect(withoutMentions('张总 今晚 3人 2800 @回头客')).toBe('张总 今晚 3人 2800');
    expect(withoutMentions('@回头客 张总 和 @小李 一起来的')).toBe('张总 和 @小李 一起来的');
  });

  it('passes a group message on as addressed, with the sender and the group', async () => {
    r = await wecomRig();
    await r.adapter.start(record);
    r.fake.message({ from: STAFF, chat: 'group', chatId: GROUP, text: `${MENTION}本周A类客户` });
    await waitFor(() => got.length === 1, 'the message');
    expect(got[0]).toMatchObject({
      platform: 'wecom',
      chatId: GROUP,
      chatType: 'group',
      senderId: STAFF,
      text: '本周A类客户',
      mentioned: true,
    });
  });

  it('holds each chat to 30 messages a minute, another chat not waiting for it', async () => {
    r = await wecomRig({ chatRates: [{ max: 2, perMs: 500 }] });
    await r.adapter.start(record);
    r.fake.allow('a');
    r.fake.allow('b');
    const to = (chatId: string, text: string) =>
      r.adapter.send({ platform: 'wecom', chatId, chatType: 'direct', to: chatId, text });
    const busy = Promise.all([1, 2, 3, 4].map((i) => to('a', `a${i}`)));
    await to('b', 'b1');
    // b's message went while a's third still waits for its chat's window.
    const order = r.fake.sent().map((m) => m.text);
    expect(order).toContain('b1');
    expect(order).not.toContain('a3');
    await busy;
    const a = r.fake.sent().filter((m) => m.chatId === 'a');
    expect(a[2].at - a[0].at).toBeGreaterThanOrEqual(500 - 80);
  });

  it('stops, saying why, when another process takes the bot’s connection', async () => {
    const lines: string[] = [];
    const log = {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (m: string) => void lines.push(m),
      child: () => log,
    };
    r = await wecomRig({ log: log as never });
    await r.adapter.start(record);
    const logins = r.fake.logins();
    r.fake.takeOver();
    await waitFor(() => lines.some((l) => /another process/.test(l)), 'the log line');
    await new Promise((res) => setTimeout(res, 400));
    // No fight over the connection: this process does not log in again.
    expect(r.fake.logins()).toBe(logins);
    await expect(
      r.adapter.send({
        platform: 'wecom',
        chatId: STAFF,
        chatType: 'direct',
        to: STAFF,
        text: 'x',
      }),
    ).rejects.toThrow(/another process/);
  });

  it('fails start-up when the secret is wrong', async () => {
    r = await wecomRig({ secret: 'wrong' });
    await expect(r.adapter.start(record)).rejects.toThrow(/WECOM_BOT_SECRET/);
  });

  describe('with the real bot', () => {
    let bot: BotRig;
    afterEach(async () => bot?.close());

    for (const where of ['template_card_event', 'event'] as const) {
      it(`closes a follow-up from a card button (click under ${where})`, async () => {
        r = await wecomRig();
        bot = await openBotRig('wecom', STAFF);
        await r.adapter.start(bot.handlerFor(r.adapter));
        r.fake.message({ from: STAFF, chat: 'single', text: '张总 昨晚 3人 消费2800' });
        await waitFor(() => r.fake.sent().length === 1, 'the confirmation');
        await r.adapter.send({
          platform: 'wecom',
          chatId: STAFF,
          chatType: 'direct',
          to: STAFF,
          text: '今天回访\n张总 昨晚来过 3人',
          actions: [
            { label: '已回访', command: '已回访 张总' },
            { label: '跳过', command: '跳过 张总' },
            { label: '改天', command: '张总 改天' },
          ],
        });
        const card = r.fake.sent()[1].card!;
        expect(card.card_type).toBe('button_interaction');
        const buttons = card.button_list as { text: string; key: string }[];
        expect(buttons.map((b) => b.text)).toEqual(['已回访', '跳过', '改天']);

        r.fake.cardClick({
          from: STAFF,
          chat: 'single',
          key: buttons[0].key,
          taskId: String(card.task_id),
          where,
        });
        await waitFor(() => r.fake.sent().length === 3, 'the answer to the click');
        expect(r.fake.sent()[2].text).toMatch(/^已记录回访 张总/);
        const customer = await bot.db.models.Customer.findOne({ name: '张总' }).lean();
        expect(customer?.followUps.map((f) => f.action)).toEqual(['done']);
        // The card is redrawn on the click's frame: the pressed button marked, nothing to press.
        await waitFor(() => r.fake.updates().length === 1, 'the card redraw');
        const redrawn = JSON.stringify(r.fake.updates()[0]);
        expect(redrawn).toContain('✅ 已回访');
        expect(redrawn).not.toContain('跳过');
      });
    }
  });
});

describe('the morning follow-up list on WeCom', () => {
  const VISITED = Date.parse('2026-11-21T21:00:00+08:00');
  const MORNING = Date.parse('2026-11-22T09:30:00+08:00');
  const NAMES = ['张总', '李姐', '王老板', '赵哥', '孙总', '周姐'];
  let r: WecomRig;
  let bot: BotRig;
  afterEach(async () => {
    await r?.adapter.stop();
    await r?.fake.close();
    await bot?.close();
  });

  it('carries one card per customer for the first five, and a press closes that follow-up', async () => {
    r = await wecomRig();
    bot = await openBotRig('wecom', STAFF, 'admin');
    r.fake.allow(STAFF);
    await r.adapter.start(bot.handlerFor(r.adapter), bot.lookups);
    const handle = bot.handlerFor(r.adapter);
    for (const [i, name] of NAMES.entries())
      await handle({
        platform: 'wecom',
        chatId: STAFF,
        chatType: 'direct',
        senderId: STAFF,
        text: `${name} 今晚 2人 消费800`,
        mentioned: false,
        messageId: `visit_${i}`,
        time: new Date(VISITED),
      });
    const before = r.fake.sent().length;
    const clock = { now: MORNING };
    const delivery = openDelivery(bot.db.models, { wecom: (m) => r.adapter.send(m) }, clock);
    await runDueJobs(bot.db.services, JOBS, new Date(clock.now), { enqueue: delivery.enqueue });
    await delivery.drain('wecom');

    const morning = r.fake.sent().slice(before);
    const list = morning.find((m) => /待回访 6位/.test(m.text));
    expect(list?.via).toBe('push');
    const cards = morning.filter((m) => m.card);
    expect(cards).toHaveLength(5);
    // The cards follow the list, each titled with its line of the list.
    expect(morning.indexOf(cards[0])).toBeGreaterThan(morning.indexOf(list!));
    const titles = cards.map((c) => shownText(c));
    const carded = titles.map((t) => /^\d\. (\S+?)\(/.exec(t)?.[1]);
    expect(new Set(carded).size).toBe(5);
    for (const t of titles) expect(list!.text).toContain(t.split('\n')[0]);
    expect(NAMES.filter((n) => !carded.includes(n))).toHaveLength(1);
    for (const c of cards) {
      const buttons = c.card!.button_list as { text: string }[];
      expect(buttons.map((b) => b.text)).toEqual(['已回访', '跳过', '改天']);
    }

    const press = (
      card: (typeof cards)[number],
      n: number,
      where: 'event' | 'template_card_event',
    ) => {
      const key = (card.card!.button_list as { key: string }[])[n].key;
      const taskId = String(card.card!.task_id);
      r.fake.cardClick({
        from: STAFF,
        chat: 'single',
        key,
        taskId,
        where,
        at: MORNING + 3_600_000,
      });
    };
    const sentNow = r.fake.sent().length;
    press(cards[0], 0, 'template_card_event');
    await waitFor(() => r.fake.sent().length === sentNow + 1, 'the answer to 已回访');
    press(cards[1], 1, 'event');
    await waitFor(() => r.fake.sent().length === sentNow + 2, 'the answer to 跳过');
    const actionsOf = async (name: string) =>
      (await bot.db.models.Customer.findOne({ name }).lean())?.followUps.map((f) => f.action);
    expect(await actionsOf(carded[0]!)).toEqual(['done']);
    expect(await actionsOf(carded[1]!)).toEqual(['skipped']);
    expect(await actionsOf(carded[2]!)).toEqual([]);
    // Closed: the list asked for later holds the other four, each with its card.
    const mine = r.fake.sent().length;
    await handle({
      platform: 'wecom',
      chatId: STAFF,
      chatType: 'direct',
      senderId: STAFF,
      text: '我的待回访',
      mentioned: false,
      messageId: 'mine_1',
      time: new Date(MORNING + 7_200_000),
    });
    const again = r.fake.sent().slice(mine);
    expect(again[0].text).toContain('待回访 4位');
    expect(again[0].text).not.toContain(`${carded[0]}(`);
    expect(again.filter((m) => m.card)).toHaveLength(4);
  });
});
