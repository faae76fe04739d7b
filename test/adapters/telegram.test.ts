import { createTelegramAdapter } from '../../adapters/telegram';
import { createLogger } from '../../src/log';
import type { ChatAdapter, IncomingMessage } from '../../src/pipeline/message';
import { adapterContract } from './contract';
import {
  BOT,
  startFakeTelegram,
  type FakeTelegram,
  type TgChat,
  type TgUser,
} from './support/fake-telegram';
import { sampleFiles } from './support/files';
import { waitFor } from './support/http';

const STAFF: TgUser = { id: 7001, first_name: '小王' };
const STRANGER: TgUser = { id: 7002, first_name: '路人' };
const GROUP: TgChat = { id: -100200, type: 'supergroup', title: '前厅群' };
const privateChat = (u: TgUser): TgChat => ({ id: u.id, type: 'private' });
const silent = createLogger('silent');

/** A text update, with the bot's @name and its entity when it is a mention. */
function textUpdate(fake: FakeTelegram, from: TgUser, chat: TgChat, text: string, mention = false) {
  if (!mention) return fake.message(from, chat, text);
  const handle = `@${BOT.username}`;
  return fake.message(from, chat, `${handle} ${text}`, {
    entities: [{ type: 'mention', offset: 0, length: handle.length }],
  });
}

adapterContract({
  platform: 'telegram',
  textLimit: 4096,
  async open({ rates }) {
    const fake = await startFakeTelegram();
    const users = new Map([STAFF, STRANGER].map((u) => [String(u.id), u]));
    return {
      adapter: createTelegramAdapter({
        token: fake.token,
        apiRoot: fake.apiRoot,
        log: silent,
        rates: rates ? { bot: rates } : undefined,
      }),
      staff: String(STAFF.id),
      stranger: String(STRANGER.id),
      group: String(GROUP.id),
      directChat: (id) => id,
      async say({ from, chat, text, mention }) {
        const user = users.get(from)!;
        const update = textUpdate(
          fake,
          user,
          chat === 'group' ? GROUP : privateChat(user),
          text,
          mention,
        );
        fake.push(update);
        // Telegram resends an unconfirmed update: the same message in a new delivery.
        return { redeliver: async () => void fake.push(update) };
      },
      sent: () => fake.sent(),
      files: () =>
        fake
          .uploads()
          .map((u) => ({ chatId: u.chatId, name: u.filename, bytes: u.bytes, caption: u.caption })),
      close: () => fake.close(),
    };
  },
});

