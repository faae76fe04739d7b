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

/** Errors of the driver that mean the server is not reachable (names differ across versions). */
const UNAVAILABLE_NAME =
  /Mongo(?:Network|NetworkTimeout|ServerSelection|NotConnected|TopologyClosed|PoolCleared|PoolClosed|ServerClosed)Error|MongooseServerSelectionError|PoolClearedOnNetworkError|DatabaseUnavailableError/;
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|EPIPE|socket hang up|socket has been ended|socket .*closed|connection .*(?:closed|reset|refused)|pool .*(?:cleared|closed)|server selection|Topology is closed/i;
/** Node's own error codes for a peer that went away. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN']);
/** Labels the driver puts on errors a reconnect may cure. */
const UNAVAILABLE_LABELS = ['ResetPool', 'RetryableWriteError'];

/** True when an error means "the database is not there right now" rather than a bug. */
export function isDatabaseUnavailable(err: unknown): boolean {
  type Cause = {
    name?: string;
    message?: string;
    code?: unknown;
    cause?: unknown;
    errorLabels?: string[];
  };
  for (let e = err as Cause | undefined, depth = 0; e && depth < 5; e = e.cause as Cause, depth++) {
    if (e.name && UNAVAILABLE_NAME.test(e.name)) return true;
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    if (e.errorLabels?.some((l) => UNAVAILABLE_LABELS.includes(l))) return true;
  }
  return false;
}
