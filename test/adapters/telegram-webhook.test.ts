import { createTelegramAdapter } from '../../adapters/telegram';
import { createLogger } from '../../src/log';
import type { IncomingMessage } from '../../src/pipeline/message';
import { startFakeTelegram } from './support/fake-telegram';
import { freePort, waitFor } from './support/http';

const STAFF = { id: 7001, first_name: '小王' };

describe('telegram adapter in webhook mode', () => {
  it('takes updates carrying the secret token and refuses the rest', async () => {
    const fake = await startFakeTelegram();
    const port = await freePort();
    const got: IncomingMessage[] = [];
    let logged = '';
    const adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      log: createLogger('warn', (l) => (logged += l), []),
      webhook: { url: 'https://bot.example.com/tg/hook', port, secret: 's3cret' },
    });
    try {
      await adapter.start(async (m) => void got.push(m));
      const setWebhook = fake.calls.find((c) => c.method === 'setWebhook')!;
      expect(setWebhook.body).toMatchObject({
        url: 'https://bot.example.com/tg/hook',
        secret_token: 's3cret',
      });
      expect(fake.calls.some((c) => c.method === 'getUpdates')).toBe(false);

      const post = (secret: string | undefined, text: string, path = '/tg/hook') =>
        fetch(`http://127.0.0.1:${port}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
          },
          body: JSON.stringify({
            update_id: 1,
            ...fake.message(STAFF, { id: STAFF.id, type: 'private' as const }, text),
          }),
        });
      expect((await post(undefined, '伪造')).status).toBe(403);
      expect((await post('guess', '伪造')).status).toBe(403);
      expect((await post('s3cret', '伪造', '/other')).status).toBe(403);
      expect((await fetch(`http://127.0.0.1:${port}/tg/hook`)).status).toBe(403);
      expect((await post('s3cret', '张总 今晚 3人 消费2800')).status).toBe(200);
      await waitFor(() => got.length === 1, 'the genuine update');
      expect(got.map((m) => m.text)).toEqual(['张总 今晚 3人 消费2800']);
      // Each refusal logged once, with why and from where; never what was sent or tried.
      const refusals = logged
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg: string; reason: string; from: string });
      expect(refusals.map((r) => [r.msg, r.reason])).toEqual([
        ['telegram webhook request rejected', 'no secret token'],
        ['telegram webhook request rejected', 'wrong secret token'],
        ['telegram webhook request rejected', 'unknown path'],
        ['telegram webhook request rejected', 'not a POST'],
      ]);
      expect(refusals.every((r) => r.from.includes('127.0.0.1'))).toBe(true);
      for (const leak of ['伪造', 'guess', 's3cret', '小王']) expect(logged).not.toContain(leak);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});
