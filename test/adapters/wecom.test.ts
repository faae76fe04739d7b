import { adapterContract } from './contract';
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
