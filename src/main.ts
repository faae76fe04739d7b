/**
 * The composition root: settings, database, bot, adapters and schedule are wired here and nowhere
 * else. Start-up failures end in one readable line and a non-zero exit.
 */
import { join } from 'node:path';
import { ADAPTERS } from '../adapters';
import { CONSOLE_PLATFORM, CONSOLE_USER } from '../adapters/console';
import { createBot } from './bot';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase } from './database';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './db/connect';
import { REPLY_DB_DOWN } from './pipeline/steps';
import { DatabaseStartError } from './db/ferretdb-binary';
import { JOBS } from './jobs';
import { createLogger, type Logger } from './log';
import { createModels, ensureIndexes } from './model';
import { createObservability } from './observe';
import { createDelivery } from './outbox/delivery';
import { replyKeys } from './outbox/keys';
import { loadDeliverySettings } from './outbox/settings';
import type { ChatAdapter, IncomingMessage, OutgoingMessage } from './pipeline/message';
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
  const deliverySettings = loadDeliverySettings(process.env);
  const observed = createObservability(config.status, log);
  const adapters = createAdapters(config).map((a) => observed.adapters.watch(a));
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
  const services = {
    models,
    log,
    metrics: observed.metrics,
    filesDir: join(config.dataDir, 'files'),
  };
  const bot = observed.metrics.observe(createBot(services));
  await observed.serve(db.conn, models);
  const byPlatform = new Map(adapters.map((a) => [a.platform, a]));
  // Everything goes out through the queue in the database: rate-limited per account, retried,
  // never dropped, and still sent after a crash. Each platform's loop sends at once when the
  // limits allow, so a reply is not held back.
  const delivery = createDelivery({ models, log, settings: deliverySettings, timers: true });
  for (const a of adapters) delivery.addSender(a.platform, (out) => a.send(out));
  const sendDirect = async (out: OutgoingMessage) => {
    const adapter = byPlatform.get(out.platform);
    if (adapter) await adapter.send(out);
    else log.warn('no adapter for outgoing message', { platform: out.platform });
  };
  const reply = async (msg: IncomingMessage, replies: OutgoingMessage[]) => {
    // The bot already found the database away: queueing would only wait for it again.
    if (replies.some((r) => r.text === REPLY_DB_DOWN)) {
      for (const out of replies) await sendDirect(out);
      return;
    }
    try {
      // Queued safely is enough to move on: the account's loop sends in order, and a stuck
      // bookkeeping write (the database just went away) must not hold up the next message.
      await delivery.enqueue(replyKeys(msg, replies));
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      // The queue lives in the database: with it away, the reply (which says so) goes directly.
      for (const out of replies) await sendDirect(out);
    }
  };

  for (const adapter of adapters) {
    // Whatever goes wrong with one message is logged; it never takes the process down.
    await adapter.start(async (msg) => {
      try {
        await reply(msg, await bot.handle(msg));
      } catch (err) {
        log.error('reply failed', { messageId: msg.messageId, error: (err as Error).message });
      }
    });
  }
  delivery.start();
  let ticking = Promise.resolve();
  const tick = () =>
    (ticking = ticking.then(async () => {
      try {
        await runDueJobs(services, JOBS, new Date(), {
          enqueue: delivery.enqueue,
          leaseMs: deliverySettings.jobLeaseMs,
        });
      } catch (err) {
        log.warn('schedule tick failed', { error: (err as Error).message });
      }
    }));
  const schedule = startSchedule(tick, config.timeZone);
  log.info('huitouke started', { adapters: config.adapters, database: db.where });

  const shutdown = async () => {
    await observed.close();
    schedule.stop();
    await ticking;
    // A send under way finishes first; what is still queued goes out after the next start.
    await delivery.stop();
    for (const a of adapters) await a.stop();
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
      err instanceof DatabaseUnavailableError;
    process.stderr.write(`启动失败: ${(err as Error).message}\n`);
    if (!known) log.error('start-up failed', { stack: (err as Error).stack });
    process.exit(1);
  }
}

void main();
