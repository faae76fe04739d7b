/** FEISHU_* variables: the app's credentials, which server (Feishu or Lark), and how events arrive. */
import { z } from 'zod';
import { httpUrl, parseSettings, port, required, setting } from '../shared/settings';

export const FEISHU_OPEN_API = 'https://open.feishu.cn';
export const WEBHOOK_PATH = '/feishu/events';

const schema = z
  .object({
    FEISHU_APP_ID: setting(required('the App ID from the Feishu developer console, cli_…')),
    FEISHU_APP_SECRET: setting(required('the App Secret from the Feishu developer console')),
    FEISHU_DOMAIN: setting(httpUrl().default(FEISHU_OPEN_API)),
    FEISHU_MODE: setting(
      z.enum(['ws', 'webhook'], { error: 'must be ws or webhook' }).default('ws'),
    ),
    FEISHU_WEBHOOK_PORT: port(3000),
    FEISHU_VERIFICATION_TOKEN: setting(z.string().optional()),
    FEISHU_ENCRYPT_KEY: setting(z.string().optional()),
  })
  .superRefine((v, ctx) => {
    // The token is what tells Feishu's requests from anyone else's: a webhook without it is open.
    if (v.FEISHU_MODE === 'webhook' && !v.FEISHU_VERIFICATION_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['FEISHU_VERIFICATION_TOKEN'],
        message: 'is required when FEISHU_MODE=webhook (事件与回调 > 加密策略)',
      });
    }
  });

export interface FeishuSettings {
  appId: string;
  appSecret: string;
  domain: string;
  mode: 'ws' | 'webhook';
  webhook: { port: number; verificationToken: string; encryptKey?: string };
}

export function feishuSettings(env: NodeJS.ProcessEnv): FeishuSettings {
  const e = parseSettings(schema, env);
  return {
    appId: e.FEISHU_APP_ID,
    appSecret: e.FEISHU_APP_SECRET,
    domain: e.FEISHU_DOMAIN.replace(/\/+$/, ''),
    mode: e.FEISHU_MODE,
    webhook: {
      port: e.FEISHU_WEBHOOK_PORT,
      verificationToken: e.FEISHU_VERIFICATION_TOKEN ?? '',
      encryptKey: e.FEISHU_ENCRYPT_KEY,
    },
  };
}
