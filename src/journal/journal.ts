/**
 * The local journal: every incoming message is written here, and fsync'd, before the bot works on
 * it, and marked done once its replies are queued. What a crash or a database outage leaves
 * unfinished is taken up again from here, in order. Lines are JSON, appended; a batch of lines
 * waiting together shares one fsync, so a busy evening pays one disk flush per batch.
 */
import { mkdirSync } from 'node:fs';
import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage } from '../pipeline/message';

export interface JournalEntry {
  /** Unique per receipt (not the platform's id): also the handling id of its replies. */
  id: string;
  msg: IncomingMessage;
  /** Staff were told it is kept until the database is back. */
  acked: boolean;
}

type Line =
  | { t: 'in'; id: string; msg: IncomingMessage }
  | { t: 'ack'; id: string }
  | { t: 'done'; id: string };

const FILE = 'journal.jsonl';

export interface Journal {
  add(entry: Omit<JournalEntry, 'acked'>): Promise<void>;
  ack(id: string): Promise<void>;
  done(id: string): Promise<void>;
  /** Unfinished entries, oldest first. */
  pending(): JournalEntry[];
  close(): Promise<void>;
}

function revive(msg: IncomingMessage): IncomingMessage {
  return { ...msg, time: new Date(msg.time) };
}

/** Replay the file: entries in order, acks and done marks applied. */
function readLines(text: string): Map<string, JournalEntry> {
  const entries = new Map<string, JournalEntry>();
  for (const raw of text.split('\n')) {
    if (!raw) continue;
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      continue; // a line torn by a crash mid-write was never fsync'd, so never acknowledged
    }
    if (line.t === 'in') entries.set(line.id, { id: line.id, msg: revive(line.msg), acked: false });
    else if (line.t === 'ack') {
      const e = entries.get(line.id);
      if (e) e.acked = true;
    } else entries.delete(line.id);
  }
  return entries;
}

async function compacted(dir: string, entries: Map<string, JournalEntry>): Promise<void> {
  const lines = [...entries.values()].flatMap((e) => [
    JSON.stringify({ t: 'in', id: e.id, msg: e.msg }),
    ...(e.acked ? [JSON.stringify({ t: 'ack', id: e.id })] : []),
  ]);
  const tmp = join(dir, `${FILE}.tmp`);
  const fh = await open(tmp, 'w');
  await fh.writeFile(lines.map((l) => `${l}\n`).join(''));
  await fh.sync();
  await fh.close();
  await rename(tmp, join(dir, FILE));
}

/** A journal that cannot be read is a start-up failure, not an empty journal to overwrite. */
export class JournalError extends Error {}

/** Only a journal that does not exist yet is empty. */
async function readJournal(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new JournalError(`本地消息日志读不了(${path}):${(err as Error).message}`);
  }
}

/** Lines appended since the file was last rewritten to what is unfinished. */
export const ROTATE_AFTER_LINES = 20_000;

export async function openJournal(
  dir: string,
  opts: { rotateAfter?: number } = {},
): Promise<Journal> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, FILE);
  const entries = readLines(await readJournal(path));
  // Start from a file holding only what is unfinished: it stays small across restarts.
  await compacted(dir, entries);
  let fh: FileHandle = await open(path, 'a');
  let queued: { line: string; done: () => void; fail: (e: Error) => void }[] = [];
  let writing: Promise<void> | undefined;
  let since = 0;
  const rotateAfter = opts.rotateAfter ?? ROTATE_AFTER_LINES;

  /**
   * While running, the file is rewritten to what is unfinished once it has grown: between two
   * batches, so no append races it, and from `entries`, which every write updates first.
   */
  const rotate = async () => {
    await fh.close();
    await compacted(dir, entries);
    fh = await open(path, 'a');
    since = 0;
  };

  const flush = async (): Promise<void> => {
    while (queued.length) {
      const batch = queued;
      queued = [];
      try {
        await fh.appendFile(batch.map((b) => `${b.line}\n`).join(''));
        await fh.sync();
        since += batch.length;
        for (const b of batch) b.done();
        if (since >= rotateAfter) await rotate();
      } catch (err) {
        for (const b of batch) b.fail(err as Error);
      }
    }
    writing = undefined;
  };
  const write = (line: Line) =>
    new Promise<void>((done, fail) => {
      queued.push({ line: JSON.stringify(line), done, fail });
      writing ??= flush();
    });

  return {
    async add(e) {
      entries.set(e.id, { ...e, acked: false });
      try {
        await write({ t: 'in', id: e.id, msg: e.msg });
      } catch (err) {
        entries.delete(e.id);
        throw err;
      }
    },
    async ack(id) {
      const e = entries.get(id);
      if (e) e.acked = true;
      await write({ t: 'ack', id });
    },
    async done(id) {
      entries.delete(id);
      await write({ t: 'done', id });
    },
    pending: () => [...entries.values()],
    async close() {
      await writing;
      await fh.close();
    },
  };
}
