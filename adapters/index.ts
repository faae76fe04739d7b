/** Platform name → adapter factory. Only the composition root imports this file. */
import type { Config } from '../src/config';
import type { ChatAdapter } from '../src/pipeline/message';
import { createConsoleAdapter } from './console';
import { feishuAdapter } from './feishu/factory';
import { telegramAdapter } from './telegram/factory';
import { wechatyAdapter } from './wechaty/factory';
import { wecomAdapter } from './wecom/factory';
import { dingtalkAdapter } from './dingtalk/factory';

/**
 * A factory validates its own platform settings from `env` (with zod) when called at start-up and
 * throws a ConfigError naming the variable when one is wrong.
 */
export type AdapterFactory = (config: Config, env: NodeJS.ProcessEnv) => ChatAdapter;

export const ADAPTERS: Partial<Record<Config['adapters'][number], AdapterFactory>> = {
  console: () => createConsoleAdapter({ input: process.stdin, output: process.stdout }),
  wechaty: wechatyAdapter,
  feishu: feishuAdapter,
  telegram: telegramAdapter,
  wecom: wecomAdapter,
  dingtalk: dingtalkAdapter,
};
