/**
 * The path a message takes in production, for the benchmark: the journal (fsync'd, in a scratch
 * folder), the durable intake with its per-chat lanes, the bot, the delivery queue in the database
 * with this start's claims, and a stand-in platform whose send is where a reply counts as sent.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bot } from '../../src/bot';
import { createDurableIntake } from '../../src/journal/durable';
import { openJournal } from '../../src/journal/journal';
import type { Models } from '../../src/model';
import { createDelivery } from '../../src/outbox/delivery';
import type { KeyedMessage } from '../../src/outbox/keys';
import { DEFAULT_DELIVERY } from '../../src/outbox/settings';
import type { IncomingMessage, OutgoingMessage } from '../../src/pipeline/message';
import { silentLog } from './setup';

export interface Path {
  /** Resolves with ms from arrival to the first reply into the message's chat being sent, or
   * to the end of its handling when it gets none (chatter); `replied` says which. */
  send(msg: IncomingMessage): Promise<{ ms: number; replied: boolean }>;
  /** Every message taken in is handled and its replies sent. */
  idle(): Promise<void>;
  /** Called just before a handling's replies are queued (to split its database commands). */
  onEnqueue?: () => void;
  close(): Promise<void>;
}

interface Waiting {
  chatId: string;
  arrived: number;
  done(r: { ms: number; replied: boolean }): void;
}

export async function openPath(models: Models, bot: Bot, platform = 'bench'): Promise<Path> {
  const dir = mkdtempSync(join(tmpdir(), 'huitouke-bench-journal-'));
  const journal = await openJournal(dir);
  const waiting = new Map<string, Waiting>();
  /** Which incoming message each queued reply answers. */
  const answers = new WeakMap<OutgoingMessage, string>();
  let outstanding = 0;
  let settled: () => void = () => undefined;
  const finish = (id: string, replied: boolean) => {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    w.done({ ms: performance.now() - w.arrived, replied });
    outstanding -= 1;
    if (outstanding === 0) settled();
  };
  const delivery = createDelivery({
    models,
    log: silentLog,
    settings: DEFAULT_DELIVERY,
    timers: true,
    holder: { id: randomUUID(), gone: new Set() },
  });
  delivery.addSender(platform, async (m) => {
    const id = answers.get(m);
    if (id && waiting.get(id)?.chatId === m.chatId) finish(id, true);
  });
  const path: Path = {
    async send(msg) {
      outstanding += 1;
      const result = new Promise<{ ms: number; replied: boolean }>((done) =>
        waiting.set(msg.messageId, { chatId: msg.chatId, arrived: performance.now(), done }),
      );
      await durable.receive(msg);
      return result;
    },
    idle: () => (outstanding === 0 ? Promise.resolve() : new Promise<void>((r) => (settled = r))),
    async close() {
      await durable.stop();
      await delivery.stop();
      await journal.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const watched: Bot = {
    handle: async (m, opts) => {
      const replies = await bot.handle(m, opts);
      // Chatter gets nothing: its time is the handling's.
      if (!replies.some((r) => r.chatId === m.chatId)) finish(m.messageId, false);
      return replies;
    },
  };
  const enqueue = async (items: KeyedMessage[]) => {
    path.onEnqueue?.();
    for (const it of items) {
      const id = /^reply:[^:]+:[^:]+:(.+):[^:]+:\d+$/.exec(it.key)?.[1];
      if (id) answers.set(it.msg, id);
    }
    await delivery.enqueue(items);
  };
  const durable = createDurableIntake({
    bot: watched,
    journal,
    log: silentLog,
    enqueue,
    sendDirect: async () => undefined,
    timeZone: 'Asia/Shanghai',
  });
  return path;
}
