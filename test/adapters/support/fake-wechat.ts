/**
 * WeChat for tests: the real wechaty on wechaty-puppet-mock's Mocker. The bot's account, two
 * contacts and a group room; what the bot says is read back from the mocker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { types } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { createBackoff } from '../../../adapters/shared/backoff';
import { createWechatyAdapter } from '../../../adapters/wechaty';
import { createLogger } from '../../../src/log';
import type { ChatAdapter } from '../../../src/pipeline/message';
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
  /** The id no longer exists (what a re-login does to every old id): lookups find nothing. */
  forget(id: string): Promise<void>;
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
  // WeChat refuses a send to an id from before a re-login (what forget() makes of an id).
  const gone = new Set<string>();
  const refuseGone = <A extends unknown[], R>(send: (id: string, ...rest: A) => Promise<R>) =>
    async function (this: unknown, id: string, ...rest: A): Promise<R> {
      if (gone.has(id)) throw new Error(`sendMsg failed: ret 1101 (${id})`);
      return send.call(this, id, ...rest);
    };
  puppet.messageSendText = refuseGone(puppet.messageSendText);
  puppet.messageSendFile = refuseGone(puppet.messageSendFile);
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
    async forget(id) {
      gone.add(id);
      const room = mocker.cacheRoomPayload.delete(id);
      if (!room) mocker.cacheContactPayload.delete(id);
      await puppet.__dirtyPayloadAwait(room ? types.Dirty.Room : types.Dirty.Contact, id);
    },
    async login() {
      if (puppet.isLoggedIn) return;
      mocker.login(bot);
      await waitFor(() => puppet.isLoggedIn, 'the mock login');
    },
    close: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** The real wechaty adapter on the fake, quiet, retrying logins quickly. */
export function silentAdapterOn(w: FakeWechat): ChatAdapter {
  return createWechatyAdapter({
    puppet: 'wechaty-puppet-mock',
    puppetInstance: w.puppet,
    dataDir: w.dataDir,
    log: createLogger('silent'),
    terminal: () => undefined,
    backoff: createBackoff(50, 200),
  });
}
