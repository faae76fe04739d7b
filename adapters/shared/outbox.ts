/**
 * The sending side every adapter shares: an outgoing message is split at the platform's limit,
 * each part waits for the rate limits that apply to it, and parts to one chat go out in order.
 * A message with a picture or file goes as that file and its caption where the platform sends
 * files; its text is only the fallback (it names the path or carries the numbers), so the chat
 * gets one or the other, never both. `flush` waits for everything queued, which is what stop() needs.
 */
import { access } from 'node:fs/promises';
import type { Logger } from '../../src/log';
import type { Action, Attachment, OutgoingMessage } from '../../src/pipeline/message';
import { createLanes } from './lanes';
import { acquire, realClock, type Clock, type TokenBucket } from './rate-limit';
import { splitText } from './split';

export interface Part {
  text: string;
  /** Only the last part of a message carries its buttons. */
  actions?: OutgoingMessage['actions'];
}

/**
 * The platform will never take this file (it is gone, too big, of a refused type, or the app may
 * not upload): the message's text goes instead. Any other error is worth retrying.
 */
export class FileRefused extends Error {}

/**
 * Send a message's file with its caption. `take` waits for a rate-limit token: call it before
 * each platform message (a caption sent apart from its file is a second message).
 */
export type DeliverFile = (
  msg: OutgoingMessage,
  file: Attachment,
  take: () => Promise<void>,
) => Promise<void>;

export interface OutboxOptions {
  textLimit: number;
  /** The buckets one message to this chat must take a token from. */
  bucketsFor(msg: OutgoingMessage): TokenBucket[];
  /** Deliver one part through the platform's API. */
  deliver(msg: OutgoingMessage, part: Part): Promise<void>;
  /** Absent: the platform cannot send files here, and gets the message's text. */
  deliverFile?: DeliverFile;
  log?: Logger;
  clock?: Clock;
}

export interface Outbox {
  send(msg: OutgoingMessage): Promise<void>;
  flush(): Promise<void>;
  /** Parts queued and not yet sent (or failed). */
  readonly pending: number;
}

/** Grouped actions, in the order their groups first appear. */
export function actionGroups(actions: OutgoingMessage['actions'] = []): Map<string, Action[]> {
  const groups = new Map<string, Action[]>();
  for (const a of actions) if (a.group) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
  return groups;
}

/** The text in parts, its ungrouped buttons on the last, then one part per group of buttons. */
export function partsOf(msg: OutgoingMessage, textLimit: number): Part[] {
  const parts: Part[] = splitText(msg.text, textLimit).map((text) => ({ text }));
  const loose = (msg.actions ?? []).filter((a) => !a.group);
  if (loose.length > 0) parts[parts.length - 1].actions = loose;
  for (const [group, actions] of actionGroups(msg.actions)) parts.push({ text: group, actions });
  return parts;
}

export function createOutbox(opts: OutboxOptions): Outbox {
  const lanes = createLanes();
  const clock = opts.clock ?? realClock;
  const sendPart = async (msg: OutgoingMessage, part: Part) => {
    await acquire(opts.bucketsFor(msg), clock);
    await opts.deliver(msg, part);
  };

  /** The file, or when the platform refuses it for good, the text: in one lane turn, so in order. */
  const sendWithFile = async (msg: OutgoingMessage, file: Attachment, deliverFile: DeliverFile) => {
    try {
      await access(file.path).catch((err: Error) => {
        throw new FileRefused(`file unreadable: ${err.message}`);
      });
      await deliverFile(msg, file, () => acquire(opts.bucketsFor(msg), clock));
      return;
    } catch (err) {
      if (!(err instanceof FileRefused)) throw err;
      opts.log?.warn('file not sent, sending the text instead', {
        platform: msg.platform,
        chatId: msg.chatId,
        kind: file.kind,
        error: err.message,
      });
    }
    for (const part of partsOf(msg, opts.textLimit)) await sendPart(msg, part);
  };

  return {
    async send(msg) {
      const { attachment } = msg;
      const { deliverFile } = opts;
      if (attachment && deliverFile) {
        await lanes.run(msg.chatId, () => sendWithFile(msg, attachment, deliverFile));
        return;
      }
      await Promise.all(
        partsOf(msg, opts.textLimit).map((part) =>
          lanes.run(msg.chatId, () => sendPart(msg, part)),
        ),
      );
    },
    flush: () => lanes.idle(),
    get pending() {
      return lanes.pending;
    },
  };
}
