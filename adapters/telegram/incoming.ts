/** Telegram updates → the neutral IncomingMessage. Pure: no SDK calls here. */
import type { CallbackQuery, Message, UserFromGetMe } from 'telegraf/types';
import type { ChatType, IncomingMessage } from '../../src/pipeline/message';

export const TELEGRAM = 'telegram';

type TextMessage = Message.TextMessage;

const chatTypeOf = (chat: { type: string }): ChatType =>
  chat.type === 'private' ? 'direct' : 'group';

const nameOf = (u: { first_name: string; last_name?: string; username?: string }) =>
  [u.first_name, u.last_name].filter(Boolean).join(' ') || u.username || '';

/** @botname (as a mention or after a /command), a tap on the bot's name, or a reply to the bot. */
export function mentionsBot(msg: TextMessage, me: UserFromGetMe): boolean {
  const handle = `@${me.username}`.toLowerCase();
  const named = (msg.entities ?? []).some((e) => {
    const said = msg.text.slice(e.offset, e.offset + e.length).toLowerCase();
    if (e.type === 'mention') return said === handle;
    if (e.type === 'bot_command') return said.endsWith(handle);
    return e.type === 'text_mention' && e.user.id === me.id;
  });
  return named || msg.reply_to_message?.from?.id === me.id;
}

/** The text without the bot's @name, which is addressing, not content. */
export function withoutHandle(text: string, me: UserFromGetMe): string {
  const handle = new RegExp(`@${me.username}\\b`, 'gi');
  return text.replace(handle, ' ').replace(/\s+/g, ' ').trim();
}

/** Downloads a file Telegram holds (by file_id) to a path on this machine. */
export type SaveFile = (fileId: string, path: string) => Promise<void>;

/** A document sent to the bot in private (a sheet to import); its bytes are fetched on demand. */
function fromDocument(
  msg: Message.DocumentMessage,
  from: NonNullable<Message['from']>,
  saveFile: SaveFile,
): IncomingMessage {
  const { document: doc } = msg;
  return {
    platform: TELEGRAM,
    chatId: String(msg.chat.id),
    chatType: 'direct',
    senderId: String(from.id),
    senderName: nameOf(from),
    text: msg.caption ?? '',
    mentioned: false,
    messageId: `${msg.chat.id}:${msg.message_id}`,
    time: new Date(msg.date * 1000),
    file: {
      name: doc.file_name ?? 'file',
      size: doc.file_size,
      saveTo: (path) => saveFile(doc.file_id, path),
    },
  };
}

export function fromMessage(
  msg: Message,
  me: UserFromGetMe,
  saveFile: SaveFile,
): IncomingMessage | undefined {
  if (!msg.from || msg.from.is_bot) return undefined;
  // Files only in private: a document in a group is the team's, not for the bot.
  if ('document' in msg && msg.chat.type === 'private')
    return fromDocument(msg, msg.from, saveFile);
  // Otherwise only text from people: stickers, photos and other bots (this one included) are not for us.
  if (!('text' in msg)) return undefined;
  const chatType = chatTypeOf(msg.chat);
  return {
    platform: TELEGRAM,
    chatId: String(msg.chat.id),
    chatType,
    senderId: String(msg.from.id),
    senderName: nameOf(msg.from),
    text: withoutHandle(msg.text, me),
    mentioned: chatType === 'group' && mentionsBot(msg, me),
    // message_id is only unique within a chat.
    messageId: `${msg.chat.id}:${msg.message_id}`,
    time: new Date(msg.date * 1000),
  };
}

/** A pressed button: the command it carries, from the person who pressed it, in the same chat. */
export function fromButton(q: CallbackQuery, command: string): IncomingMessage | undefined {
  const chat = q.message?.chat;
  if (!chat) return undefined;
  return {
    platform: TELEGRAM,
    chatId: String(chat.id),
    chatType: chatTypeOf(chat),
    senderId: String(q.from.id),
    senderName: nameOf(q.from),
    text: command,
    // Pressing the bot's own button is speaking to the bot.
    mentioned: true,
    messageId: `callback:${q.id}`,
    time: new Date(),
  };
}
