/**
 * Telegram through telegraf: long polling by default, a webhook when TELEGRAM_WEBHOOK_URL is set
 * (Telegram sends the secret token header with every update; telegraf answers 403 without it).
 * Replies go through sendMessage; `actions` become an inline keyboard; pictures go with sendPhoto
 * and files with sendDocument (send.ts).
 */
import { Telegraf, Telegram } from 'telegraf';
import type { CallbackQuery } from 'telegraf/types';
import { startPolling } from './poll';
import type { Logger } from '../../src/log';
import type { ChatAdapter } from '../../src/pipeline/message';
import { createIntake } from '../shared/intake';
import { createOutbox } from '../shared/outbox';
import { keyedBuckets, bucketsOf, MINUTE, SECOND, type Rate } from '../shared/rate-limit';
import { fromButton, fromMessage, TELEGRAM } from './incoming';
import { ButtonCommands, labelOf } from './keyboard';
import { downloadFile } from './download';
import { deliverFile, deliverText, TELEGRAM_TEXT_LIMIT } from './send';
import { logRejections } from './webhook-filter';
import type { TelegramSettings } from './settings';

/** Telegram's documented limits: ~30 messages a second per bot, 20 a minute into one group. */
export const TELEGRAM_RATES = {
  bot: [{ max: 30, perMs: SECOND }] as Rate[],
  group: [{ max: 20, perMs: MINUTE }] as Rate[],
};

export interface TelegramOptions extends TelegramSettings {
  log: Logger;
  rates?: Partial<typeof TELEGRAM_RATES>;
}

export function createTelegramAdapter(opts: TelegramOptions): ChatAdapter {
  const { log } = opts;
  const api = new Telegram(opts.token, { apiRoot: opts.apiRoot });
  const buttons = new ButtonCommands();
  const intake = createIntake(log);
  const botBuckets = bucketsOf(opts.rates?.bot ?? TELEGRAM_RATES.bot);
  const groupBuckets = keyedBuckets(opts.rates?.group ?? TELEGRAM_RATES.group);
  const outbox = createOutbox({
    textLimit: TELEGRAM_TEXT_LIMIT,
    bucketsFor: (m) =>
      m.chatType === 'group' ? [...botBuckets, ...groupBuckets(m.chatId)] : botBuckets,
    deliver: (m, part) => deliverText(api, buttons, m, part, log),
    deliverFile: (m, file, take) => deliverFile(api, m, file, take, log),
    log,
  });
  let stopIntake: (() => Promise<void>) | undefined;
  const saveFile = (fileId: string, path: string) => downloadFile(api, fileId, path);

  const onButton = async (q: CallbackQuery) => {
    const data = 'data' in q ? q.data : '';
    const command = buttons.commandOf(data);
    const msg = command === undefined ? undefined : fromButton(q, command);
    // Always answer, or the button keeps spinning on the phone.
    await api
      .answerCbQuery(q.id, msg ? undefined : '这个按钮已过期,请直接发文字')
      .catch((err: Error) =>
        log.warn('telegram answerCallbackQuery failed', { error: err.message }),
      );
    if (!msg) return;
    await markPressed(api, q, labelOf(q.message, data)).catch((err: Error) =>
      log.warn('telegram editMessageText failed', { error: err.message }),
    );
    intake.take(msg);
  };

  return {
    platform: TELEGRAM,
    async start(onMessage) {
      intake.open(onMessage);
      const b = new Telegraf(opts.token, { telegram: { apiRoot: opts.apiRoot } });
      b.on('message', (ctx) => {
        const msg = fromMessage(ctx.message, ctx.botInfo, saveFile);
        if (msg) intake.take(msg);
      });
      b.on('callback_query', (ctx) => onButton(ctx.callbackQuery));
      b.catch((err, ctx) =>
        log.error('telegram update failed', {
          updateId: ctx.update.update_id,
          error: (err as Error).message,
        }),
      );
      stopIntake = await launch(b, opts, log);
      log.info('telegram connected', {
        bot: b.botInfo?.username,
        mode: opts.webhook ? 'webhook' : 'polling',
      });
    },
    send: (msg) => outbox.send(msg),
    async stop() {
      // Stop asking for updates first: what was already fetched is still handled and answered.
      await stopIntake?.();
      stopIntake = undefined;
      intake.close();
      await intake.drain();
      await outbox.flush();
    },
  };
}

/** Webhook or polling; resolves once Telegram knows the bot (a wrong token fails start-up here). */
async function launch(
  bot: Telegraf,
  opts: TelegramOptions,
  log: Logger,
): Promise<() => Promise<void>> {
  bot.botInfo = await bot.telegram.getMe();
  if (opts.webhook) {
    logRejections(bot, log);
    const url = new URL(opts.webhook.url);
    await bot.launch({
      allowedUpdates: ['message', 'callback_query'],
      webhook: {
        domain: url.host,
        path: url.pathname,
        port: opts.webhook.port,
        secretToken: opts.webhook.secret,
      },
    });
    return async () => bot.stop('stop');
  }
  await bot.telegram.deleteWebhook();
  return startPolling(bot, log).stop;
}

/** Show which button was pressed and take the keyboard away, so it is not pressed twice. */
async function markPressed(api: Telegram, q: CallbackQuery, label: string | undefined) {
  const m = q.message;
  if (!m || !('text' in m)) return;
  const done = label ? `${m.text}\n\n✅ ${label}` : m.text;
  await api.editMessageText(m.chat.id, m.message_id, undefined, done);
}
