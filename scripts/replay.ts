/**
 * npm run --silent replay [-- --db URI] < scenario.jsonl > sent.jsonl
 * A fresh, isolated local database per run unless --db names one. Only JSONL on stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { createLogger } from '../src/log';
import { createModels, ensureIndexes } from '../src/model';
import { createReplayer } from '../src/replay/replayer';
import { ensureStore } from '../src/setup';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const dbUri = argValue('--db');
  const scratch = dbUri ? undefined : mkdtempSync(join(tmpdir(), 'huitouke-replay-'));
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    MONGODB_URI: dbUri ?? '',
    DATA_DIR: scratch ?? process.env.DATA_DIR,
    EMBEDDED_DB_PORT: '0',
  });
  const log = createLogger(config.logLevel);
  // Charts and exports stay in this run's own folder (kept only when --files names one).
  const filesDir = argValue('--files') ?? mkdtempSync(join(tmpdir(), 'huitouke-replay-files-'));
  const db = await openDatabase(config, log);
  try {
    const models = createModels(db.conn);
    await ensureIndexes(models);
    const store = await ensureStore(models, config);
    const replayer = createReplayer({ models, log, filesDir }, store);
    let line = 0;
    for await (const text of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      line += 1;
      if (text.trim() === '') continue;
      try {
        for (const out of await replayer.feed(JSON.parse(text), line)) {
          process.stdout.write(JSON.stringify(out) + '\n');
        }
      } catch (err) {
        process.stderr.write(`replay: line ${line}: ${(err as Error).message.split('\n')[0]}\n`);
      }
    }
  } finally {
    await db.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    if (!argValue('--files')) rmSync(filesDir, { recursive: true, force: true });
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`${err instanceof ConfigError ? '配置错误' : 'replay'}: ${err.message}\n`);
    process.exit(1);
  },
);
