/**
 * What the bot sends on WeCom. The answer to a message goes back on its callback frame (a reply
 * needs no permission); anything else is a push (aibot_send_msg), which the platform takes only
 * into a chat that has messaged the bot lately. A refused push is a ChatNotOpen: it stays queued.
 */
import { readFile } from 'node:fs/promises';
import { generateReqId, type TemplateCard, type WSClient } from '@wecom/aibot-node-sdk';
import { ChatNotOpen, type Attachment, type OutgoingMessage } from '../../src/pipeline/message';
import { FileRefused } from '../shared/outbox';
import { Recent } from '../shared/recent';
import type { Frame } from './incoming';

/** A callback frame is answered on itself only this soon after it came; later, the reply is pushed. */
export const REPLY_WINDOW_MS = 5 * 60_000;
/** The platform's "too many calls" codes: worth a retry, unlike a refusal. */
const BUSY_CODES = new Set([45009, 45033, -1]);
/** uploadMedia: at most 100 chunks of 512 KB. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

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

export function createSend(client: () => WSClient, chats: Chats) {
  const push = async (chatId: string, body: Parameters<WSClient['sendMessage']>[1]) => {
    try {
      await client().sendMessage(chatId, body);
    } catch (err) {
      const ack = refusal(err);
      if (!ack) throw err;
      const what = `wecom push refused: ${ack.errcode} ${ack.errmsg ?? ''}`.trim();
      if (BUSY_CODES.has(ack.errcode ?? -1)) throw new Error(what, { cause: err });
      throw new ChatNotOpen(`${what} (${describe(chats, chatId)})`, { cause: err });
    }
  };

  /** On the frame while it is fresh; a refused reply (the frame expired early) is pushed instead. */
  const replyOrPush = async (
    chatId: string,
    reply: (frame: Frame) => Promise<unknown>,
    body: Parameters<WSClient['sendMessage']>[1],
  ) => {
    const frame = chatId ? chats.takeFrame(chatId, Date.now()) : undefined;
    if (frame) {
      try {
        await reply(frame);
        return;
      } catch (err) {
        if (!refusal(err)) throw err;
      }
    }
    await push(chatId, body);
  };

  return {
    text: (msg: OutgoingMessage, text: string) =>
      replyOrPush(msg.chatId, (f) => client().replyStream(f, generateReqId('stream'), text, true), {
        msgtype: 'markdown',
        markdown: { content: text },
      }),
    card: (msg: OutgoingMessage, card: TemplateCard) =>
      replyOrPush(msg.chatId, (f) => client().replyTemplateCard(f, card), {
        msgtype: 'template_card',
        template_card: card,
      }),
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
      await push(msg.chatId, { msgtype: type, [type]: { media_id: mediaId } });
      if (!file.caption) return;
      await take();
      await push(msg.chatId, { msgtype: 'markdown', markdown: { content: file.caption } });
    },
  };
}
