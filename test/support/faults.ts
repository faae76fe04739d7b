/**
 * Deterministic fault injection: the k-th database write on a connection throws before it is
 * sent (mongoose's per-connection debug hook sees every collection call), so a test can stop a
 * change after any number of its writes.
 */
import type { Connection } from 'mongoose';

const WRITES = new Set([
  'insertOne',
  'insertMany',
  'updateOne',
  'updateMany',
  'replaceOne',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
  'deleteOne',
  'deleteMany',
  'bulkWrite',
]);

export class InjectedFault extends Error {
  constructor(n: number) {
    super(`injected fault at write ${n}`);
  }
}

export interface WriteWatch {
  /** Writes seen since armed. */
  readonly writes: number;
  /** Writes seen, by collection.method. */
  readonly log: string[];
  stop(): void;
}

/**
 * Count writes. With `failAt`, the write with that number (1-based) throws: only that one
 * (`once`: an exception in the middle of a change), or it and every later one (`dead`: the
 * process died there, nothing after it reaches the database).
 */
export function watchWrites(
  conn: Connection,
  failAt?: number,
  mode: 'once' | 'dead' = 'once',
): WriteWatch {
  const log: string[] = [];
  conn.set('debug', (collection: string, method: string) => {
    if (!WRITES.has(method)) return;
    log.push(`${collection}.${method}`);
    const n = log.length;
    if (failAt !== undefined && (n === failAt || (mode === 'dead' && n > failAt)))
      throw new InjectedFault(n);
  });
  return {
    get writes() {
      return log.length;
    },
    log,
    stop: () => void conn.set('debug', false),
  };
}

/** Every collection call on a connection (reads too), for tests that count round trips. */
export function watchCommands(conn: Connection): { readonly calls: string[]; stop(): void } {
  const calls: string[] = [];
  conn.set(
    'debug',
    (collection: string, method: string) => void calls.push(`${collection}.${method}`),
  );
  return { calls, stop: () => void conn.set('debug', false) };
}
