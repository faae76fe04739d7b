/** WECHATY_* variables: which puppet logs in to WeChat, and its token when it needs one. */
import { z } from 'zod';
import { parseSettings, setting } from '../shared/settings';

export const DEFAULT_PUPPET = 'wechaty-puppet-wechat4u';

const schema = z.object({
  WECHATY_PUPPET: setting(
    z
      .string()
      .regex(
        /^(@[\w.-]+\/)?[\w.-]+$/,
        'must be a puppet package name such as wechaty-puppet-wechat4u',
      )
      .default(DEFAULT_PUPPET),
  ),
  WECHATY_PUPPET_TOKEN: setting(z.string().optional()),
});

export interface WechatySettings {
  puppet: string;
  puppetToken?: string;
}

export function wechatySettings(env: NodeJS.ProcessEnv): WechatySettings {
  const e = parseSettings(schema, env);
  return { puppet: e.WECHATY_PUPPET, puppetToken: e.WECHATY_PUPPET_TOKEN };
}
