/** The registry's entry: settings are checked at start-up, the SDK is loaded when the bot starts. */
import type { Config } from '../../src/config';
import { createLogger } from '../../src/log';
import type { ChatAdapter } from '../../src/pipeline/message';
import { lazyAdapter } from '../shared/lazy';
import { WECOM } from './incoming';
import { wecomSettings } from './settings';

export function wecomAdapter(config: Config, env: NodeJS.ProcessEnv): ChatAdapter {
  const settings = wecomSettings(env);
  const log = createLogger(config.logLevel);
  return lazyAdapter(WECOM, async () => {
    // A require, not import(): this is CommonJS, and import() of a .ts path breaks under jest.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createWecomAdapter } = require('./index') as typeof import('./index');
    return createWecomAdapter({ ...settings, log });
  });
}
