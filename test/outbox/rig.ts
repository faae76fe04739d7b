/** A fake platform and a delivery on an injected clock, for the queue's tests. */
import type { Holder } from '../../src/holder';
import type { Models } from '../../src/model';
import { createDelivery, type Delivery } from '../../src/outbox/delivery';
import { drainAccount } from '../../src/outbox/drain';
import type { KeyedMessage } from '../../src/outbox/keys';
import type { Sender } from '../../src/outbox/send';
import { DEFAULT_DELIVERY, type DeliverySettings } from '../../src/outbox/settings';
import { createWindows } from '../../src/outbox/windows';
import { createLogger } from '../../src/log';
import type { OutgoingMessage } from '../../src/pipeline/message';

export const T0 = Date.parse('2026-11-22T09:30:00+08:00');

export interface FakePlatform {
  /** What the platform accepted, with the (injected) time it was accepted at. */
  accepted: { text: string; chatId: string; at: number }[];
  /** The next `n` sends (to `chatId`, or anywhere) fail before one succeeds. */
  failNext(n: number, chatId?: string): void;
  send(msg: OutgoingMessage): Promise<void>;
}

export function fakePlatform(clock: () => number): FakePlatform {
  let failing = 0;
  let failingChat: string | undefined;
  const accepted: FakePlatform['accepted'] = [];
  return {
    accepted,
    failNext(n, chatId) {
      failing = n;
      failingChat = chatId;
    },
    async send(msg) {
      if (failing > 0 && (failingChat === undefined || failingChat === msg.chatId)) {
        failing -= 1;
        throw new Error('platform said no');
      }
      accepted.push({ text: msg.text, chatId: msg.chatId, at: clock() });
    },
  };
}

/** One "process": its own delivery on the shared database. */
export function openDelivery(
  models: Models,
  senders: Record<string, (m: OutgoingMessage) => Promise<void>>,
  clock: { now: number },
  settings: DeliverySettings = DEFAULT_DELIVERY,
  holder?: Holder,
): Delivery {
  const delivery = createDelivery({
    models,
    log: createLogger('silent'),
    settings,
    now: () => clock.now,
    holder,
  });
  for (const [platform, send] of Object.entries(senders)) delivery.addSender(platform, send);
  return delivery;
}

export function messages(
  platform: string,
  chatId: string,
  count: number,
  prefix = 'm',
  chatType: OutgoingMessage['chatType'] = 'group',
): KeyedMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `test:${platform}:${chatId}:${prefix}${i}`,
    msg: { platform, chatId, chatType, to: null, text: `${prefix}${i}` },
  }));
}

let senders = 0;

/** One process's sender on the injected clock, for driving drainAccount pass by pass. */
export function senderOf(
  models: Models,
  send: (m: OutgoingMessage) => Promise<void>,
  clock: { now: number },
  settings: DeliverySettings = DEFAULT_DELIVERY,
  holder?: Holder,
): Sender {
  return {
    models,
    log: createLogger('silent'),
    send,
    now: () => clock.now,
    holder,
    me: holder?.id ?? `sender-${++senders}`,
    windows: createWindows(models),
    ...settings,
  };
}

/** Pass after pass, the clock jumping to each wake-up, until the queue is empty. */
export async function drainToEmpty(
  sender: Sender,
  account: string,
  clock: { now: number },
  settings: DeliverySettings = DEFAULT_DELIVERY,
): Promise<number> {
  for (let passes = 1; passes < 1000; passes++) {
    const pass = await drainAccount(sender, account, settings.limits[account]);
    if (pass.wakeAt === undefined) return passes;
    clock.now = Math.max(pass.wakeAt, clock.now);
  }
  throw new Error('the queue did not empty');
}

/** Most sends in any window of `ms` ending at a send. */
export function mostInWindow(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** Messages still to send (a sent one stays as its own receipt). */
export const unsent = (models: Models) =>
  models.PendingMessage.countDocuments({ sentAt: null, deadAt: null });
