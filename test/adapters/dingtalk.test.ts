import { adapterContract } from './contract';
import { createDingtalkAdapter, type DingtalkOptions } from '../../adapters/dingtalk';
import type { Rate } from '../../adapters/shared/rate-limit';
import { createLogger } from '../../src/log';
import type { ChatAdapter, IncomingMessage } from '../../src/pipeline/message';
import { startFakeDingtalk, type FakeDingtalk } from './support/fake-dingtalk';
import { waitFor } from './support/http';

const STAFF = 'staff_wang01';
const STRANGER = 'staff_stranger';
const GROUP = 'cidFrontGroup==';

async function rig(extra: Partial<DingtalkOptions> = {}, rates?: Rate[]) {
  const fake = await startFakeDingtalk();
  const adapter = createDingtalkAdapter({
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    robotCode: fake.clientId,
    apiBase: fake.apiBase,
    log: createLogger('silent'),
    rates,
    ...extra,
  });
  return { fake, adapter };
}

/** The SDK connects after start() resolves when the first try failed: wait for the socket. */
const connected = (fake: FakeDingtalk, n = 1) =>
  waitFor(() => fake.connections() >= n, 'the Stream connection');

adapterContract({
  platform: 'dingtalk',
  textLimit: 3000,
  groupsSeeOnlyMentions: true,
  dropsConnection: true,
  skip: { files: 'DingTalk robots send the text version (no file upload yet)' },
  async open({ rates }) {
    const { fake, adapter } = await rig({}, rates);
    return {
      adapter,
      staff: STAFF,
      stranger: STRANGER,
      group: GROUP,
      directChat: (user) => user,
      started: () => connected(fake, 1),
      async say({ from, chat, text, mention }) {
        // DingTalk passes on no group message that does not @ the robot.
        if (chat === 'group' && !mention) return { redeliver: async () => undefined };
        const cb = fake.message({
          from,
          chat,
          conversationId: chat === 'group' ? GROUP : undefined,
          text,
        });
        return { redeliver: async () => fake.deliver(cb) };
      },
      sent: () => fake.sent().map((m) => ({ chatId: m.chatId, text: m.text, at: m.at })),
      async dropConnection() {
        const before = fake.connections();
        fake.drop();
        await connected(fake, before + 1);
      },
      close: () => fake.close(),
    };
  },
});

describe('dingtalk adapter', () => {
  let fake: FakeDingtalk;
  let adapter: ChatAdapter;
  let got: IncomingMessage[];
  const record = async (m: IncomingMessage) => void got.push(m);
  beforeEach(() => (got = []));
  afterEach(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  it('acknowledges every callback and passes a group message on trimmed and addressed', async () => {
    ({ fake, adapter } = await rig());
    await adapter.start(record);
    await connected(fake);
    const cb = fake.message({
      from: STAFF,
      chat: 'group',
      conversationId: GROUP,
      text: '本周A类客户',
      msgId: 'm1',
    });
    fake.deliver(cb);
    await waitFor(() => fake.acks().length === 2, 'both acknowledgements');
    await new Promise((res) => setTimeout(res, 100));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      platform: 'dingtalk',
      chatId: GROUP,
      chatType: 'group',
      senderId: STAFF,
      text: '本周A类客户',
      mentioned: true,
      messageId: 'm1',
    });
  });

  it('answers through the sessionWebhook while valid, then through the robot OpenAPI', async () => {
    ({ fake, adapter } = await rig());
    await adapter.start(record);
    await connected(fake);
    fake.message({ from: STAFF, chat: 'group', conversationId: GROUP, text: '你好' });
    fake.message({ from: STAFF, chat: 'direct', text: '你好', webhookValidMs: 1000 });
    await waitFor(() => got.length === 2, 'both messages');
    const group = { platform: 'dingtalk', chatId: GROUP, chatType: 'group' as const, to: null };
    const direct = { platform: 'dingtalk', chatId: STAFF, chatType: 'direct' as const, to: STAFF };
    await adapter.send({ ...group, text: '收到\n第二行' });
    // The direct chat's webhook is about to lapse: the send goes by the API instead.
    await adapter.send({ ...direct, text: '今日待回访' });
    expect(fake.sent().map((m) => [m.via, m.chatId, m.text, m.title])).toEqual([
      ['webhook', GROUP, '收到\n第二行', '收到'],
      ['direct', STAFF, '今日待回访', '今日待回访'],
    ]);
  });

  it('sends actions as lines saying what to send', async () => {
    ({ fake, adapter } = await rig());
    await adapter.start(record);
    await adapter.send({
      platform: 'dingtalk',
      chatId: GROUP,
      chatType: 'group',
      to: null,
      text: '今天回访:张总',
      actions: [{ label: '已回访', command: '已回访 张总' }],
    });
    expect(fake.sent()[0]).toMatchObject({
      via: 'group',
      text: '今天回访:张总\n· 已回访: 回复「已回访 张总」',
    });
  });

  it('fails start-up when the client secret is wrong', async () => {
    ({ fake, adapter } = await rig({ clientSecret: 'wrong' }));
    await expect(adapter.start(record)).rejects.toThrow(/HTTP 400/);
  });
});
