import { createTelegramAdapter } from '../../adapters/telegram';
import { createLogger } from '../../src/log';
import type { IncomingMessage } from '../../src/pipeline/message';
import { startFakeTelegram } from './support/fake-telegram';
import { freePort, waitFor } from './support/http';

const STAFF = { id: 7001, first_name: '小王' };
const silent = createLogger('silent');

describe('telegram adapter in webhook mode', () => {
  it('takes updates carrying the secret token and refuses the rest', async () => {
    const fake = await startFakeTelegram();
    const port = await freePort();
    const got: IncomingMessage[] = [];
    const adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      log: silent,
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

      const post = (secret: string | undefined, text: string) =>
        fetch(`http://127.0.0.1:${port}/tg/hook`, {
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
      expect((await post('s3cret', '张总 今晚 3人 消费2800')).status).toBe(200);
      await waitFor(() => got.length === 1, 'the genuine update');
      expect(got.map((m) => m.text)).toEqual(['张总 今晚 3人 消费2800']);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});
