/**
 * npm run backup [-- <file>]
 * A backup of the whole database now, while the bot keeps running: into DATA_DIR/backups (today's
 * file) or the file given. Restore with `npm run restore -- <file>`.
 */
import { join } from 'node:path';
import { backupFile } from '../src/backup/nightly';
import { dumpDatabase } from '../src/backup/dump';
import { mkdirSync } from 'node:fs';
import { runCli } from './cli';

runCli(async (ctx) => {
  const dir = join(ctx.config.dataDir, 'backups');
  const today = new Date().toISOString().slice(0, 10);
  const file = process.argv[2] ?? backupFile(dir, today);
  mkdirSync(join(file, '..'), { recursive: true });
  const documents = await dumpDatabase(ctx.models.Store.db, file);
  process.stdout.write(
    `已备份 ${documents} 条记录到 ${file}\n请把 backups 文件夹复制到别的机器或网盘\n`,
  );
});
