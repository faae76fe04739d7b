/**
 * The receiving side every adapter shares. Platform events are handed over without waiting for the
 * bot (Feishu wants its webhook answered within 3 s; Telegram's poller waits for handlers), each
 * chat's messages are handled in order, a failure is logged instead of lost in a promise, and
 * stop() can wait for what is already being handled.
 */
import type { Logger } from '../../src/log';
import type { IncomingMessage } from '../../src/pipeline/message';
import { createLanes } from './lanes';

export type MessageHandler = (msg: IncomingMessage) => Promise<void>;

export interface Intake {
  open(handler: MessageHandler): void;
  /** Stop taking new messages; those already taken are still handled. */
  close(): void;
  readonly isOpen: boolean;
  /** Hand a message to the bot; returns at once. False when closed (the message is not taken). */
  take(msg: IncomingMessage): boolean;
  /** Resolves when every taken message has been handled. */
  drain(): Promise<void>;
}

export function createIntake(log: Logger): Intake {
  const lanes = createLanes();
  let handler: MessageHandler | undefined;
  return {
    open(h) {
      handler = h;
    },
    close() {
      handler = undefined;
    },
    get isOpen() {
      return handler !== undefined;
    },
    take(msg) {
      const h = handler;
      if (!h) return false;
      void lanes
        .run(msg.chatId, () => h(msg))
        .catch((err: Error) =>
          log.error('message handling failed', {
            platform: msg.platform,
            messageId: msg.messageId,
            error: err.message,
          }),
        );
      return true;
    },
    drain: () => lanes.idle(),
  };
}
