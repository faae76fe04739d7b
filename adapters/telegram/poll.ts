/**
 * Long polling, run here rather than by telegraf's launch(): launch() gives no moment at which
 * polling is known to have started (stop() right after start() throws "Bot is not running"), and
 * it gives up for good on errors such as a 409 while another instance is still polling. This loop
 * retries with backoff and confirms the last handled update on the way out, so a restart neither
 * loses nor repeats updates.
 */
import type { Telegraf, Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../src/log';
import { createBackoff } from '../shared/backoff';

type CallApiSignal = NonNullable<Parameters<Telegram['callApi']>[2]>['signal'];

const ALLOWED: ('message' | 'callback_query')[] = ['message', 'callback_query'];
const POLL_SECONDS = 50;

export interface PollLoop {
  /** Ends the loop; resolves once the handled updates are confirmed to Telegram. */
  stop(): Promise<void>;
}

export function startPolling(bot: Telegraf, log: Logger): PollLoop {
  const abort = new AbortController();
  const backoff = createBackoff(1000, 60_000);
  let offset = 0;

  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        const updates: Update[] = await bot.telegram.callApi(
          'getUpdates',
          { timeout: POLL_SECONDS, offset, allowed_updates: ALLOWED },
          // telegraf types the signal with its own abort-controller polyfill; Node's is the same shape.
          { signal: abort.signal as unknown as CallApiSignal },
        );
        backoff.reset();
        for (const u of updates) {
          offset = u.update_id + 1;
          await bot.handleUpdate(u);
        }
      } catch (err) {
        if (abort.signal.aborted) break;
        const wait = backoff.next();
        log.warn('telegram polling failed, retrying', {
          error: (err as Error).message,
          retryMs: wait,
        });
        await sleep(wait, abort.signal);
      }
    }
    if (offset > 0) {
      await bot.telegram
        .callApi('getUpdates', { offset, limit: 1, timeout: 0 })
        .catch(() => undefined);
    }
  })();

  return {
    async stop() {
      abort.abort();
      await loop;
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((res) => {
    const timer = setTimeout(res, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      res();
    });
  });
}
