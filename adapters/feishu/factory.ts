/** The registry's entry: settings are checked at start-up, the SDK is loaded when the bot starts. */
import type { Config } from '../../src/config';
import { createLogger } from '../../src/log';
import type { ChatAdapter } from '../../src/pipeline/message';
import { lazyAdapter } from '../shared/lazy';
import { FEISHU } from './incoming';
import { feishuSettings } from './settings';

export function feishuAdapter(config: Config, env: NodeJS.ProcessEnv): ChatAdapter {
  const settings = feishuSettings(env);
  const log = createLogger(config.logLevel);
  return lazyAdapter(FEISHU, async () => {
    // A require, not import(): this is CommonJS, and import() of a .ts path breaks under jest.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createFeishuAdapter } = require('./index') as typeof import('./index');
    return createFeishuAdapter({ ...settings, log });
  });
}
