/** Each test file gets its own database on the shared server, dropped when the file is done. */
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../src/db/connect';
import { createLogger } from '../../src/log';
import { createModels, ensureIndexes, type Models } from '../../src/model';
import type { Services } from '../../src/pipeline/context';
import { scratchDir } from './scratch';

export function testServerUri(): string {
  const uri = process.env.HUITOUKE_TEST_MONGODB_URI;
  if (!uri) throw new Error('the jest global setup did not start a database');
  return uri;
}

export interface TestDatabase {
  conn: Connection;
  models: Models;
  services: Services;
  drop(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const conn = await connectDatabase(testServerUri(), name);
  const models = createModels(conn);
  await ensureIndexes(models);
  return {
    conn,
    models,
    // Charts and exports a test makes land in its own folder, removed with the test file.
    services: { models, log: createLogger('silent'), filesDir: scratchDir('huitouke-files-') },
    drop: async () => {
      await conn.dropDatabase();
      await conn.close();
    },
  };
}
