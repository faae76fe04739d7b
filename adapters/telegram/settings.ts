/** TELEGRAM_* variables: the bot token, the Bot API address, and the optional webhook. */
import { z } from 'zod';
import { httpUrl, parseSettings, port, required, setting } from '../shared/settings';

export const TELEGRAM_API = 'https://api.telegram.org';

const schema = z
  .object({
    TELEGRAM_BOT_TOKEN: setting(
      required('the token @BotFather gave you').regex(
        /^\d+:[\w-]+$/,
        'should look like 123456789:AAE… (the token @BotFather gave you)',
      ),
    ),
    TELEGRAM_API_ROOT: setting(httpUrl().default(TELEGRAM_API)),
    TELEGRAM_WEBHOOK_URL: setting(
      z
        .url({ protocol: /^https$/, error: 'must be the public https:// address of this bot' })
        .optional(),
    ),
    TELEGRAM_WEBHOOK_PORT: port(8443),
    TELEGRAM_WEBHOOK_SECRET: setting(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, 'may only use letters, digits, _ and - (1–256)')
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    // Without the secret anyone who learns the URL could post fake updates as any staff member.
    if (v.TELEGRAM_WEBHOOK_URL && !v.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'is required when TELEGRAM_WEBHOOK_URL is set',
      });
    }
  });

export interface TelegramSettings {
  token: string;
  apiRoot: string;
  /** Absent: long polling. */
  webhook?: { url: string; port: number; secret: string };
}

export function telegramSettings(env: NodeJS.ProcessEnv): TelegramSettings {
  const e = parseSettings(schema, env);
  return {
    token: e.TELEGRAM_BOT_TOKEN,
    apiRoot: e.TELEGRAM_API_ROOT,
    webhook: e.TELEGRAM_WEBHOOK_URL
      ? {
          url: e.TELEGRAM_WEBHOOK_URL,
          port: e.TELEGRAM_WEBHOOK_PORT,
          secret: e.TELEGRAM_WEBHOOK_SECRET!,
        }
      : undefined,
  };
}
