import { rmSync } from 'node:fs';
import { SERVER_FILE } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__HUITOUKE_DB__?.stop();
  rmSync(SERVER_FILE, { force: true });
  if (globalThis.__HUITOUKE_DB_DIR__)
    rmSync(globalThis.__HUITOUKE_DB_DIR__, { recursive: true, force: true });
}
