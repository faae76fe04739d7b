import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportDeferred } from '../archive/after-commit';
import type { ChangeContext } from '../archive/change';
import { tierSettingsOf } from '../archive/refresh';
import { businessDate } from '../time/business-day';
import { withFields, type Logger } from '../log';
import type { Models } from '../model';
import type { StaffDoc } from '../model/staff';
import type { StoreDoc } from '../model/store';
import type { Reading } from '../parser/reading';
import type { StoreClock } from '../time/business-day';
import { replyTo, type IncomingMessage, type OutgoingMessage } from './message';

export interface Services {
  models: Models;
  log: Logger;
  /** Counts for /metrics; absent in tests and the replay runner. */
  metrics?: { visitRecorded(): void; deferred(): void; parseFailed(): void };
  /** Incoming messages are journaled (src/journal): a record is kept while the database is away. */
  journaled?: boolean;
  /** Where the bot writes files it sends (exports, charts); a temporary folder when unset. */
  filesDir?: string;
  /** Days bookkeeping is kept (RETENTION_DAYS); 90 when unset. */
  retentionDays?: number;
  /** Nightly backups go here (DATA_DIR/backups), kept `keepDays`; none when unset (tests). */
  backups?: { dir: string; keepDays: number };
  /** A store's settings changed: the scheduler reads the stores again (scheduler/jobs.ts). */
  settingsChanged?: () => void;
}

export const filesDirOf = (s: Services) => s.filesDir ?? join(tmpdir(), 'huitouke-files');

/** Everything a feature sees about one incoming message. */
export interface BotContext {
  msg: IncomingMessage;
  services: Services;
  /** Set by the identify step; features only run for known staff. */
  staff?: StaffDoc;
  store?: StoreDoc;
  /** Handed back by the journal: an earlier handling of this very message was cut short. */
  resumed?: boolean;
  /** Resumed, and the message log shows it was taken in before: it may have had effects. */
  unfinished?: boolean;
  /** Set by the understand step. */
  reading?: Reading;
  /** Everything the bot sends because of this message, in order. */
  replies: OutgoingMessage[];
  /**
   * Set by a feature once its change is committed: the answer the sender gets even if what
   * follows fails (errorBoundary), so a saved table is never answered with 出错了.
   */
  committed?: string;
  /**
   * Derived work of a committed change that the reply does not wait for (a visit's customer
   * figures, card and day book): run after the replies are queued, still as the store's writer
   * (pipeline/after-reply.ts); one that fails is reported and left to the sweeper.
   */
  later(what: string, step: () => Promise<unknown>): void;
  deferred: { what: string; step: () => Promise<unknown> }[];
  /** Queue the replies so far (the journal's deliver); set by the bot for the router. */
  flush(): Promise<void>;
  /** Answer in the chat the message came from. */
  reply(text: string): void;
  /** Send elsewhere (e.g. a direct message to a customer's owner). */
  send(out: OutgoingMessage): void;
}

export function createContext(msg: IncomingMessage, services: Services): BotContext {
  const replies: OutgoingMessage[] = [];
  const deferred: BotContext['deferred'] = [];
  return {
    deferred,
    later: (what, step) => void deferred.push({ what, step }),
    flush: async () => undefined,
    msg,
    // Every line logged while handling this message says which message it was.
    services: { ...services, log: withFields(services.log, { messageId: msg.messageId }) },
    replies,
    reply: (text) => replies.push(replyTo(msg, text)),
    send: (out) => replies.push(out),
  };
}

/** The store's clock at the message's time: what pure code (parser, rules) is given. */
export function clockOf(ctx: BotContext): StoreClock {
  const s = ctx.store;
  return {
    now: ctx.msg.time,
    timeZone: s?.timeZone ?? 'Asia/Shanghai',
    businessDayCutoff: s?.businessDayCutoff ?? '05:00',
  };
}

/** The bot was spoken to: a direct chat, or an @-mention in a group. */
export const addressed = (ctx: BotContext) => ctx.msg.chatType === 'direct' || ctx.msg.mentioned;

/** Narrowing for features, which the router only runs after identification. */
export function staffOf(ctx: BotContext): { staff: StaffDoc; store: StoreDoc } {
  if (!ctx.staff || !ctx.store) throw new Error('feature ran before staff identification');
  return { staff: ctx.staff, store: ctx.store };
}

/** A derived step that failed after its commit point: logged, counted, left to the sweeper. */
export const reportOf =
  (s: Services): ReportDeferred =>
  (what, err) => {
    s.log.error('derived step left to the sweeper', { what, error: (err as Error)?.message });
    s.metrics?.deferred();
  };

export const sourceKeyOf = (ctx: BotContext) => `${ctx.msg.platform}:${ctx.msg.messageId}`;

/** Who changes the archive with this message, when, on which business day. */
export function changeOf(ctx: BotContext): ChangeContext {
  const { staff, store } = staffOf(ctx);
  return {
    by: staff._id,
    at: ctx.msg.time,
    today: businessDate(clockOf(ctx)),
    source: sourceKeyOf(ctx),
    tiers: tierSettingsOf(store),
    report: reportOf(ctx.services),
  };
}
