/** The registry's entry: settings are checked at start-up, wechaty (slow to load) when it starts. */
import type { Config } from '../../src/config';
import { createLogger } from '../../src/log';
import type { ChatAdapter } from '../../src/pipeline/message';
import { lazyAdapter } from '../shared/lazy';
import { wechatySettings } from './settings';

export function wechatyAdapter(config: Config, env: NodeJS.ProcessEnv): ChatAdapter {
  const settings = wechatySettings(env);
  const log = createLogger(config.logLevel);
  return lazyAdapter('wechaty', async () => {
    // A require, not import(): this is CommonJS, and import() of a .ts path breaks under jest.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createWechatyAdapter } = require('./index') as typeof import('./index');
    return createWechatyAdapter({ ...settings, dataDir: config.dataDir, log });
  });
}
