/**
 * The bot's numbers for Prometheus (prom-client): messages handled by platform and outcome, visits
 * recorded, messages sent, the delivery queue's depth and how long a message waits for its reply.
 * One registry per bot, not prom-client's global one, so tests can run several side by side.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Bot } from '../bot';
import type { OutgoingMessage } from '../pipeline/message';
import { REPLY_DB_DOWN, REPLY_ERROR } from '../pipeline/steps';

export type Outcome = 'replied' | 'silent' | 'error' | 'db_unavailable' | 'failed';

export interface Metrics {
  readonly registry: Registry;
  visitRecorded(): void;
  /** A derived step failed after its commit point and was left to the sweeper. */
  deferred(): void;
  /** Derived values the sweeper found wrong and rewrote. */
  repaired(n: number): void;
  /** The parser threw on a message (a bug: the message was answered with an apology). */
  parseFailed(): void;
  messageSent(platform: string): void;
  adapterConnected(platform: string, up: boolean): void;
  /** Counts and times every message the bot handles. */
  observe(bot: Bot): Bot;
  /** How many messages wait in the delivery queue; asked for on each scrape. */
  queueDepth(count: () => Promise<number>): void;
}

/** Reply latency buckets, seconds: the goal is p99 under 50 ms, the worst case is a DB timeout. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function outcomeOf(replies: OutgoingMessage[]): Outcome {
  if (replies.length === 0) return 'silent';
  if (replies.some((r) => r.text === REPLY_DB_DOWN)) return 'db_unavailable';
  if (replies.some((r) => r.text === REPLY_ERROR)) return 'error';
  return 'replied';
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  // Memory, CPU, event-loop lag: what shows a leak or a stalled process.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const messages = new Counter({
    name: 'huitouke_messages_total',
    help: 'Messages the bot handled, by platform and outcome',
    labelNames: ['platform', 'outcome'],
    registers,
  });
  const visits = new Counter({
    name: 'huitouke_visits_recorded_total',
    help: 'Visits saved (a redelivered message saves none)',
    registers,
  });
  const deferred = new Counter({
    name: 'huitouke_derived_deferred_total',
    help: 'Derived writes (figures, tier, card, day book) that failed after the change was saved',
    registers,
  });
  const repaired = new Counter({
    name: 'huitouke_derived_repaired_total',
    help: 'Derived values the sweeper found out of step with their visits and rewrote',
    registers,
  });
  const parseFailures = new Counter({
    name: 'huitouke_parse_failures_total',
    help: 'Messages the parser failed on (a bug; the sender was told to send again)',
    registers,
  });
  const sent = new Counter({
    name: 'huitouke_messages_sent_total',
    help: 'Messages the platforms accepted from the bot (replies, briefings, notices)',
    labelNames: ['platform'],
    registers,
  });
  const latency = new Histogram({
    name: 'huitouke_reply_seconds',
    help: 'From a message reaching the bot to its replies being ready to send',
    labelNames: ['platform'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const adapters = new Gauge({
    name: 'huitouke_adapter_connected',
    help: '1 while the platform adapter is connected',
    labelNames: ['platform'],
    registers,
  });
  return {
    registry,
    visitRecorded: () => visits.inc(),
    deferred: () => deferred.inc(),
    repaired: (n) => repaired.inc(n),
    parseFailed: () => parseFailures.inc(),
    messageSent: (platform) => sent.inc({ platform }),
    adapterConnected: (platform, up) => adapters.set({ platform }, up ? 1 : 0),
    observe: (bot) => ({
      handle: async (msg, opts) => {
        const stop = latency.startTimer({ platform: msg.platform });
        try {
          const replies = await bot.handle(msg, opts);
          messages.inc({ platform: msg.platform, outcome: outcomeOf(replies) });
          if (replies.length > 0) stop();
          return replies;
        } catch (err) {
          messages.inc({ platform: msg.platform, outcome: 'failed' });
          throw err;
        }
      },
    }),
    queueDepth: (count) => {
      new Gauge({
        name: 'huitouke_outbox_pending',
        help: 'Messages waiting in the delivery queue (counted at most every 5 s)',
        registers,
        collect: async function (this: Gauge) {
          const n = await count();
          if (n >= 0) this.set(n);
        },
      });
    },
  };
}
