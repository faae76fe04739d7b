/**
 * Each night after the business day rolls over, a backup into DATA_DIR/backups (dated; the ones
 * older than BACKUP_KEEP_DAYS removed). Runs with every store's schedule; the first run of the
 * night writes the file and the others find it there.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { dumpDatabase } from './dump';

export const DEFAULT_BACKUP_KEEP_DAYS = 14;
const NAME = /^huitouke-(\d{4}-\d{2}-\d{2})\.jsonl\.gz$/;

export function backupFile(dir: string, day: string): string {
  return join(dir, `huitouke-${day}.jsonl.gz`);
}

/** The backup of business day `day`, unless it exists; then files older than `keepDays` go. */
export async function nightlyBackup(
  conn: Connection,
  dir: string,
  day: string,
  keepDays: number,
): Promise<{ file: string; documents: number } | undefined> {
  mkdirSync(dir, { recursive: true });
  const file = backupFile(dir, day);
  const made = existsSync(file) ? undefined : { file, documents: await dumpDatabase(conn, file) };
  pruneBackups(dir, day, keepDays);
  return made;
}

function pruneBackups(dir: string, day: string, keepDays: number): void {
  const cut = new Date(`${day}T00:00:00Z`).getTime() - keepDays * 86_400_000;
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    if (m && new Date(`${m[1]}T00:00:00Z`).getTime() <= cut)
      rmSync(join(dir, name), { force: true });
  }
}

/** The newest backup in `dir`, for the doctor and the logs. */
export function lastBackup(dir: string): { file: string; at: Date } | undefined {
  if (!existsSync(dir)) return undefined;
  const names = readdirSync(dir)
    .filter((n) => NAME.test(n))
    .sort();
  const name = names.at(-1);
  return name ? { file: join(dir, name), at: statSync(join(dir, name)).mtime } : undefined;
}
