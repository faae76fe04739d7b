/**
 * The composition root: settings, database, bot, adapters and schedule are wired here and nowhere
 * else. Start-up failures end in one readable line and a non-zero exit.
 */
import { ADAPTERS } from '../adapters';
import { CONSOLE_PLATFORM, CONSOLE_USER } from '../adapters/console';
import { createBot } from './bot';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase } from './database';
import { DatabaseUnavailableError } from './db/connect';
import { DatabaseStartError } from './db/ferretdb-binary';
import { JOBS } from './jobs';
import { createLogger, type Logger } from './log';
import { createModels, ensureIndexes } from './model';
import type { ChatAdapter, OutgoingMessage } from './pipeline/message';
import { startSchedule } from './scheduler/cron';
import { runDueJobs } from './scheduler/jobs';
import { ensureStaff, ensureStore } from './setup';

function createAdapters(config: Config): ChatAdapter[] {
  return config.adapters.map((name) => {
    const factory = ADAPTERS[name];
    if (!factory) throw new ConfigError(`ADAPTERS: "${name}" is not available in this version`);
    return factory(config, process.env);
  });
}

async function run(config: Config, log: Logger): Promise<void> {
  const adapters = createAdapters(config);
  const db = await openDatabase(config, log);
  const models = createModels(db.conn);
  await ensureIndexes(models);
  const store = await ensureStore(models, config);
  if (config.adapters.includes('console')) {
    await ensureStaff(models, store, {
      platform: CONSOLE_PLATFORM,
      userId: CONSOLE_USER,
      ...config.consoleStaff,
    });
  }
  const services = { models, log };
  const bot = createBot(services);
  const byPlatform = new Map(adapters.map((a) => [a.platform, a]));
  const deliver = async (out: OutgoingMessage) => {
    const adapter = byPlatform.get(out.platform);
    if (adapter) await adapter.send(out);
    else log.warn('no adapter for outgoing message', { platform: out.platform });
  };

  for (const adapter of adapters) {
    await adapter.start(async (msg) => {
      for (const reply of await bot.handle(msg)) await deliver(reply);
    });
  }
  let ticking = Promise.resolve();
  const tick = () =>
    (ticking = ticking.then(async () => {
      try {
        for (const out of await runDueJobs(services, JOBS, new Date())) await deliver(out);
      } catch (err) {
        log.warn('schedule tick failed', { error: (err as Error).message });
      }
    }));
  const schedule = startSchedule(tick, config.timeZone);
  log.info('huitouke started', { adapters: config.adapters, database: db.where });

  const shutdown = async () => {
    schedule.stop();
    for (const a of adapters) await a.stop();
    await ticking;
    await db.close();
  };
  const finished = adapters
    .map((a) => a.finished)
    .filter((f): f is Promise<void> => f !== undefined);
  const signalled = new Promise<void>((res) => {
    process.once('SIGINT', res);
    process.once('SIGTERM', res);
  });
  // A piped console ends the run when its input does; a platform adapter runs until signalled.
  await (finished.length === adapters.length && !process.stdin.isTTY
    ? Promise.race([Promise.all(finished), signalled])
    : signalled);
  await shutdown();
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    process.stderr.write(`配置错误 ${(err as Error).message}\n`);
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  try {
    await run(config, log);
    process.exit(0);
  } catch (err) {
    const known =
      err instanceof ConfigError ||
      err instanceof DatabaseStartError ||
      err instanceof DatabaseUnavailableError;
    process.stderr.write(`启动失败: ${(err as Error).message}\n`);
    if (!known) log.error('start-up failed', { stack: (err as Error).stack });
    process.exit(1);
  }
}

void main();