describe('telegram adapter', () => {
  let fake: FakeTelegram;
  let adapter: ChatAdapter;
  let got: IncomingMessage[];
  const record = async (m: IncomingMessage) => void got.push(m);

  beforeEach(async () => {
    fake = await startFakeTelegram();
    got = [];
    adapter = createTelegramAdapter({ token: fake.token, apiRoot: fake.apiRoot, log: silent });
  });
  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  const out = (text: string, actions?: { label: string; command: string }[]) => ({
    platform: 'telegram',
    chatId: String(GROUP.id),
    chatType: 'group' as const,
    to: null,
    text,
    actions,
  });

  it('turns actions into an inline keyboard, and a press into the command from the presser', async () => {
    await adapter.start(record);
    const long = `回访完成 ${'张总'.repeat(30)}`; // more than 64 bytes: kept in memory, keyed
    await adapter.send(
      out('今天要回访:张总', [
        { label: '已回访', command: '回访完成 张总' },
        { label: '长命令', command: long },
      ]),
    );
    const [sent] = fake.sent();
    const rows = (
      sent.replyMarkup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard;
    expect(rows.map((r) => r[0].text)).toEqual(['已回访', '长命令']);
    for (const r of rows) expect(Buffer.byteLength(r[0].callback_data)).toBeLessThanOrEqual(64);

    const message = {
      message_id: 77,
      from: BOT,
      chat: GROUP,
      date: 0,
      text: sent.text,
      reply_markup: sent.replyMarkup,
    };
    fake.push({
      callback_query: {
        id: 'cb1',
        from: { ...STAFF, is_bot: false },
        chat_instance: 'x',
        message,
        data: rows[0][0].callback_data,
      },
    });
    fake.push({
      callback_query: {
        id: 'cb2',
        from: { ...STRANGER, is_bot: false },
        chat_instance: 'x',
        message,
        data: rows[1][0].callback_data,
      },
    });
    await waitFor(() => got.length === 2, 'both presses');

    expect(got[0]).toMatchObject({
      text: '回访完成 张总',
      senderId: String(STAFF.id),
      chatId: String(GROUP.id),
      chatType: 'group',
      mentioned: true,
    });
    expect(got[1]).toMatchObject({ text: long, senderId: String(STRANGER.id) });
    const answered = fake.calls
      .filter((c) => c.method === 'answerCallbackQuery')
      .map((c) => c.body.callback_query_id);
    expect(answered).toEqual(['cb1', 'cb2']);
    const edit = fake.calls.find((c) => c.method === 'editMessageText')!;
    expect(edit.body).toMatchObject({
      chat_id: GROUP.id,
      message_id: 77,
      text: '今天要回访:张总\n\n✅ 已回访',
    });
    expect(edit.body.reply_markup).toBeUndefined();
  });

  it('answers a press of an unknown button without passing it on', async () => {
    await adapter.start(record);
    const message = { message_id: 5, from: BOT, chat: GROUP, date: 0, text: 'x' };
    fake.push({
      callback_query: {
        id: 'old',
        from: { ...STAFF, is_bot: false },
        chat_instance: 'x',
        message,
        data: 'k:gone:1',
      },
    });
    await waitFor(() => fake.calls.some((c) => c.method === 'answerCallbackQuery'), 'the answer');
    expect(fake.calls.find((c) => c.method === 'answerCallbackQuery')!.body.text).toContain('过期');
    expect(got).toEqual([]);
  });

  it('takes a reply to the bot as addressed to it, and ignores other bots and non-text', async () => {
    await adapter.start(record);
    const botMsg = { message_id: 1, from: BOT, chat: GROUP, date: 0, text: '金额是多少?' };
    fake.push(fake.message(STAFF, GROUP, '2800', { reply_to_message: botMsg }));
    fake.push({
      message: {
        message_id: 9,
        from: { id: 1, is_bot: true, first_name: 'b' },
        chat: GROUP,
        date: 0,
        text: 'spam',
      },
    });
    fake.push({
      message: {
        message_id: 10,
        from: { ...STAFF, is_bot: false },
        chat: GROUP,
        date: 0,
        sticker: {},
      },
    });
    fake.push(fake.message(STAFF, GROUP, '收到'));
    await waitFor(() => got.length === 2, 'two text messages');
    expect(got.map((m) => [m.text, m.mentioned])).toEqual([
      ['2800', true],
      ['收到', false],
    ]);
  });

  it('waits out flood control instead of dropping the message', async () => {
    await adapter.start(record);
    fake.floodOnce(1);
    await adapter.send(out('早报'));
    const attempts = fake.calls.filter((c) => c.method === 'sendMessage');
    expect(attempts).toHaveLength(2);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(1000);
    expect(fake.sent().map((m) => m.text)).toEqual(['早报', '早报']);
  });

  it('picks up, after a restart, updates sent while it was stopped', async () => {
    await adapter.start(record);
    await adapter.stop();
    fake.push(textUpdate(fake, STAFF, privateChat(STAFF), '张总 今晚 3人 消费2800'));
    await new Promise((res) => setTimeout(res, 200));
    expect(got).toEqual([]);
    await adapter.start(record);
    await waitFor(() => got.length === 1, 'the message sent while stopped');
    expect(got[0].text).toBe('张总 今晚 3人 消费2800');
  });

  it('sends a picture with sendPhoto, a spreadsheet with sendDocument, and the text if one is refused', async () => {
    await adapter.start(record);
    const f = await sampleFiles();
    await adapter.send({ ...out(`${f.chart.caption}\n(图)`), attachment: f.chart });
    await adapter.send({ ...out(`${f.sheet.caption}\n文件:${f.sheet.path}`), attachment: f.sheet });
    fake.refuseOnce('sendDocument', 413, 'Request Entity Too Large');
    await adapter.send({ ...out(`${f.sheet.caption}\n文件:${f.sheet.path}`), attachment: f.sheet });
    expect(fake.uploads().map((u) => [u.method, u.chatId, u.field, u.caption])).toEqual([
      ['sendPhoto', String(GROUP.id), 'photo', f.chart.caption],
      ['sendDocument', String(GROUP.id), 'document', f.sheet.caption],
      ['sendDocument', String(GROUP.id), 'document', f.sheet.caption],
    ]);
    expect(fake.sent().map((m) => m.text)).toEqual([`${f.sheet.caption}\n文件:${f.sheet.path}`]);
  });

  it('sends a caption too long for a photo as a message after it', async () => {
    await adapter.start(record);
    const f = await sampleFiles();
    const caption = '张总 ¥2,800\n'.repeat(120);
    await adapter.send({ ...out('文字版'), attachment: { ...f.chart, caption } });
    expect(fake.uploads()[0].caption).toBeUndefined();
    expect(fake.sent().map((m) => m.text)).toEqual([caption]);
  });

  it('fails start-up on a token Telegram does not know', async () => {
    const wrong = createTelegramAdapter({ token: '1:wrong', apiRoot: fake.apiRoot, log: silent });
    await expect(wrong.start(record)).rejects.toThrow(/401|Unauthorized/);
  });
});
