/**
 * npm run restore -- <file>
 * Puts a backup back into an empty database (a new DATA_DIR, or an empty MONGODB_URI database),
 * then recomputes every store's derived records from its visits.
 */
import { existsSync } from 'node:fs';
import { RestoreError, restoreDatabase } from '../src/backup/restore';
import { ConfigError, loadConfig } from '../src/config';
import { openDatabase } from '../src/database';
import { createLogger } from '../src/log';
import { createModels } from '../src/model';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new ConfigError('用法: npm run restore -- <备份文件>');
  if (!existsSync(file)) throw new ConfigError(`找不到备份文件 ${file}`);
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
  const db = await openDatabase(config, createLogger(config.logLevel));
  try {
    const counts = await restoreDatabase(db.conn, createModels(db.conn), file, new Date());
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    process.stdout.write(`已恢复 ${total} 条记录(${db.where})\n`);
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`恢复失败: ${err.message}\n`);
    process.exit(err instanceof ConfigError || err instanceof RestoreError ? 2 : 1);
  },
);
