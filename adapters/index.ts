/** Platform name → adapter factory. Only the composition root imports this file. */
import type { Config } from '../src/config';
import type { ChatAdapter } from '../src/pipeline/message';
import { createConsoleAdapter } from './console';

export type AdapterFactory = (config: Config) => ChatAdapter;

export const ADAPTERS: Partial<Record<Config['adapters'][number], AdapterFactory>> = {
  console: () => createConsoleAdapter({ input: process.stdin, output: process.stdout }),
};
