import { adapterContract } from './contract';
import type { IncomingMessage } from '../../src/pipeline/message';
import { cardActionEvent, messageEvent } from './support/feishu-events';
import { GROUP, p2p, rig, STAFF, STRANGER, type Rigged } from './support/feishu-rig';
import type { FakeFeishu } from './support/fake-feishu';
import { sampleFiles } from './support/files';
import { waitFor } from './support/http';

/** Image and file messages, with the bytes uploaded under the key each one names. */
function filesSent(fake: FakeFeishu) {
  return fake
    .sent()
    .filter((m) => m.msgType === 'image' || m.msgType === 'file')
    .map((m) => {
      const key = String(m.content.image_key ?? m.content.file_key);
      const up = fake.uploads().find((u) => u.key === key)!;
      return { chatId: m.chatId, name: up.fields.file_name ?? up.filename, bytes: up.bytes };
    });
}

for (const mode of ['webhook', 'ws'] as const) {
  adapterContract({
    platform: 'feishu',
    textLimit: 4000,
    async open({ rates }) {
      const { fake, adapter, deliver } = await rig(mode, {}, rates);
      return {
        adapter,
        staff: STAFF,
        stranger: STRANGER,
        group: GROUP,
        directChat: p2p,
        async say({ from, chat, text, mention }) {
          const ev = messageEvent({
            from,
            text,
            mentionBot: mention,
            chatId: chat === 'group' ? GROUP : p2p(from),
            chatType: chat === 'group' ? 'group' : 'p2p',
          });
          await deliver(ev);
          // The SDK may hand over the very same event (same event_id) twice.
          return { redeliver: async () => void (await deliver(ev)) };
        },
        sent: () =>
          fake
            .sent()
            .filter((m) => m.msgType === 'text' || m.msgType === 'interactive')
            .map((m) => ({ chatId: m.chatId, text: m.text, at: m.at })),
        files: () => filesSent(fake),
        close: () => fake.close(),
      };
    },
  });
}

describe('feishu adapter', () => {
  let r: Rigged;
  let got: IncomingMessage[];
  const record = async (m: IncomingMessage) => void got.push(m);
  beforeEach(() => (got = []));
  afterEach(async () => {
    await r.adapter.stop();
    await r.fake.close();
  });

  it('passes a redelivered message on with the same message id, for the pipeline to drop', async () => {
    r = await rig('ws');
    await r.adapter.start(record);
    const ev = messageEvent({
      from: STAFF,
      chatId: GROUP,
      chatType: 'group',
      text: '收到',
      messageId: 'om_same',
    });
    await r.deliver(ev);
    await r.deliver(ev);
    await r.deliver(
      messageEvent({
        from: STAFF,
        chatId: GROUP,
        chatType: 'group',
        text: '收到',
        messageId: 'om_same',
      }),
    );
    await waitFor(() => got.length === 2, 'two deliveries');
    expect(got.map((m) => m.messageId)).toEqual(['om_same', 'om_same']);
    expect(got[0]).toMatchObject({
      senderId: STAFF,
      chatType: 'group',
      mentioned: false,
      text: '收到',
    });
  });

  it('sends actions as a card; a press comes back as the command and marks the card', async () => {
    r = await rig('ws');
    await r.adapter.start(record);
    await r.adapter.send({
      platform: 'feishu',
      chatId: p2p(STAFF),
      chatType: 'direct',
      to: STAFF,
      text: '今天回访:张总',
      actions: [
        { label: '已回访', command: '回访完成 张总' },
        { label: '改天', command: '回访推迟 张总' },
      ],
    });
    const [card] = r.fake.sent();
    expect(card.msgType).toBe('interactive');
    const buttons = (
      card.content.elements as {
        tag: string;
        actions?: { value: unknown; text: { content: string } }[];
      }[]
    ).find((e) => e.tag === 'action')!.actions!;
    expect(buttons.map((b) => [b.text.content, b.value])).toEqual([
      ['已回访', { command: '回访完成 张总' }],
      ['改天', { command: '回访推迟 张总' }],
    ]);

    await r.deliver(
      cardActionEvent({
        operator: STAFF,
        messageId: card.messageId,
        chatId: p2p(STAFF),
        command: '回访完成 张总',
      }),
    );
    await waitFor(
      () => got.length === 1 && r.fake.patches.length === 1,
      'the press and the card update',
    );
    expect(got[0]).toMatchObject({
      text: '回访完成 张总',
      senderId: STAFF,
      chatId: p2p(STAFF),
      chatType: 'direct',
      mentioned: true,
    });
    const patched = JSON.stringify(r.fake.patches[0]);
    expect(r.fake.patches[0].messageId).toBe(card.messageId);
    expect(patched).toContain('✅ 已回访');
    expect(patched).not.toContain('"tag":"button"');
  });

  it('uploads a picture for messages and a spreadsheet as xls, each followed by its caption', async () => {
    r = await rig('ws');
    await r.adapter.start(record);
    const f = await sampleFiles();
    const to = { platform: 'feishu', chatId: GROUP, chatType: 'group' as const, to: null };
    await r.adapter.send({ ...to, text: '文字版周报', attachment: f.chart });
    await r.adapter.send({
      ...to,
      text: `${f.sheet.caption}\n文件:${f.sheet.path}`,
      attachment: f.sheet,
    });
    expect(r.fake.uploads().map((u) => [u.field, u.fields])).toEqual([
      ['image', { image_type: 'message' }],
      ['file', { file_type: 'xls', file_name: f.sheet.name }],
    ]);
    expect(r.fake.sent().map((m) => [m.chatId, m.msgType, m.text || m.content])).toEqual([
      [GROUP, 'image', { image_key: r.fake.uploads()[0].key }],
      [GROUP, 'text', f.chart.caption],
      [GROUP, 'file', { file_key: r.fake.uploads()[1].key }],
      [GROUP, 'text', f.sheet.caption],
    ]);
  });

  it('sends the text when Feishu refuses the upload, and fails (to be retried) when it is down', async () => {
    r = await rig('ws');
    await r.adapter.start(record);
    const f = await sampleFiles();
    const msg = {
      platform: 'feishu',
      chatId: GROUP,
      chatType: 'group' as const,
      to: null,
      text: `${f.sheet.caption}\n文件:${f.sheet.path}`,
      attachment: f.sheet,
    };
    r.fake.refuseUploadOnce(400, 234006); // the file is too large
    await r.adapter.send(msg);
    expect(r.fake.sent().map((m) => m.text)).toEqual([msg.text]);
    r.fake.refuseUploadOnce(503, 1);
    await expect(r.adapter.send(msg)).rejects.toThrow();
    expect(r.fake.sent()).toHaveLength(1);
  });

  it('fails start-up when the app secret is wrong', async () => {
    r = await rig('ws', { appSecret: 'wrong' });
    await expect(r.adapter.start(record)).rejects.toThrow();
  });
});
