/**
 * WECOM_* variables: the AI bot's id and secret, where its long connection goes, and where the
 * groups' 消息推送 webhooks are posted.
 */
import { z } from 'zod';
import { httpUrl, parseSettings, required, setting } from '../shared/settings';

/** The SDK's own default; private deployments and tests set their own. */
export const WECOM_WS = 'wss://openws.work.weixin.qq.com';

/** The webhook API's own host; tests point it at a stand-in. */
export const WECOM_WEBHOOK = 'https://qyapi.weixin.qq.com';

const wsUrl = () =>
  z.url({ protocol: /^wss?$/, error: 'must be a URL starting with wss:// or ws://' });

const schema = z.object({
  WECOM_BOT_ID: setting(
    required('the Bot ID of the 智能机器人, from 企业微信 管理后台 or the app'),
  ),
  WECOM_BOT_SECRET: setting(required('the Secret shown next to the Bot ID (长连接 mode)')),
  WECOM_WS_URL: setting(wsUrl().default(WECOM_WS)),
  WECOM_WEBHOOK_BASE: setting(httpUrl().default(WECOM_WEBHOOK)),
});

export interface WecomSettings {
  botId: string;
  secret: string;
  wsUrl: string;
  /** `{webhookBase}/cgi-bin/webhook/send?key=…` is where a group's push webhook posts. */
  webhookBase: string;
}

export function wecomSettings(env: NodeJS.ProcessEnv): WecomSettings {
  const e = parseSettings(schema, env);
  return {
    botId: e.WECOM_BOT_ID,
    secret: e.WECOM_BOT_SECRET,
    wsUrl: e.WECOM_WS_URL,
    webhookBase: e.WECOM_WEBHOOK_BASE.replace(/\/+$/, ''),
  };
}
