/**
 * The delivery service the composition root and the replay runner use: enqueue with keys, and
 * one drain loop per platform account that sends as soon as the limits allow. Passes over one
 * account never overlap in a process. What this process queued it sends from memory, without
 * reading the queue; the queue is read whole only at start, by `drain`, and every `scanMs` with
 * real timers (messages queued by another process, claims of a process that died).
 */
import { randomUUID } from 'node:crypto';
import type { Holder } from '../holder';
import type { Logger } from '../log';
import type { Models } from '../model';
import type { OutgoingMessage } from '../pipeline/message';
import { deadLetterNotices } from './dead-letter';
import { waitingNotices } from './waiting';
import { drainAccount, readQueue } from './drain';
import type { KeyedMessage } from './keys';
import { createSequence, enqueue, type Queued } from './queue';
import type { Sender } from './send';
import type { DeliverySettings } from './settings';
import { createWindows } from './windows';

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
  /** A pass over one account's whole queue after any running one; resolves with what it sent. */
  drain(account: string): Promise<OutgoingMessage[]>;
  /** Look at every account now (what a crash left queued goes out) and keep watching. */
  start(): void;
  stop(): Promise<void>;
}

interface Loop {
  send: Send;
  tail: Promise<unknown>;
  next?: { scan: boolean; pass: Promise<OutgoingMessage[]> };
  timer?: NodeJS.Timeout;
  lastScan: number;
}

/** How often send windows are written while sending (and on stop). */
const WINDOW_FLUSH_MS = 5000;

export function createDelivery(opts: DeliveryOptions): Delivery {
  const { models, log, settings } = opts;
  const now = opts.now ?? Date.now;
  const seq = createSequence();
  const me = opts.holder?.id ?? randomUUID();
  // Claimed as they are queued only by a start the next one can tell is gone (holder.ts):
  // otherwise a crash would hold its queued replies back for a whole lease.
  const owner = opts.holder ? { id: me, leaseMs: settings.sendLeaseMs } : undefined;
  const windows = createWindows(models, opts.timers ? WINDOW_FLUSH_MS : 0);
  const loops = new Map<string, Loop>();
  /** What this process queued and has not finished with, per account. */
  const own = new Map<string, Map<string, Queued>>();
  let stopped = false;

  const mine = (account: string) => {
    let m = own.get(account);
    if (!m) own.set(account, (m = new Map()));
    return m;
  };

  const wakeLater = (account: string, loop: Loop, at: number | undefined) => {
    if (!opts.timers || stopped) return;
    clearTimeout(loop.timer);
    const ms = Math.min(Math.max(0, (at ?? Infinity) - now()), settings.pollMs);
    loop.timer = setTimeout(() => void kick(account), ms);
    loop.timer.unref();
  };

  const senderOf = (loop: Loop): Sender => ({
    models,
    log,
    send: loop.send,
    now,
    holder: opts.holder,
    me,
    windows,
    onDead: async (p) => void (await enqueueAll(await deadLetterNotices(models, p))),
    onWaiting: async (p, err) =>
      void (await enqueueAll(await waitingNotices(models, p, now(), err))),
    ...settings,
  });

  /** The queue to look at: this process's own, or (scan) everything, refreshing its own. */
  const queueOf = async (s: Sender, account: string, scan: boolean): Promise<Queued[]> => {
    const m = mine(account);
    if (!scan) return [...m.values()];
    const read = await readQueue(s, account);
    // What this process holds is brought up to date in place (the pass mutates it as it goes).
    return read.map((p) => {
      const held = m.get(p._id);
      return held ? Object.assign(held, p, { msg: held.msg }) : p;
    });
  };

  const pass = async (account: string, loop: Loop, scan: boolean) => {
    loop.next = undefined;
    try {
      const s = senderOf(loop);
      if (scan) loop.lastScan = now();
      const done = await drainAccount(
        s,
        account,
        settings.limits[account],
        await queueOf(s, account, scan),
      );
      for (const key of done.settled) mine(account).delete(key);
      wakeLater(account, loop, done.wakeAt);
      return done.sent;
    } catch (err) {
      // The database or a bug; the queue is intact, so look again soon.
      wakeLater(account, loop, now() + settings.retryFirstMs);
      throw err;
    }
  };

  const run = (account: string, scan: boolean): Promise<OutgoingMessage[]> => {
    const loop = loops.get(account);
    if (!loop) return Promise.resolve([]);
    // Asked again before the waiting pass started: that pass will see the new messages too.
    if (loop.next && (loop.next.scan || !scan)) return loop.next.pass;
    const next = loop.tail.then(() => pass(account, loop, scan));
    loop.tail = next.catch(() => undefined);
    loop.next = { scan, pass: next };
    return next;
  };

  const kick = (account: string) => {
    const loop = loops.get(account);
    const scan = !!loop && now() - loop.lastScan >= settings.scanMs;
    return run(account, scan).catch((err: Error) =>
      log.warn('delivery pass failed', { account, error: err.message }),
    );
  };

  const enqueueAll = async (items: KeyedMessage[]) => {
    const queued = await enqueue(models, items, now(), seq, owner);
    for (const p of queued) mine(p.account).set(p._id, p);
    const accounts = [...new Set(queued.map((p) => p.account))];
    for (const a of accounts) {
      if (!loops.has(a))
        log.warn('no adapter for this platform: kept in the queue', { account: a });
    }
    return accounts.filter((a) => loops.has(a));
  };

  return {
    addSender(platform, send) {
      loops.set(platform, { send, tail: Promise.resolve(), lastScan: now() });
    },
    async enqueue(items) {
      for (const a of await enqueueAll(items)) void kick(a);
    },
    async deliver(items) {
      await Promise.all((await enqueueAll(items)).map(kick));
    },
    drain: (account) => run(account, true),
    start() {
      for (const account of loops.keys())
        void run(account, true).catch((err: Error) =>
          log.warn('delivery pass failed', { account, error: err.message }),
        );
    },
    async stop() {
      stopped = true;
      for (const loop of loops.values()) clearTimeout(loop.timer);
      await Promise.all([...loops.values()].map((l) => l.tail));
      await windows
        .flush()
        .catch((err: Error) => log.warn('send windows not saved', { error: err.message }));
    },
  };
}
