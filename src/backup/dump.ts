/**
 * A backup is every collection of the database, one document per line in extended JSON, gzipped:
 * `huitouke-2026-12-02.jsonl.gz`. It is read while the bot runs: visits are the truth and every
 * derived record is recomputed from them after a restore (archive/verify), so a document written
 * half-way through the dump cannot leave the restored archive inconsistent.
 */
import { createReadStream, createWriteStream, renameSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { BSON } from 'mongodb';
import type { Connection } from 'mongoose';

const { EJSON } = BSON;

interface Line {
  /** Collection name. */
  c: string;
  /** The document, in canonical extended JSON (ObjectIds and dates survive). */
  d: unknown;
}

async function* lines(conn: Connection): AsyncGenerator<string> {
  const db = conn.db!;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((n) => !n.startsWith('system.'))
    .sort();
  for (const c of names) {
    for await (const d of db.collection(c).find({}, { sort: { _id: 1 } })) {
      const line: Line = { c, d: EJSON.serialize(d, { relaxed: false }) };
      yield `${JSON.stringify(line)}\n`;
    }
  }
}

/** Writes the dump beside `file` and renames it, so a cut-short backup never looks finished. */
export async function dumpDatabase(conn: Connection, file: string): Promise<number> {
  let count = 0;
  const counted = async function* (): AsyncGenerator<string> {
    for await (const l of lines(conn)) {
      count++;
      yield l;
    }
  };
  const partial = `${file}.partial`;
  await pipeline(Readable.from(counted()), createGzip(), createWriteStream(partial));
  renameSync(partial, file);
  return count;
}

/** Collection → documents in the dump, read back in order. */
export async function* readDump(file: string): AsyncGenerator<{ collection: string; doc: object }> {
  const input = createReadStream(file).pipe(createGunzip());
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    if (!text.trim()) continue;
    const line = JSON.parse(text) as Line;
    yield { collection: line.c, doc: EJSON.deserialize(line.d as BSON.Document) as object };
  }
}
