/**
 * WeChat for tests: the real wechaty on wechaty-puppet-mock's Mocker. The bot's account, two
 * contacts and a group room; what the bot says is read back from the mocker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { types } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { waitFor } from './http';

export interface FakeWechat {
  mocker: mock.Mocker;
  puppet: PuppetMock;
  bot: mock.ContactMock;
  staff: mock.ContactMock;
  stranger: mock.ContactMock;
  room: mock.RoomMock;
  dataDir: string;
  sent: { chatId: string; text: string; at: number }[];
  /** Pictures and files the bot sent, with their bytes. */
  files: { chatId: string; name: string; bytes: Buffer; type: types.Message }[];
  /** A contact says something in the room or to the bot; returns the message id. */
  say(from: mock.ContactMock, where: 'group' | 'direct', text: string, mention?: boolean): string;
  redeliver(messageId: string): void;
  login(): Promise<void>;
  close(): void;
}

export function startFakeWechat(): FakeWechat {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const bot = mocker.createContact({ id: 'wxid_bot', name: '回头客' });
  const staff = mocker.createContact({ id: 'wxid_wang', name: '小王' });
  const stranger = mocker.createContact({ id: 'wxid_lu', name: '路人' });
  // The mock puppet tells rooms from contacts by the @ in the id, as WeChat's own ids do.
  const room = mocker.createRoom({
    id: 'front@chatroom',
    topic: '前厅群',
    memberIdList: [bot.id, staff.id, stranger.id],
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'huitouke-wechat-'));
  const sent: FakeWechat['sent'] = [];
  const files: FakeWechat['files'] = [];
  bot.on('message', (m) => {
    if (m.payload.talkerId !== bot.id) return;
    const p = m.payload as { roomId?: string; listenerId?: string; text?: string };
    const chatId = p.roomId ?? p.listenerId ?? '';
    // The mocker keeps a sent FileBox as its JSON: base64 bytes and the name.
    const box = mocker.cacheFileBoxPayload.get(m.id) as
      { name: string; base64?: string } | undefined;
    if (box) {
      const bytes = Buffer.from(box.base64 ?? '', 'base64');
      files.push({ chatId, name: box.name, bytes, type: m.payload.type });
    } else sent.push({ chatId, text: p.text ?? '', at: Date.now() });
  });
  return {
    mocker,
    puppet,
    bot,
    staff,
    stranger,
    room,
    dataDir,
    sent,
    files,
    say(from, where, text, mention = false) {
      const before = new Set(mocker.cacheMessagePayload.keys());
      from
        .say(mention ? `@${bot.payload.name} ${text}` : text, mention ? [bot] : [])
        .to(where === 'group' ? room : bot);
      return [...mocker.cacheMessagePayload.keys()].find((id) => !before.has(id))!;
    },
    redeliver: (messageId) => void puppet.emit('message', { messageId }),
    async login() {
      if (puppet.isLoggedIn) return;
      mocker.login(bot);
      await waitFor(() => puppet.isLoggedIn, 'the mock login');
    },
    close: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
