/**
 * The acceptance path, with the real entry points: `npm run staff -- add …`, then `npm start`
 * (src/main.ts) against a fake platform on 127.0.0.1, and a private message answered through the
 * platform's API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from '../../src/db/connect';
import { dbNameOf } from '../../src/database';
import { createModels } from '../../src/model';
import { testServerUri } from '../support/db';
import { ROOT, runScript } from '../support/process';
import { startFakeFeishu } from './support/fake-feishu';
import {
  ENCRYPT_KEY,
  messageEvent,
  postWebhook,
  VERIFICATION_TOKEN,
} from './support/feishu-events';
import { startFakeTelegram } from './support/fake-telegram';
import { startFakeDingtalk } from './support/fake-dingtalk';
import { startFakeWecom } from './support/fake-wecom';
import { startFakeWebhook } from './support/fake-wecom-webhook';
import { freePort, waitFor } from './support/http';

const VISIT = '张总 今晚 3人 消费2800';

function freshDatabaseUri(): string {
  const uri = new URL(testServerUri());
  uri.pathname = `/e2e_${randomBytes(5).toString('hex')}`;
  return uri.toString();
}

interface Running {
  child: ChildProcess;
  stderr(): string;
  /** SIGTERM, as a service manager would; resolves with the exit code. */
  stop(): Promise<number | null>;
}

