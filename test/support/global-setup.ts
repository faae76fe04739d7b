/**
 * One real MongoDB-wire server for the whole test run (agenda's pattern): the local FerretDB in a
 * scratch directory, or the server named by TEST_MONGODB_URI. Each test file uses its own database.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';

export const SERVER_FILE = join(tmpdir(), `huitouke-test-server-${process.pid}.json`);

declare global {
  var __HUITOUKE_DB__: EmbeddedDatabase | undefined;
  var __HUITOUKE_DB_DIR__: string | undefined;
}

export default async function globalSetup(): Promise<void> {
  let uri = process.env.TEST_MONGODB_URI;
  if (!uri) {
    const dir = mkdtempSync(join(tmpdir(), 'huitouke-test-db-'));
    const db = await startEmbeddedDatabase({
      dataDir: dir,
      onLog: (msg) => process.stderr.write(`${msg}\n`),
    });
    globalThis.__HUITOUKE_DB__ = db;
    globalThis.__HUITOUKE_DB_DIR__ = dir;
    uri = db.uri;
  }
  process.env.HUITOUKE_TEST_MONGODB_URI = uri;
  writeFileSync(SERVER_FILE, JSON.stringify({ uri }));
}
