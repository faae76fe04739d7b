/**
 * The sending side every adapter shares: an outgoing message is split at the platform's limit,
 * each part waits for the rate limits that apply to it, and parts to one chat go out in order.
 * `flush` waits for everything queued, which is what stop() needs.
 */
import type { OutgoingMessage } from '../../src/pipeline/message';
import { createLanes } from './lanes';
import { acquire, realClock, type Clock, type TokenBucket } from './rate-limit';
import { splitText } from './split';

export interface Part {
  text: string;
  /** Only the last part of a message carries its buttons. */
  actions?: OutgoingMessage['actions'];
}

export interface OutboxOptions {
  textLimit: number;
  /** The buckets one message to this chat must take a token from. */
  bucketsFor(msg: OutgoingMessage): TokenBucket[];
  /** Deliver one part through the platform's API. */
  deliver(msg: OutgoingMessage, part: Part): Promise<void>;
  clock?: Clock;
}

export interface Outbox {
  send(msg: OutgoingMessage): Promise<void>;
  flush(): Promise<void>;
  /** Parts queued and not yet sent (or failed). */
  readonly pending: number;
}

export function partsOf(msg: OutgoingMessage, textLimit: number): Part[] {
  const parts: Part[] = splitText(msg.text, textLimit).map((text) => ({ text }));
  if (msg.actions && msg.actions.length > 0) parts[parts.length - 1].actions = msg.actions;
  return parts;
}

export function createOutbox(opts: OutboxOptions): Outbox {
  const lanes = createLanes();
  const clock = opts.clock ?? realClock;
  return {
    async send(msg) {
      const parts = partsOf(msg, opts.textLimit);
      await Promise.all(
        parts.map((part) =>
          lanes.run(msg.chatId, async () => {
            await acquire(opts.bucketsFor(msg), clock);
            await opts.deliver(msg, part);
          }),
        ),
      );
    },
    flush: () => lanes.idle(),
    get pending() {
      return lanes.pending;
    },
  };
}
