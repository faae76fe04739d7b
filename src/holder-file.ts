/**
 * This start's holder id, kept in `DATA_DIR/holder.json` with the ids of the starts before it, so
 * the next start knows whose claims belonged to a process that is gone (see holder.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Holder } from './holder';

/** Enough to cover a run of crashes at start-up; a claim older than these has a lapsed lease. */
const REMEMBERED = 20;

function earlier(file: string): string[] {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { id?: unknown; gone?: unknown };
    const ids = [saved.id, ...(Array.isArray(saved.gone) ? saved.gone : [])];
    return ids.filter((x): x is string => typeof x === 'string').slice(0, REMEMBERED);
  } catch {
    return [];
  }
}

export function startHolder(dataDir: string): Holder {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'holder.json');
  const holder = { id: randomUUID(), gone: earlier(file) };
  // Written whole, then renamed: a crash here leaves the old file or the new one, never half.
  writeFileSync(`${file}.tmp`, JSON.stringify(holder));
  renameSync(`${file}.tmp`, file);
  return { id: holder.id, gone: new Set(holder.gone) };
}
