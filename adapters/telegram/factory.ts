/** The registry's entry: settings are checked at start-up, telegraf is loaded when the bot starts. */
import { createLogger } from '../../src/log';
import type { ChatAdapter } from '../../src/pipeline/message';
import type { Config } from '../../src/config';
import { lazyAdapter } from '../shared/lazy';
import { TELEGRAM } from './incoming';
import { telegramSettings } from './settings';

export function telegramAdapter(config: Config, env: NodeJS.ProcessEnv): ChatAdapter {
  const settings = telegramSettings(env);
  const log = createLogger(config.logLevel);
  return lazyAdapter(TELEGRAM, async () => {
    // A require, not import(): this is CommonJS, and import() of a .ts path breaks under jest.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createTelegramAdapter } = require('./index') as typeof import('./index');
    return createTelegramAdapter({ ...settings, log });
  });
}