function startMain(env: NodeJS.ProcessEnv): Running {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  return {
    child,
    stderr: () => stderr,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('npm start with a chat platform', () => {
  let dataDir: string;
  let mongodbUri: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'huitouke-e2e-'));
    mongodbUri = freshDatabaseUri();
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const addStaff = async (identity: string) => {
    const added = await runScript(
      'scripts/staff.ts',
      '',
      { MONGODB_URI: mongodbUri, DATA_DIR: dataDir },
      ['add', identity, '小王', 'staff'],
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
  };

  it('answers a staff member’s private Telegram message through sendMessage', async () => {
    const fake = await startFakeTelegram();
    let bot: Running | undefined;
    try {
      await addStaff('telegram:7001');
      bot = startMain({
        ADAPTERS: 'telegram',
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        MONGODB_URI: mongodbUri,
        DATA_DIR: dataDir,
      });
      fake.push(
        fake.message({ id: 7001, first_name: '小王' }, { id: 7001, type: 'private' }, VISIT),
      );
      await waitFor(() => fake.sent().length > 0, `a reply (stderr: ${bot?.stderr()})`, 45_000);
      expect(fake.sent()[0]).toMatchObject({ chatId: '7001' });
      expect(fake.sent()[0].text).toMatch(/^已记录 张总/);
      expect(await bot.stop()).toBe(0);
    } finally {
      bot?.child.kill('SIGKILL');
      await fake.close();
    }
  }, 90_000);

  const startFeishu = async (fake: Awaited<ReturnType<typeof startFakeFeishu>>) => {
    const port = await freePort();
    const bot = startMain({
      ADAPTERS: 'feishu',
      FEISHU_APP_ID: fake.appId,
      FEISHU_APP_SECRET: fake.appSecret,
      FEISHU_DOMAIN: fake.domain,
      FEISHU_MODE: 'webhook',
      FEISHU_WEBHOOK_PORT: String(port),
      FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN,
      FEISHU_ENCRYPT_KEY: ENCRYPT_KEY,
      MONGODB_URI: mongodbUri,
      DATA_DIR: dataDir,
    });
    // Feishu's own first request: the URL check, answered once the server is up.
    let challenge: unknown;
    await waitFor(
      () => challenge !== undefined,
      `the webhook (stderr: ${bot.stderr()})`,
      45_000,
      async () => {
        const res = await postWebhook(
          port,
          { type: 'url_verification', challenge: 'c-e2e', token: VERIFICATION_TOKEN },
          ENCRYPT_KEY,
        ).catch(() => undefined);
        if (res?.ok) challenge = await res.json();
      },
    );
    expect(challenge).toEqual({ challenge: 'c-e2e' });
    return { bot, port };
  };

  const visitEvent = () =>
    messageEvent({ from: 'ou_staff_wang', chatId: 'oc_p2p_wang', chatType: 'p2p', text: VISIT });

  it('answers a Feishu im.message.receive_v1 posted to the webhook through the message API', async () => {
    const fake = await startFakeFeishu();
    let bot: Running | undefined;
    try {
      await addStaff('feishu:ou_staff_wang');
      const started = await startFeishu(fake);
      bot = started.bot;
      expect((await postWebhook(started.port, visitEvent(), ENCRYPT_KEY)).status).toBe(200);
      await waitFor(() => fake.sent().length > 0, `a reply (stderr: ${bot?.stderr()})`, 30_000);
      expect(fake.sent()[0]).toMatchObject({ chatId: 'oc_p2p_wang', msgType: 'text' });
      expect(fake.sent()[0].text).toMatch(/^已记录 张总/);
      expect(await bot.stop()).toBe(0);
    } finally {
      bot?.child.kill('SIGKILL');
      await fake.close();
    }
  }, 90_000);

  it('records a message Feishu delivers again after the bot restarted only once', async () => {
    const fake = await startFakeFeishu();
    let bot: Running | undefined;
    try {
      await addStaff('feishu:ou_staff_wang');
      const event = visitEvent();
      let started = await startFeishu(fake);
      bot = started.bot;
      expect((await postWebhook(started.port, event, ENCRYPT_KEY)).status).toBe(200);
      await waitFor(() => fake.sent().length > 0, `a reply (stderr: ${bot?.stderr()})`, 30_000);
      expect(await bot.stop()).toBe(0);
      // Feishu did not see the answer in time and retries the same event to the new process,
      // twice over, as a reconnect can do: neither gets past the message log.
      started = await startFeishu(fake);
      bot = started.bot;
      for (let i = 0; i < 2; i++)
        expect((await postWebhook(started.port, event, ENCRYPT_KEY)).status).toBe(200);
      const other = messageEvent({
        from: 'ou_staff_wang',
        chatId: 'oc_p2p_wang',
        chatType: 'p2p',
        text: '李总 今晚 2人 消费900',
      });
      expect((await postWebhook(started.port, other, ENCRYPT_KEY)).status).toBe(200);
      // The next message's answer arrives, and nothing came for the repeats before it.
      await waitFor(() => fake.sent().length > 1, `a reply (stderr: ${bot?.stderr()})`, 30_000);
      expect(fake.sent().map((m) => m.text.split(' |')[0])).toEqual(['已记录 张总', '已记录 李总']);
      expect(await bot.stop()).toBe(0);
      const conn = await connectDatabase(mongodbUri, dbNameOf(mongodbUri)!);
      try {
        expect(await createModels(conn).Visit.countDocuments({})).toBe(2);
      } finally {
        await conn.close();
      }
    } finally {
      bot?.child.kill('SIGKILL');
      await fake.close();
    }
  }, 120_000);

  it('answers a WeCom message on its callback frame, over the long connection', async () => {
    const fake = await startFakeWecom();
    let bot: Running | undefined;
    try {
      await addStaff('wecom:wangxiaoer');
      bot = startMain({
        ADAPTERS: 'wecom',
        WECOM_BOT_ID: fake.botId,
        WECOM_BOT_SECRET: fake.secret,
        WECOM_WS_URL: fake.url,
        MONGODB_URI: mongodbUri,
        DATA_DIR: dataDir,
      });
      await waitFor(() => fake.logins() > 0, `the login (stderr: ${bot.stderr()})`, 45_000);
      fake.message({ from: 'wangxiaoer', chat: 'single', text: VISIT });
      await waitFor(() => fake.sent().length > 0, `a reply (stderr: ${bot?.stderr()})`, 30_000);
      expect(fake.sent()[0]).toMatchObject({ chatId: 'wangxiaoer', via: 'reply' });
      expect(fake.sent()[0].text).toMatch(/^已记录 张总/);
      expect(await bot.stop()).toBe(0);
    } finally {
      bot?.child.kill('SIGKILL');
      await fake.close();
    }
  }, 90_000);

  it('sends the morning briefing to a WeCom group through its 本群推送 webhook when the push is refused', async () => {
    const fake = await startFakeWecom();
    const hook = await startFakeWebhook();
    const key = 'e2e0c0de-1111-4222-8333-44445555f00d';
    hook.add(key);
    let bot: Running | undefined;
    try {
      await addStaff('wecom:wangxiaoer');
      // A group bound with a webhook earlier, which has not spoken to the bot since.
      const conn = await connectDatabase(mongodbUri, dbNameOf(mongodbUri)!);
      try {
        const models = createModels(conn);
        const store = await models.Store.findOne().lean();
        await models.Store.updateOne({ _id: store!._id }, { $set: { briefingTime: '00:00' } });
        await models.TeamGroup.create({
          storeId: store!._id,
          platform: 'wecom',
          chatId: 'wrkE2eGroup',
          pushKey: key,
        });
      } finally {
        await conn.close();
      }
      bot = startMain({
        ADAPTERS: 'wecom',
        WECOM_BOT_ID: fake.botId,
        WECOM_BOT_SECRET: fake.secret,
        WECOM_WS_URL: fake.url,
        WECOM_WEBHOOK_BASE: hook.base,
        BRIEFING_TIME: '00:00',
        MONGODB_URI: mongodbUri,
        DATA_DIR: dataDir,
      });
      await waitFor(() => hook.posts().length > 0, `the webhook (stderr: ${bot.stderr()})`, 60_000);
      expect(hook.posts()[0].content).toContain('早报】');
      expect(fake.sent().filter((m) => m.chatId === 'wrkE2eGroup')).toEqual([]);
      expect(await bot.stop()).toBe(0);
      expect(bot.stderr()).not.toContain(key);
    } finally {
      bot?.child.kill('SIGKILL');
      await fake.close();
      await hook.close();
    }
  }, 120_000);

  it('answers a DingTalk @-message in a group through its sessionWebhook', async () => {
    const fake = await startFakeDingtalk();
    let bot: Running | undefined;
    try {
      await addStaff('dingtalk:staff_wang01');
      bot = startMain({
        ADAPTERS: 'dingtalk',
        DINGTALK_CLIENT_ID: fake.clientId,
        DINGTALK_CLIENT_SECRET: fake.clientSecret,
        DINGTALK_API_BASE: fake.apiBase,
        MONGODB_URI: mongodbUri,
        DATA_DIR: dataDir,
      });
      await waitFor(
        () => fake.connections() > 0,
        `the connection (stderr: ${bot.stderr()})`,
        45_000,
      );
      fake.message({
        from: 'staff_wang01',
        chat: 'group',
        conversationId: 'cidFront==',
        text: VISIT,
      });
      await waitFor(() => fake.sent().length > 0, `a reply (stderr: ${bot?.stderr()})`, 30_000);
      expect(fake.sent()[0]).toMatchObject({ chatId: 'cidFront==', via: 'webhook' });
      expect(fake.sent()[0].text).toMatch(/^已记录 张总/);
      expect(fake.acks()).toHaveLength(1);
      expect(await bot.stop()).toBe(0);
    } finally {
      bot?.child.kill('SIGKILL');
      await fake.close();
    }
  }, 90_000);
});
