/**
 * Which database the bot uses: MONGODB_URI when set, else the embedded local server keeping its
 * files under DATA_DIR. Either way the caller gets a mongoose connection and a way to close it.
 */
import type { Connection } from 'mongoose';
import type { Config } from './config';
import { connectDatabase, redactUri } from './db/connect';
import { startEmbeddedDatabase } from './db/embedded';
import type { Logger } from './log';

export const DEFAULT_DB_NAME = 'huitouke';

export interface OpenDatabase {
  conn: Connection;
  /** Where the data lives, for the start-up line. */
  where: string;
  close(): Promise<void>;
}

/** The database named in the URI's path, if any (`mongodb://h/shop` → `shop`). */
export function dbNameOf(uri: string): string | undefined {
  const m = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return m ? decodeURIComponent(m[1]) : undefined;
}

export async function openDatabase(config: Config, log: Logger): Promise<OpenDatabase> {
  if (config.mongodbUri) {
    const conn = await connectDatabase(
      config.mongodbUri,
      dbNameOf(config.mongodbUri) ?? DEFAULT_DB_NAME,
    );
    watchConnection(conn, log);
    return { conn, where: redactUri(config.mongodbUri), close: () => closeQuietly(conn) };
  }
  const embedded = await startEmbeddedDatabase({
    dataDir: config.dataDir,
    port: config.embeddedDbPort,
    onLog: (msg) => log.warn(msg),
  });
  try {
    const conn = await connectDatabase(embedded.uri, DEFAULT_DB_NAME);
    watchConnection(conn, log);
    return {
      conn,
      where: `本地数据库 ${config.dataDir}`,
      close: async () => {
        await closeQuietly(conn);
        await embedded.stop();
      },
    };
  } catch (err) {
    await embedded.stop();
    throw err;
  }
}

/** Closing on purpose is not an outage: no "disconnected" warning on the way out. */
async function closeQuietly(conn: Connection): Promise<void> {
  conn.removeAllListeners('disconnected');
  await conn.close();
}

/** A connection's 'error' event must have a listener, or Node ends the process on an outage. */
export function watchConnection(conn: Connection, log: Logger): void {
  conn.on('error', (err: Error) => log.warn('database error', { error: err.message }));
  conn.on('disconnected', () => log.warn('database disconnected'));
  conn.on('reconnected', () => log.info('database reconnected'));
}
