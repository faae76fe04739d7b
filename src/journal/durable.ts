/**
 * Between the adapters and the bot: each message is journaled (fsync'd) before it is handled and
 * marked done once its replies are queued. A record that arrives while the database is away is
 * acknowledged (`已收到…`), kept, and written when the database is back, in order, with staff told;
 * what a crash left unfinished is handled again at the next start. Exactly once comes from the
 * message log and the visit's unique source key (src/pipeline/steps.ts takenIn).
 */
import { randomUUID } from 'node:crypto';
import type { Bot } from '../bot';
import { isDatabaseUnavailable } from '../db/connect';
import type { Logger } from '../log';
import { replyKeys, type KeyedMessage } from '../outbox/keys';
import type { IncomingMessage, OutgoingMessage } from '../pipeline/message';
import { REPLY_DB_DOWN, REPLY_KEPT } from '../pipeline/steps';
import { createLanes } from '../pipeline/lanes';
import { localParts } from '../time/business-day';
import type { Journal, JournalEntry } from './journal';

export interface DurableIntakeOptions {
  bot: Bot;
  journal: Journal;
  log: Logger;
  enqueue(items: KeyedMessage[]): Promise<void>;
  /** Straight to the platform: for answers given while the database (and its queue) is away. */
  sendDirect(out: OutgoingMessage): Promise<void>;
  timeZone: string;
  /** How often kept records are tried again while the database is away. */
  retryMs?: number;
}

export interface DurableIntake {
  /** Resolves once the message is journaled; it is handled after, in its chat's order. */
  receive(msg: IncomingMessage): Promise<void>;
  /** Handle what is still in the journal, oldest first; `all` also takes what a crash cut short. */
  recover(all?: boolean): Promise<void>;
  start(): void;
  /**
   * Stop handling: what arrives from now on is only journaled (handled at the next start), and
   * this resolves when what was being handled has finished.
   */
  stop(): Promise<void>;
}

type Outcome = 'done' | 'kept';

function hhmm(time: Date, timeZone: string): string {
  const p = localParts(time, timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

export function createDurableIntake(o: DurableIntakeOptions): DurableIntake {
  const inFlight = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let recovering: Promise<void> | undefined;
  let stopping = false;
  const handling = new Set<Promise<unknown>>();
  // Each chat's messages are handled in the order they were journaled; receive() returns once
  // the message is on disk, so an adapter's queue never holds a message the journal has not.
  const lanes = createLanes();

  /** Staff who were told "kept" learn that it is now written, and which message it was. */
  const noted = (msg: IncomingMessage, replies: OutgoingMessage[]) =>
    replies.map((r, i) =>
      i === 0
        ? { ...r, text: `数据库已恢复,补录${hhmm(msg.time, o.timeZone)}的消息:\n${r.text}` }
        : r,
    );

  const direct = async (replies: OutgoingMessage[]) => {
    for (const r of replies) await o.sendDirect(r);
  };

  /** `from`: how many of this handling's replies were queued by earlier calls. */
  const deliver = async (
    e: JournalEntry,
    resumed: boolean,
    replies: OutgoingMessage[],
    from: number,
  ) => {
    if (replies.some((r) => r.text === REPLY_KEPT)) {
      if (resumed || e.acked) return 'kept';
      await direct(replies);
      await o.journal.ack(e.id);
      e.acked = true;
      return 'kept';
    }
    if (replies.some((r) => r.text === REPLY_DB_DOWN)) {
      await direct(replies);
      return 'done';
    }
    const told = resumed && e.acked && from === 0 ? noted(e.msg, replies) : replies;
    try {
      await o.enqueue(replyKeys(e.msg, told, e.id, from));
    } catch (err) {
      // Saved, but the queue (in the database) just went away: answer straight away instead.
      if (!isDatabaseUnavailable(err)) throw err;
      await direct(told);
    }
    return 'done';
  };

  const settle = async (e: JournalEntry, resumed: boolean): Promise<Outcome> => {
    inFlight.add(e.id);
    try {
      let outcome: Outcome = 'done';
      let queued = 0;
      await o.bot.handle(e.msg, {
        resumed,
        deliver: async (replies) => {
          outcome = await deliver(e, resumed, replies, queued);
          queued += replies.length;
        },
      });
      if (outcome === 'done') await o.journal.done(e.id);
      return outcome;
    } finally {
      inFlight.delete(e.id);
    }
  };

  /** A message the journal refused: no "kept for later", nothing to mark done. */
  const unjournaled = async (e: JournalEntry) => {
    let queued = 0;
    await o.bot.handle(e.msg, {
      unjournaled: true,
      deliver: async (replies) => {
        await deliver(e, false, replies, queued);
        queued += replies.length;
      },
    });
  };

  const pass = async (all: boolean) => {
    for (const e of o.journal.pending()) {
      if (inFlight.has(e.id) || (!all && !e.acked)) continue;
      try {
        if ((await settle(e, true)) === 'kept') return; // still away: keep the order, try later
      } catch (err) {
        o.log.error('journaled message failed', {
          messageId: e.msg.messageId,
          error: (err as Error).message,
        });
        return;
      }
    }
  };

  const recover = (all = false) =>
    (recovering ??= pass(all).finally(() => (recovering = undefined)));

  return {
    async receive(msg) {
      const e: JournalEntry = { id: randomUUID(), msg, acked: false };
      let journaled = true;
      try {
        await o.journal.add(e);
      } catch (err) {
        // Handled all the same, but nothing may tell staff it is kept for later: if the
        // database is away too, they hear that it was not recorded and should send it again.
        journaled = false;
        o.log.error('journal write failed: this message is handled without it', {
          messageId: msg.messageId,
          error: (err as Error).message,
        });
      }
      if (stopping) {
        if (!journaled) throw new Error('stopping, and the message could not be journaled');
        return;
      }
      const job = lanes
        .run(msg.chatId, async () => void (await (journaled ? settle(e, false) : unjournaled(e))))
        .catch((err: Error) =>
          o.log.error('reply failed', { messageId: msg.messageId, error: err.message }),
        );
      handling.add(job);
      void job.then(() => handling.delete(job));
    },
    recover,
    start() {
      const tick = () => {
        if (o.journal.pending().some((e) => e.acked)) void recover();
        timer = setTimeout(tick, o.retryMs ?? 2000);
        timer.unref();
      };
      tick();
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await Promise.all([recovering, ...handling]);
    },
  };
}
