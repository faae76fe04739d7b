/**
 * An admin sends the customer sheet to the bot in a private chat on a real platform SDK: the
 * adapter passes the document on, the bytes are fetched from the platform only once the bot
 * wants them, and 确认导入 imports it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileBox } from 'file-box';
import { types } from 'wechaty';
import { createTelegramAdapter } from '../../adapters/telegram';
import { createWechatyAdapter } from '../../adapters/wechaty';
import { createLogger } from '../../src/log';
import type { ChatAdapter, IncomingMessage } from '../../src/pipeline/message';
import { MESSY_HEADER, MESSY_ROWS, tempDir, writeXlsx } from '../import/sheets';
import { openBotRig, type BotRig } from './support/bot';
import { fileEvent } from './support/feishu-events';
import { GROUP, p2p, rig, STAFF, type Rigged } from './support/feishu-rig';
import { startFakeTelegram, type FakeTelegram, type TgChat } from './support/fake-telegram';
import { startFakeWechat, type FakeWechat } from './support/fake-wechat';
import { waitFor } from './support/http';

const silent = createLogger('silent');
const sheetBytes = async () =>
  readFileSync(await writeXlsx(join(tempDir(), 'sheet.xlsx'), MESSY_HEADER, MESSY_ROWS));

describe('telegram: a sheet sent to the bot', () => {
  const ADMIN = { id: 7101, first_name: '王经理' };
  const inPrivate: TgChat = { id: ADMIN.id, type: 'private' };
  const GROUP: TgChat = { id: -100300, type: 'supergroup', title: '前厅群' };
  let fake: FakeTelegram;
  let adapter: ChatAdapter;
  let rig: BotRig | undefined;

  const documentUpdate = (chat: TgChat, fileId: string, size: number, caption?: string) => ({
    message: {
      message_id: 500 + fake.calls.length,
      from: { ...ADMIN, is_bot: false },
      chat,
      date: Math.floor(Date.now() / 1000),
      document: {
        file_id: fileId,
        file_unique_id: fileId,
        file_name: '客户档案.xlsx',
        file_size: size,
      },
      ...(caption && { caption }),
    },
  });

  beforeEach(async () => {
    fake = await startFakeTelegram();
    adapter = createTelegramAdapter({ token: fake.token, apiRoot: fake.apiRoot, log: silent });
  });
  afterEach(async () => {
    await adapter.stop();
    await fake.close();
    await rig?.close();
    rig = undefined;
  });

  it('passes a private document on, downloading it only when asked', async () => {
    const got: IncomingMessage[] = [];
    await adapter.start(async (m) => void got.push(m));
    const bytes = await sheetBytes();
    const fileId = fake.hostFile(bytes);
    fake.push(documentUpdate(GROUP, fileId, bytes.length));
    fake.push(documentUpdate(inPrivate, fileId, bytes.length, '旧表'));
    await waitFor(() => got.length === 1, 'the private document');
    expect(got[0]).toMatchObject({
      chatId: String(ADMIN.id),
      chatType: 'direct',
      senderId: String(ADMIN.id),
      text: '旧表',
      file: { name: '客户档案.xlsx', size: bytes.length },
    });
    expect(fake.downloads).toEqual([]);
    const saved = join(tempDir(), 'saved.xlsx');
    await got[0].file!.saveTo(saved);
    expect(readFileSync(saved).equals(bytes)).toBe(true);
    expect(fake.calls.filter((c) => c.method === 'getFile').map((c) => c.body.file_id)).toEqual([
      fileId,
    ]);
  });

  it('lets an admin import the sheet: preview, 确认导入, customers in the archive', async () => {
    rig = await openBotRig('telegram', String(ADMIN.id), 'admin');
    await adapter.start(rig.handlerFor(adapter));
    const bytes = await sheetBytes();
    fake.push(documentUpdate(inPrivate, fake.hostFile(bytes), bytes.length));
    await waitFor(() => fake.sent().length === 1, 'the preview');
    const preview = fake.sent()[0];
    expect(preview.chatId).toBe(String(ADMIN.id));
    expect(preview.text.split('\n').slice(0, 2)).toEqual([
      '导入预览「客户档案.xlsx」:共8行',
      '将新建4位 · 更新0位 · 无变化0位 · 失败4行',
    ]);
    expect(preview.text).toMatch(/回复「确认导入」/);
    expect(await rig.db.models.Customer.countDocuments()).toBe(0);

    fake.push(fake.message(ADMIN, inPrivate, '确认导入'));
    await waitFor(() => fake.sent().length === 2, 'the import');
    expect(fake.sent()[1].text).toBe('已导入:新建4位,更新0位(失败4行未导入)');
    expect(await rig.db.models.Customer.countDocuments()).toBe(4);
  });
});

describe('feishu: a sheet sent to the bot', () => {
  let r: Rigged;
  afterEach(async () => {
    await r.adapter.stop();
    await r.fake.close();
  });

  it('passes a file from a direct chat on, downloading it from the message only when asked', async () => {
    r = await rig('ws');
    const got: IncomingMessage[] = [];
    await r.adapter.start(async (m) => void got.push(m));
    const bytes = await sheetBytes();
    const file = { fileKey: 'file_v3_sheet', fileName: '客户档案.xlsx', from: STAFF };
    r.fake.hostResource('om_in_p2p', file.fileKey, bytes);
    await r.deliver(
      fileEvent({ ...file, chatId: GROUP, chatType: 'group', messageId: 'om_in_group' }),
    );
    await r.deliver(
      fileEvent({ ...file, chatId: p2p(STAFF), chatType: 'p2p', messageId: 'om_in_p2p' }),
    );
    await waitFor(() => got.length === 1, 'the direct file');
    expect(got[0]).toMatchObject({
      chatId: p2p(STAFF),
      chatType: 'direct',
      senderId: STAFF,
      messageId: 'om_in_p2p',
      file: { name: '客户档案.xlsx' },
    });
    expect(r.fake.downloads).toEqual([]);
    const saved = join(tempDir(), 'saved.xlsx');
    await got[0].file!.saveTo(saved);
    expect(readFileSync(saved).equals(bytes)).toBe(true);
    expect(r.fake.downloads).toEqual(['om_in_p2p/file_v3_sheet?type=file']);
  });
});

describe('wechat: a sheet sent to the bot', () => {
  let w: FakeWechat;
  let adapter: ChatAdapter;
  afterEach(async () => {
    await adapter.stop();
    w.close();
  });

  /** WeChat sends a spreadsheet as an Attachment message carrying the file's name. */
  function attachment(id: string, bytes: Buffer, where: { roomId?: string; listenerId?: string }) {
    const box = FileBox.fromBase64(bytes.toString('base64'), '客户档案.xlsx');
    w.mocker.cacheFileBoxPayload.set(id, box.toJSON());
    w.mocker.MessageMock.create({
      id,
      talkerId: w.staff.id,
      ...where,
      type: types.Message.Attachment,
      filename: '客户档案.xlsx',
      timestamp: Date.now(),
    } as never);
    w.puppet.emit('message', { messageId: id });
  }

  it('passes a file from a direct chat on, saving it only when asked', async () => {
    w = startFakeWechat();
    adapter = createWechatyAdapter({
      puppet: 'wechaty-puppet-mock',
      puppetInstance: w.puppet,
      dataDir: w.dataDir,
      log: silent,
      terminal: () => undefined,
    });
    const got: IncomingMessage[] = [];
    await adapter.start(async (m) => void got.push(m));
    await w.login();
    const bytes = await sheetBytes();
    attachment('att-group', bytes, { roomId: w.room.id });
    attachment('att-direct', bytes, { listenerId: w.bot.id });
    await waitFor(() => got.length === 1, 'the direct file');
    await new Promise((res) => setTimeout(res, 50));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      chatId: w.staff.id,
      chatType: 'direct',
      senderId: w.staff.id,
      messageId: 'att-direct',
      file: { name: '客户档案.xlsx' },
    });
    const saved = join(tempDir(), 'saved.xlsx');
    await got[0].file!.saveTo(saved);
    expect(readFileSync(saved).equals(bytes)).toBe(true);
  });
});
