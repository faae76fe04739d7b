/**
 * What the bot sends on WeCom. The answer to a message goes back on its callback frame (a reply
 * needs no permission); anything else is a push (aibot_send_msg), which the platform takes only
 * into a chat that has messaged the bot lately. A refused push is a ChatNotOpen: it stays queued,
 * unless the chat is a team group an admin gave a push webhook (`设置 本群推送`): then the text goes
 * through the webhook and counts as sent. This is the one place that fallback lives, so the
 * delivery queue stays the same for every platform.
 */
import { readFile } from 'node:fs/promises';
import { generateReqId, type TemplateCard, type WSClient } from '@wecom/aibot-node-sdk';
import {
  ChatNotOpen,
  type AdapterLookups,
  type Attachment,
  type OutgoingMessage,
} from '../../src/pipeline/message';
import { withActionsAsText } from '../shared/actions-text';
import { FileRefused } from '../shared/outbox';
import { Recent } from '../shared/recent';
import { WECOM, type Frame } from './incoming';
import type { GroupWebhook } from './webhook';

/** A callback frame is answered on itself only this soon after it came; later, the reply is pushed. */
export const REPLY_WINDOW_MS = 5 * 60_000;
/** The platform's "too many calls" codes: worth a retry, unlike a refusal. */
const BUSY_CODES = new Set([45009, 45033, -1]);
/** uploadMedia: at most 100 chunks of 512 KB. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

type Actions = NonNullable<OutgoingMessage['actions']>;

interface AckError {
  errcode?: number;
  errmsg?: string;
}

/** Per chat: the last message's frame (to answer on) and when the chat last spoke to the bot. */
export class Chats {
  private readonly frames = new Recent<{ frame: Frame; at: number }>(5000);
  private readonly heard = new Recent<number>(20_000);

  spoke(chatId: string, frame: Frame, at: number): void {
    this.frames.set(chatId, { frame, at });
    this.heard.set(chatId, at);
  }

  /** The frame to answer on, once: a second part of the answer is a push. */
  takeFrame(chatId: string, now: number): Frame | undefined {
    const f = this.frames.get(chatId);
    if (!f || now - f.at > REPLY_WINDOW_MS) return undefined;
    this.frames.set(chatId, { frame: f.frame, at: -Infinity });
    return f.frame;
  }

  lastHeard(chatId: string): number | undefined {
    return this.heard.get(chatId);
  }
}

function describe(chats: Chats, chatId: string): string {
  const at = chats.lastHeard(chatId);
  return at
    ? `last message to the bot ${new Date(at).toISOString()}`
    : 'no message to the bot seen';
}

/** The SDK rejects with the ack frame when the platform says no, with an Error when the socket does. */
function refusal(err: unknown): AckError | undefined {
  if (err instanceof Error || typeof err !== 'object' || err === null) return undefined;
  return err as AckError;
}

/** The group's push webhook, and how to find its key (the bot's records, given at start). */
export interface GroupFallback {
  webhook: GroupWebhook;
  lookups(): AdapterLookups | undefined;
}

type Body = Parameters<WSClient['sendMessage']>[1];

/** What to throw for a push that failed: busy is retried as usual, a refusal waits for the chat. */
function pushError(err: unknown, chats: Chats, chatId: string): unknown {
  const ack = refusal(err);
  if (!ack) return err;
  const what = `wecom push refused: ${ack.errcode} ${ack.errmsg ?? ''}`.trim();
  if (BUSY_CODES.has(ack.errcode ?? -1)) return new Error(what, { cause: err });
  return new ChatNotOpen(`${what} (${describe(chats, chatId)})`, { cause: err });
}

export function createSend(client: () => WSClient, chats: Chats, fallback?: GroupFallback) {
  /** `asText`: what the group's webhook sends instead when the push is refused (text only). */
  const push = async (msg: OutgoingMessage, body: Body, asText?: string) => {
    try {
      await client().sendMessage(msg.chatId, body);
    } catch (err) {
      const failed = pushError(err, chats, msg.chatId);
      const key =
        failed instanceof ChatNotOpen && asText !== undefined && msg.chatType === 'group'
          ? // The records unreadable now: the message waits for the chat, as without a webhook.
            await fallback
              ?.lookups()
              ?.groupPushKey(WECOM, msg.chatId)
              .catch(() => undefined)
          : undefined;
      if (!key || !fallback) throw failed;
      await fallback.webhook.send(msg.chatId, key, asText!);
    }
  };

  /** On the frame while it is fresh; a refused reply (the frame expired early) is pushed instead. */
  const replyOrPush = async (
    msg: OutgoingMessage,
    reply: (frame: Frame) => Promise<unknown>,
    body: Body,
    asText: string,
  ) => {
    const frame = msg.chatId ? chats.takeFrame(msg.chatId, Date.now()) : undefined;
    if (frame) {
      try {
        await reply(frame);
        return;
      } catch (err) {
        if (!refusal(err)) throw err;
      }
    }
    await push(msg, body, asText);
  };

  return {
    text: (msg: OutgoingMessage, text: string) =>
      replyOrPush(
        msg,
        (f) => client().replyStream(f, generateReqId('stream'), text, true),
        { msgtype: 'markdown', markdown: { content: text } },
        text,
      ),
    /** A group's webhook takes no buttons: there the card goes as text with the commands. */
    card: (msg: OutgoingMessage, card: TemplateCard, shown: { text: string; actions: Actions }) =>
      replyOrPush(
        msg,
        (f) => client().replyTemplateCard(f, card),
        { msgtype: 'template_card', template_card: card },
        // One card is one line: each of its buttons is a line saying what to send.
        withActionsAsText({
          ...shown,
          actions: shown.actions.map(({ label, command }) => ({ label, command })),
        }),
      ),
    /** uploadMedia, then a media push; WeCom files have no caption, so it follows as text. */
    async file(msg: OutgoingMessage, file: Attachment, take: () => Promise<void>) {
      const bytes = await readFile(file.path).catch((err: Error) => {
        throw new FileRefused(err.message);
      });
      if (bytes.length > MAX_UPLOAD_BYTES) throw new FileRefused('over 50 MB');
      const type = file.kind === 'image' ? 'image' : 'file';
      let mediaId: string;
      try {
        mediaId = (await client().uploadMedia(bytes, { type, filename: file.name })).media_id;
      } catch (err) {
        // Refused by the platform (type, size): the text goes instead. A dropped socket retries.
        if (refusal(err)) throw new FileRefused(`wecom upload refused: ${refusal(err)!.errcode}`);
        throw err;
      }
      await take();
      await push(msg, { msgtype: type, [type]: { media_id: mediaId } });
      if (!file.caption) return;
      await take();
      await push(msg, { msgtype: 'markdown', markdown: { content: file.caption } }, file.caption);
    },
  };
}
