/**
 * The composition root: settings, database, bot, adapters and schedule are wired here and nowhere
 * else. Start-up failures end in one readable line and a non-zero exit.
 */
import { join } from 'node:path';
import { ADAPTERS } from '../adapters';
import { CONSOLE_PLATFORM, CONSOLE_USER } from '../adapters/console';
import { groupPushKeyOf } from './archive/stores';
import { ArchiveVersionError, upgradeArchive } from './archive/upgrade';
import { createBot } from './bot';
import { ConfigError, loadConfig, type Config } from './config';
import { AlreadyRunningError, lockDataDir } from './data-dir-lock';
import { openDatabase } from './database';
import { DatabaseUnavailableError } from './db/connect';
import { DatabaseStartError } from './db/ferretdb-binary';
import { JOBS } from './jobs';
import { createLogger, type Logger } from './log';
import { createModels, ensureIndexes } from './model';
import { createObservability } from './observe';
import { createDelivery } from './outbox/delivery';
import { loadDeliverySettings } from './outbox/settings';
import type { ChatAdapter, OutgoingMessage } from './pipeline/message';
import { createDurableIntake } from './journal/durable';
import { JournalError, openJournal } from './journal/journal';
import { flushWithin } from './outbox/flush';
import { startHolder } from './holder-file';
import { startSchedule } from './scheduler/cron';
import { createScheduleMemory, runDueJobs } from './scheduler/jobs';
import { ensureStaff, ensureStore } from './setup';
import { startSweeping } from './sweeping';

function createAdapters(config: Config): ChatAdapter[] {
  return config.adapters.map((name) => {
    const factory = ADAPTERS[name];
    if (!factory) throw new ConfigError(`ADAPTERS: "${name}" is not available in this version`);
    return factory(config, process.env);
  });
}

async function run(config: Config, log: Logger): Promise<void> {
  const deliverySettings = loadDeliverySettings(process.env);
  const observed = createObservability(config.status, log);
  const adapters = createAdapters(config).map((a) => observed.adapters.watch(a));
  await lockDataDir(config.dataDir);
  const db = await openDatabase(config, log);
  const models = createModels(db.conn);
  await ensureIndexes(models);
  await upgradeArchive(models, log, new Date());
  const store = await ensureStore(models, config);
  if (config.adapters.includes('console')) {
    await ensureStaff(models, store, {
      platform: CONSOLE_PLATFORM,
      userId: CONSOLE_USER,
      ...config.consoleStaff,
    });
  }
  const journal = await openJournal(join(config.dataDir, 'journal'));
  const holder = startHolder(config.dataDir);
  // The schedule remembers the stores and the runs it has done: a tick between runs is free.
  const schedule = createScheduleMemory(() => models.Store.find().sort({ _id: 1 }));
  const services = {
    models,
    log,
    journaled: true,
    metrics: observed.metrics,
    filesDir: join(config.dataDir, 'files'),
    settingsChanged: schedule.forget,
    retentionDays: config.retentionDays,
    backups: { dir: join(config.dataDir, 'backups'), keepDays: config.backupKeepDays },
  };
  const bot = observed.metrics.observe(createBot(services));
  await observed.serve(db.conn, models);
  const byPlatform = new Map(adapters.map((a) => [a.platform, a]));
  // Everything goes out through the queue in the database: rate-limited per account, retried,
  // never dropped, and still sent after a crash. Each platform's loop sends at once when the
  // limits allow, so a reply is not held back.
  const delivery = createDelivery({
    models,
    log,
    settings: deliverySettings,
    timers: true,
    holder,
  });
  for (const a of adapters) delivery.addSender(a.platform, (out) => a.send(out));
  const sendDirect = async (out: OutgoingMessage) => {
    const adapter = byPlatform.get(out.platform);
    if (adapter) await adapter.send(out);
    else log.warn('no adapter for outgoing message', { platform: out.platform });
  };
  const durable = createDurableIntake({
    bot,
    journal,
    log,
    enqueue: delivery.enqueue,
    sendDirect,
    timeZone: config.timeZone,
  });
  // What a crash left unfinished goes first, before anything new is taken in.
  await durable.recover(true);
  const sweeping = startSweeping(models, log, observed.metrics);
  // What adapters may look up while sending: a refused WeCom group push tries the group's webhook.
  const lookups = {
    groupPushKey: (platform: string, chatId: string) => groupPushKeyOf(models, platform, chatId),
  };
  for (const adapter of adapters) await adapter.start((msg) => durable.receive(msg), lookups);
  durable.start();
  delivery.start();
  let ticking = Promise.resolve();
  const tick = () =>
    (ticking = ticking.then(async () => {
      try {
        await runDueJobs(services, JOBS, new Date(), {
          memory: schedule,
          enqueue: delivery.enqueue,
          leaseMs: deliverySettings.jobLeaseMs,
          holder,
        });
      } catch (err) {
        log.warn('schedule tick failed', { error: (err as Error).message });
      }
    }));
  const clock = startSchedule(tick, config.timeZone);
  log.info('huitouke started', { adapters: config.adapters, database: db.where });

  const shutdown = async () => {
    // New messages are only journaled from here (handled at the next start); those being
    // handled finish, then the queue gets a last pass while the platforms are still connected.
    await durable.stop();
    await sweeping.stop();
    await observed.close();
    clock.stop();
    await ticking;
    // One last pass over each account's queue; what the limits hold back goes after the next start.
    await flushWithin(delivery, adapters, deliverySettings.shutdownFlushMs, log);
    for (const a of adapters) await a.stop();
    await delivery.stop();
    await journal.close();
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

/** Last line of defence: a stray rejection is logged, and the bot stays up for the next message. */
function keepRunning(log: Logger): void {
  process.on('unhandledRejection', (err) =>
    log.error('unhandled rejection', { error: (err as Error)?.message ?? String(err) }),
  );
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
  keepRunning(log);
  try {
    await run(config, log);
    process.exit(0);
  } catch (err) {
    const known =
      err instanceof ConfigError ||
      err instanceof DatabaseStartError ||
      err instanceof DatabaseUnavailableError ||
      err instanceof JournalError ||
      err instanceof AlreadyRunningError ||
      err instanceof ArchiveVersionError;
    process.stderr.write(`启动失败: ${(err as Error).message}\n`);
    if (!known) log.error('start-up failed', { stack: (err as Error).stack });
    process.exit(1);
  }
}

void main();
