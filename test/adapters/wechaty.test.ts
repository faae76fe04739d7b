import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScanStatus, types } from 'wechaty';
import { createBackoff } from '../../adapters/shared/backoff';
import { createWechatyAdapter } from '../../adapters/wechaty';
import { QR_FILE } from '../../adapters/wechaty/login';
import { JOBS } from '../../src/jobs';
import { createLogger } from '../../src/log';
import type { ChatAdapter, IncomingMessage } from '../../src/pipeline/message';
import { runDueJobs } from '../../src/scheduler/jobs';
import { adapterContract } from './contract';
import { openBotRig } from './support/bot';
import { startFakeWechat, type FakeWechat } from './support/fake-wechat';
import { sampleFiles } from './support/files';
import { waitFor } from './support/http';
import type { Rate } from '../../adapters/shared/rate-limit';

const silent = createLogger('silent');

function adapterFor(
  w: FakeWechat,
  rates?: Rate[],
  terminal: (t: string) => void = () => undefined,
): ChatAdapter {
  return createWechatyAdapter({
    puppet: 'wechaty-puppet-mock',
    puppetInstance: w.puppet,
    dataDir: w.dataDir,
    log: silent,
    rates,
    terminal,
    backoff: createBackoff(50, 200),
  });
}

adapterContract({
  platform: 'wechaty',
  textLimit: 2000,
  async open({ rates }) {
    const w = startFakeWechat();
    const byId = new Map([w.staff, w.stranger].map((c) => [c.id, c]));
    return {
      adapter: adapterFor(w, rates),
      staff: w.staff.id,
      stranger: w.stranger.id,
      group: w.room.id,
      directChat: (id) => id,
      async say({ from, chat, text, mention }) {
        const id = w.say(byId.get(from)!, chat, text, mention);
        return { redeliver: async () => w.redeliver(id) };
      },
      sent: () => w.sent,
      files: () => w.files,
      started: () => w.login(),
      close: async () => w.close(),
    };
  },
});

describe('wechaty adapter', () => {
  let w: FakeWechat;
  let adapter: ChatAdapter;
  let got: IncomingMessage[];
  let terminal: string;
  const record = async (m: IncomingMessage) => void got.push(m);

  beforeEach(async () => {
    w = startFakeWechat();
    got = [];
    terminal = '';
    adapter = adapterFor(w, undefined, (t) => (terminal += t));
  });
  afterEach(async () => {
    await adapter.stop();
    w.close();
  });

  it('sends the morning briefing to the team group bound to the store', async () => {
    const rig = await openBotRig('wechaty', w.staff.id);
    try {
      await rig.db.models.TeamGroup.create({
        storeId: rig.store._id,
        platform: 'wechaty',
        chatId: w.room.id,
        name: '前厅群',
      });
      await adapter.start(rig.handlerFor(adapter));
      await w.login();
      const due = await runDueJobs(rig.db.services, JOBS, new Date('2026-11-22T09:30:00+08:00'));
      for (const out of due) await adapter.send(out);
      expect(w.sent).toHaveLength(1);
      expect(w.sent[0].chatId).toBe(w.room.id);
      expect(w.sent[0].text).toContain('早报');
    } finally {
      await rig.close();
    }
  });

  it('shows the login QR code in the terminal and as a PNG, removed after login', async () => {
    await adapter.start(record);
    w.mocker.scan('https://login.weixin.qq.com/l/test', ScanStatus.Waiting);
    const png = join(w.dataDir, QR_FILE);
    await waitFor(() => existsSync(png) && terminal.includes('扫码'), 'the QR code');
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    await w.login();
    await waitFor(() => !existsSync(png), 'the QR file to go');
  });

  it('holds replies while logged out and sends them after login', async () => {
    await adapter.start(record);
    const sending = adapter.send({
      platform: 'wechaty',
      chatId: w.room.id,
      chatType: 'group',
      to: null,
      text: '早报',
    });
    await new Promise((res) => setTimeout(res, 100));
    expect(w.sent).toEqual([]);
    await w.login();
    await sending;
    expect(w.sent.map((m) => m.text)).toEqual(['早报']);
  });

  it('ignores its own messages and anything but text; actions become lines to reply with', async () => {
    await adapter.start(record);
    await w.login();
    await adapter.send({
      platform: 'wechaty',
      chatId: w.room.id,
      chatType: 'group',
      to: null,
      text: '今天回访:张总',
      actions: [{ label: '已回访', command: '回访完成 张总' }],
    });
    const photo = w.mocker.MessageMock.create({
      id: 'photo-1',
      talkerId: w.staff.id,
      roomId: w.room.id,
      type: types.Message.Image,
      timestamp: Date.now(),
    } as never);
    w.puppet.emit('message', { messageId: photo.id });
    w.say(w.staff, 'group', '收到');
    await waitFor(() => got.length === 1, 'the text message');
    await new Promise((res) => setTimeout(res, 50));
    expect(got.map((m) => [m.text, m.senderId, m.chatType])).toEqual([
      ['收到', w.staff.id, 'group'],
    ]);
    expect(w.sent[0].text).toBe('今天回访:张总\n· 已回访: 回复「回访完成 张总」');
  });

  it('sends a picture as an image message and a spreadsheet as a file, each with its caption', async () => {
    await adapter.start(record);
    await w.login();
    const f = await sampleFiles();
    const to = { platform: 'wechaty', chatId: w.room.id, chatType: 'group' as const, to: null };
    await adapter.send({ ...to, text: '文字版周报', attachment: f.chart });
    await adapter.send({
      ...to,
      text: `${f.sheet.caption}\n文件:${f.sheet.path}`,
      attachment: f.sheet,
    });
    expect(w.files.map((x) => [x.chatId, x.name])).toEqual([
      [w.room.id, f.chart.name],
      [w.room.id, f.sheet.name],
    ]);
    // The mocker types a message by the file's extension (it knows pictures, not spreadsheets).
    expect(w.files[0].type).toBe(types.Message.Image);
    expect(w.sent.map((m) => m.text)).toEqual([f.chart.caption, f.sheet.caption]);
  });

  it('logs a logout and logs in again with backoff', async () => {
    let logged = '';
    adapter = createWechatyAdapter({
      puppet: 'wechaty-puppet-mock',
      puppetInstance: w.puppet,
      dataDir: w.dataDir,
      log: createLogger('warn', (l) => (logged += l)),
      terminal: () => undefined,
      backoff: createBackoff(50, 200),
    });
    const starts = jest.spyOn(w.puppet, 'start');
    await adapter.start(record);
    await w.login();
    await w.puppet.logout();
    await waitFor(
      () => logged.includes('wechat logged out') && logged.includes('restarting'),
      'the logout to be reported',
    );
    await waitFor(() => starts.mock.calls.length === 2, 'the restart after the backoff');
    await w.login();
    w.say(w.staff, 'direct', '你好');
    await waitFor(() => got.length === 1, 'a message after the new login');
  });
});
