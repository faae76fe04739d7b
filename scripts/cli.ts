/**
 * What every command-line script shares: settings, the database (the same one `npm start` uses),
 * the home store, and one line on stderr with exit 2 for a usage or settings error, 1 otherwise.
 */
import { storeByCode } from '../src/archive/stores';
import { ConfigError, loadConfig, type Config } from '../src/config';
import { openDatabase } from '../src/database';
import { createLogger } from '../src/log';
import { createModels, ensureIndexes, type Models } from '../src/model';
import type { StoreDoc } from '../src/model/store';
import { ensureStore } from '../src/setup';

export interface CliContext {
  config: Config;
  models: Models;
  home: StoreDoc;
}

/** `--store <code>` when given, else the home store. */
export async function storeFor(ctx: CliContext, code?: string): Promise<StoreDoc> {
  const store = code ? await storeByCode(ctx.models, code) : ctx.home;
  if (!store) throw new ConfigError(`没有编号为 ${code} 的门店`);
  return store;
}

async function withDatabase(
  task: (ctx: CliContext) => Promise<void>,
  check?: () => void,
): Promise<void> {
  check?.();
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
  const db = await openDatabase(config, createLogger(config.logLevel));
  try {
    const models = createModels(db.conn);
    await ensureIndexes(models);
    await task({ config, models, home: await ensureStore(models, config) });
  } finally {
    await db.close();
  }
}

export interface CliOptions {
  /** Usage checks, run before the database is opened. */
  check?: () => void;
  /** Errors that are the user's input (like ConfigError): exit 2. */
  userErrors?: (new (...args: never[]) => Error)[];
}

export function runCli(task: (ctx: CliContext) => Promise<void>, opts: CliOptions = {}): void {
  const mine = [ConfigError, ...(opts.userErrors ?? [])];
  withDatabase(task, opts.check).then(
    () => process.exit(process.exitCode ?? 0),
    (err: Error) => {
      process.stderr.write(`${err.message}\n`);
      process.exit(mine.some((E) => err instanceof E) ? 2 : 1);
    },
  );
}
