/**
 * Delivery keys: the `_id` a message is queued and receipted under. A key is enqueued once and
 * sent once, so whatever produces a message twice (a job re-run after a crash, a second bot
 * process) must produce the same key.
 */
import { Types } from 'mongoose';
import type { IncomingMessage, OutgoingMessage } from '../pipeline/message';

export interface KeyedMessage {
  key: string;
  msg: OutgoingMessage;
}

/**
 * A job's messages: `<job>:<storeId>:<occurrence>:<platform>:<chatId>:<n>`, n counting that
 * run's messages to that chat, so a re-run of the same occurrence yields the same keys.
 */
export function jobMessageKeys(
  job: string,
  storeId: unknown,
  occurrence: string,
  msgs: OutgoingMessage[],
): KeyedMessage[] {
  const perChat = new Map<string, number>();
  return msgs.map((msg) => {
    const chat = `${msg.platform}:${msg.chatId}`;
    const n = perChat.get(chat) ?? 0;
    perChat.set(chat, n + 1);
    return { key: `${job}:${String(storeId)}:${occurrence}:${chat}:${n}`, msg };
  });
}

/**
 * Replies to one staff message: unique per handling. Not derived from the platform message id
 * alone: the bot already answers a redelivered message by its id (MessageLog), and some ids
 * (the console's) restart from 1 with the process, which would silence real replies.
 */
export function replyKeys(
  incoming: IncomingMessage,
  msgs: OutgoingMessage[],
  /** The journal entry's id: handling it again after a crash queues the same keys, once. */
  handling = new Types.ObjectId().toHexString(),
  /** Replies of this handling queued before these (a reply queued ahead of later work). */
  from = 0,
): KeyedMessage[] {
  return msgs.map(({ deliveryKey, ...msg }, n) => ({
    key:
      deliveryKey ??
      `reply:${incoming.platform}:${incoming.chatId}:${incoming.messageId}:${handling}:${from + n}`,
    msg,
  }));
}
