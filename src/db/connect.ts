import mongoose, { type Connection } from 'mongoose';

export class DatabaseUnavailableError extends Error {}

/**
 * Connect without command buffering: while the database is away an operation fails fast (after
 * server selection times out) instead of hanging a staff member's message, and the driver keeps
 * reconnecting in the background.
 */
export async function connectDatabase(
  uri: string,
  dbName: string,
  options: { monitorCommands?: boolean } = {},
): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 3000,
    connectTimeoutMS: 3000,
    // Notice a database that came back within seconds, not the driver's default 10 s.
    heartbeatFrequencyMS: 2000,
    bufferCommands: false,
    autoIndex: false,
    ...options,
  });
  try {
    await conn.asPromise();
  } catch (err) {
    await conn.close().catch(() => undefined);
    throw new DatabaseUnavailableError(
      `无法连接数据库 ${redactUri(uri)}: ${(err as Error).message}`,
    );
  }
  return conn;
}

/** Credentials in a URI never reach a log line. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]+@/, '//***@');
}

const UNAVAILABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'DatabaseUnavailableError',
]);

/** True when an error means "the database is not there right now" rather than a bug. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { name?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.name && UNAVAILABLE.has(e.name)) return true;
    if (e instanceof Error && /connection .* closed|ECONNREFUSED|ECONNRESET/i.test(e.message))
      return true;
  }
  return false;
}
