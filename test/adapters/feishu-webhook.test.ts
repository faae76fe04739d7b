import { createLogger } from '../../src/log';
import type { IncomingMessage } from '../../src/pipeline/message';
import {
  ENCRYPT_KEY,
  messageEvent,
  postWebhook,
  VERIFICATION_TOKEN,
} from './support/feishu-events';
import { GROUP, rig, STAFF, type Rigged } from './support/feishu-rig';
import { freePort, waitFor } from './support/http';

describe('feishu webhook', () => {
  let r: Rigged;
  let port: number;
  let logged: string;
  let release: () => void;
  let got: IncomingMessage[];

  async function open(encryptKey?: string) {
    port = await freePort();
    logged = '';
    const log = createLogger('warn', (line) => (logged += line), []);
    r = await rig('webhook', {
      webhook: { port, verificationToken: VERIFICATION_TOKEN, encryptKey },
      log,
    });
    got = [];
    const blocked = new Promise<void>((res) => (release = res));
    // A bot that takes its time: the webhook must not wait for it.
    await r.adapter.start(async (m) => {
      got.push(m);
      await blocked;
    });
  }
  afterEach(async () => {
    release();
    await r.adapter.stop();
    await r.fake.close();
  });

  const event = () =>
    messageEvent({ from: STAFF, chatId: GROUP, chatType: 'group', text: '张总 电话13812345678' });

  it('answers the URL check with the challenge, encrypted or not', async () => {
    await open(ENCRYPT_KEY);
    const check = { type: 'url_verification', challenge: 'ch-123', token: VERIFICATION_TOKEN };
    const res = await postWebhook(port, check, ENCRYPT_KEY);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'ch-123' });
  });

  it('answers the URL check in plain mode and refuses a wrong token', async () => {
    await open();
    expect(
      await (
        await postWebhook(port, {
          type: 'url_verification',
          challenge: 'c1',
          token: VERIFICATION_TOKEN,
        })
      ).json(),
    ).toEqual({
      challenge: 'c1',
    });
    expect(
      (await postWebhook(port, { type: 'url_verification', challenge: 'c2', token: 'guess' }))
        .status,
    ).toBe(403);
  });

  it('acknowledges an event before the bot has finished with it', async () => {
    await open(ENCRYPT_KEY);
    const res = await postWebhook(port, event(), ENCRYPT_KEY);
    expect(res.status).toBe(200);
    await waitFor(() => got.length === 1, 'the event to reach the bot');
  });

  it('refuses bad signatures, wrong tokens and plain bodies, and logs no content', async () => {
    await open(ENCRYPT_KEY);
    const badSig = await postWebhook(
      port,
      event(),
      ENCRYPT_KEY,
      (h) => (h['x-lark-signature'] = 'f'.repeat(64)),
    );
    const noSig = await postWebhook(
      port,
      event(),
      ENCRYPT_KEY,
      (h) => delete h['x-lark-signature'],
    );
    const otherKey = await postWebhook(port, event(), 'someone-elses-key');
    const plain = await postWebhook(port, event());
    const wrongToken = await postWebhook(
      port,
      { ...event(), header: { ...(event().header as object), token: 'guess' } },
      ENCRYPT_KEY,
    );
    expect([badSig.status, noSig.status, otherKey.status, plain.status, wrongToken.status]).toEqual(
      [401, 401, 401, 401, 403],
    );
    expect(got).toEqual([]);
    expect(logged.match(/rejected/g)).toHaveLength(5);
    expect(logged).not.toContain('张总');
    expect(logged).not.toMatch(/138\*{0,4}/);
  });

  it('logs every other refusal once, with its reason and without the body', async () => {
    await open(ENCRYPT_KEY);
    const url = `http://127.0.0.1:${port}/feishu/events`;
    const raw = (body: string, path = '/feishu/events') =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const statuses = [
      (await raw('张总 电话13812345678 不是JSON')).status,
      (await raw(JSON.stringify({ encrypt: 'AAAA' + 'x'.repeat(40) }))).status,
      (await raw('{"text":"张总 电话13812345678"}', '/elsewhere')).status,
      (await fetch(url)).status,
      (await raw(JSON.stringify({ text: '张总'.repeat(300_000) }))).status,
    ];
    expect(statuses).toEqual([401, 401, 404, 404, 413]);
    const lines = logged
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; reason: string; status: number });
    expect(lines.map((l) => [l.msg, l.status, l.reason])).toEqual([
      ['feishu webhook request rejected', 401, 'not JSON'],
      ['feishu webhook request rejected', 401, 'cannot decrypt'],
      ['feishu webhook request rejected', 404, 'unknown path or method'],
      ['feishu webhook request rejected', 404, 'unknown path or method'],
      ['feishu webhook request rejected', 413, 'body over 1 MB'],
    ]);
    expect(logged).not.toContain('张总');
    expect(logged).not.toMatch(/138\*{0,4}/);
    expect(got).toEqual([]);
  });

  it('refuses an encrypted event when no Encrypt Key is configured', async () => {
    await open();
    expect((await postWebhook(port, event(), ENCRYPT_KEY)).status).toBe(401);
    expect(JSON.parse(logged)).toMatchObject({
      reason: 'encrypted, but FEISHU_ENCRYPT_KEY is not set',
    });
    expect(logged).not.toContain('张总');
  });
});
