/** The registry's entry: settings are checked at start-up, the SDK is loaded when the bot starts. */
import type { Config } from '../../src/config';
import { createLogger } from '../../src/log';
import type { ChatAdapter } from '../../src/pipeline/message';
import { lazyAdapter } from '../shared/lazy';
import { DINGTALK } from './incoming';
import { dingtalkSettings } from './settings';

export function dingtalkAdapter(config: Config, env: NodeJS.ProcessEnv): ChatAdapter {
  const settings = dingtalkSettings(env);
  const log = createLogger(config.logLevel);
  return lazyAdapter(DINGTALK, async () => {
    // A require, not import(): this is CommonJS, and import() of a .ts path breaks under jest.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createDingtalkAdapter } = require('./index') as typeof import('./index');
    return createDingtalkAdapter({ ...settings, log });
  });
}
