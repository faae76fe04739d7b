/**
 * The delivery service the composition root and the replay runner use: enqueue with keys, and
 * one drain loop per platform account that sends as soon as the limits allow. Passes over one
 * account never overlap in a process; with real timers a pass is also run when the next queued
 * message may go out, and every `pollMs` (messages queued by another process, expired claims).
 */
import type { Holder } from '../holder';
import type { Logger } from '../log';
import type { Models } from '../model';
import type { OutgoingMessage } from '../pipeline/message';
import { drainAccount } from './drain';
import type { KeyedMessage } from './keys';
import { createSequence, enqueue } from './queue';
import type { DeliverySettings } from './settings';

export type Send = (msg: OutgoingMessage) => Promise<void>;

export interface DeliveryOptions {
  models: Models;
  log: Logger;
  settings: DeliverySettings;
  /** The clock; the replay runner and tests pass their own. */
  now?: () => number;
  /** Wake up by itself (production). Off, passes run only when asked (replay, tests). */
  timers?: boolean;
  /** This start of the bot (holder.ts): sends claimed by earlier starts are taken over at once. */
  holder?: Holder;
}

export interface Delivery {
  /** This process sends `platform`'s messages through `send` (an adapter's send). */
  addSender(platform: string, send: Send): void;
  /** Queue messages (duplicate keys are skipped) and start sending them. */
  enqueue(items: KeyedMessage[]): Promise<void>;
  /** Queue, then wait for a pass over each account concerned; errors are logged, not thrown. */
  deliver(items: KeyedMessage[]): Promise<void>;
  /** A pass over one account after any running one; resolves with what it sent, in order. */
  drain(account: string): Promise<OutgoingMessage[]>;
  /** Look at every account now (what a crash left queued goes out) and keep watching. */
  start(): void;
  stop(): Promise<void>;
}

interface Loop {
  send: Send;
  tail: Promise<unknown>;
  next?: Promise<OutgoingMessage[]>;
  timer?: NodeJS.Timeout;
}

export function createDelivery(opts: DeliveryOptions): Delivery {
  const { models, log, settings } = opts;
  const now = opts.now ?? Date.now;
  const seq = createSequence();
  const loops = new Map<string, Loop>();
  let stopped = false;

  const wakeLater = (account: string, loop: Loop, at: number | undefined) => {
    if (!opts.timers || stopped) return;
    clearTimeout(loop.timer);
    const ms = Math.min(Math.max(0, (at ?? Infinity) - now()), settings.pollMs);
    loop.timer = setTimeout(() => void kick(account), ms);
    loop.timer.unref();
  };

  const pass = async (account: string, loop: Loop) => {
    loop.next = undefined;
    try {
      const sender = { models, log, send: loop.send, now, holder: opts.holder, ...settings };
      const done = await drainAccount(sender, account, settings.limits[account]);
      wakeLater(account, loop, done.wakeAt);
      return done.sent;
    } catch (err) {
      // The database or a bug; the queue is intact, so look again soon.
      wakeLater(account, loop, now() + settings.retryFirstMs);
      throw err;
    }
  };

  const drain = (account: string): Promise<OutgoingMessage[]> => {
    const loop = loops.get(account);
    if (!loop) return Promise.resolve([]);
    // Asked again before the waiting pass started: that pass will see the new messages too.
    if (loop.next) return loop.next;
    const next = loop.tail.then(() => pass(account, loop));
    loop.tail = next.catch(() => undefined);
    return (loop.next = next);
  };

  const kick = (account: string) =>
    drain(account).catch((err: Error) =>
      log.warn('delivery pass failed', { account, error: err.message }),
    );

  const enqueueAll = async (items: KeyedMessage[]) => {
    const queued = await enqueue(models, items, now(), seq);
    const accounts = [...new Set(queued.map((i) => i.msg.platform))];
    for (const a of accounts) {
      if (!loops.has(a))
        log.warn('no adapter for this platform: kept in the queue', { account: a });
    }
    return accounts.filter((a) => loops.has(a));
  };

  return {
    addSender(platform, send) {
      loops.set(platform, { send, tail: Promise.resolve() });
    },
    async enqueue(items) {
      for (const a of await enqueueAll(items)) void kick(a);
    },
    async deliver(items) {
      await Promise.all((await enqueueAll(items)).map(kick));
    },
    drain,
    start() {
      for (const account of loops.keys()) void kick(account);
    },
    async stop() {
      stopped = true;
      for (const loop of loops.values()) clearTimeout(loop.timer);
      await Promise.all([...loops.values()].map((l) => l.tail));
    },
  };
}
