import { createBot, FEATURES } from '../../src/bot';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { secretsOf } from '../../src/log-scrub';
import type { IncomingMessage } from '../../src/pipeline/message';
import type { Feature } from '../../src/pipeline/router';
import { REPLY_ERROR } from '../../src/pipeline/steps';
import { ensureStaff, ensureStore } from '../../src/setup';
import { openTestDatabase, type TestDatabase } from '../support/db';

const PHONE = '13812345678';
const BOT_TOKEN = '123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra';
const APP_SECRET = 'feishu-app-secret-Zq81';
const DB_PASSWORD = 'p4ss-w0rd!';
const env = {
  TELEGRAM_BOT_TOKEN: BOT_TOKEN,
  FEISHU_APP_SECRET: APP_SECRET,
  MONGODB_URI: `mongodb://bot:${encodeURIComponent(DB_PASSWORD)}@db.internal:27017/huitouke`,
};

/** A feature standing in for any code that logs carelessly, then fails with an SDK's error text. */
const careless: Feature = {
  name: 'careless',
  takes: (ctx) => ctx.msg.text.startsWith('出问题'),
  handle: async (ctx) => {
    ctx.services.log.info('calling the platform', {
      settings: { appSecret: APP_SECRET, token: BOT_TOKEN },
      database: env.MONGODB_URI,
      text: ctx.msg.text,
    });
    throw new Error(`request to https://api.telegram.org/bot${BOT_TOKEN}/sendMessage failed`);
  },
};

describe('log lines', () => {
  let db: TestDatabase;
  let lines: string[];
  let handle: (text: string, id: string) => Promise<string[]>;

  beforeAll(async () => {
    db = await openTestDatabase();
    lines = [];
    const log = createLogger('debug', (l) => lines.push(l), secretsOf(env));
    const services = { ...db.services, log };
    const store = await ensureStore(db.models, loadConfig({}));
    await ensureStaff(db.models, store, {
      platform: 'replay',
      userId: 'wang',
      name: '小王',
      role: 'staff',
    });
    const bot = createBot(services, [careless, ...FEATURES]);
    handle = async (text, messageId) => {
      const msg: IncomingMessage = {
        platform: 'replay',
        chatId: 'wang',
        chatType: 'direct',
        senderId: 'wang',
        text,
        mentioned: false,
        messageId,
        time: new Date('2026-11-22T21:40:00+08:00'),
      };
      return (await bot.handle(msg)).map((r) => r.text);
    };
  });
  afterAll(() => db.drop());

  it('carry the message id on every line written while handling it', async () => {
    lines.length = 0;
    const replies = await handle(`张总 ${PHONE} 今晚 3人 消费2800`, 'm-record-1');
    expect(replies[0]).toContain('已记录 张总');
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.length).toBeGreaterThan(0);
    for (const l of logged) expect(l).toMatchObject({ messageId: 'm-record-1' });
    expect(logged[0]).toMatchObject({
      level: 'debug',
      msg: 'message taken',
      feature: 'record-visit',
    });
  });

  it('never show a full phone number, a configured secret or a database password', async () => {
    lines.length = 0;
    expect(await handle(`出问题 陈先生 ${PHONE}`, 'm-leak-1')).toEqual([REPLY_ERROR]);
    const all = lines.join('');
    expect(lines.map((l) => JSON.parse(l).messageId)).toEqual(lines.map(() => 'm-leak-1'));
    for (const secret of [PHONE, BOT_TOKEN, APP_SECRET, DB_PASSWORD, 'AAEhBOweik6ad9r']) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('138****5678');
    expect(all).toContain('mongodb://bot:[redacted]@db.internal');
    expect(all).toContain('feature failed');
  });

  it('hide bot tokens and URL passwords even when nobody configured them', () => {
    const out: string[] = [];
    const log = createLogger('info', (l) => out.push(l), []);
    log.warn('sdk said', {
      detail: `GET https://api.telegram.org/bot${BOT_TOKEN}/getMe`,
      uri: 'mongodb://admin:hunter2hunter2@10.0.0.5/x',
      password: 'x',
    });
    const line = out.join('');
    expect(line).not.toContain('AAEhBOweik6ad9r');
    expect(line).not.toContain('hunter2');
    expect(JSON.parse(line)).toMatchObject({ password: '[redacted]', level: 'warn' });
  });
});
