/** Feishu events → the neutral IncomingMessage. Pure: no SDK calls here. */
import type { ChatType, IncomingMessage } from '../../src/pipeline/message';

export const FEISHU = 'feishu';

interface UserId {
  open_id?: string;
}

/** `im.message.receive_v1` as the SDK hands it over (header fields flattened in). */
export interface MessageEvent {
  event_id?: string;
  sender: { sender_id?: UserId; sender_type: string };
  message: {
    message_id: string;
    create_time: string;
    chat_id: string;
    chat_type: string;
    message_type: string;
    content: string;
    mentions?: { key: string; id: UserId; name: string }[];
  };
}

/** `card.action.trigger`: a button on one of the bot's cards was pressed. */
export interface CardActionEvent {
  event_id?: string;
  operator?: UserId;
  action?: { value?: { command?: unknown } };
  context?: { open_message_id?: string; open_chat_id?: string };
}

export const chatTypeOf = (feishuType: string): ChatType =>
  feishuType === 'p2p' ? 'direct' : 'group';

function textOf(content: string): string | undefined {
  try {
    const parsed = JSON.parse(content) as { text?: unknown };
    return typeof parsed.text === 'string' ? parsed.text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Mentions arrive as placeholders (`@_user_1`): the bot's own is addressing and is dropped, a
 * colleague's becomes their name so the text reads as it was typed.
 */
function resolveMentions(
  text: string,
  ev: MessageEvent,
  botOpenId: string,
): { text: string; mentioned: boolean } {
  let mentioned = false;
  for (const m of ev.message.mentions ?? []) {
    const isBot = m.id.open_id === botOpenId;
    mentioned ||= isBot;
    text = text.split(m.key).join(isBot ? ' ' : `@${m.name}`);
  }
  return { text: text.replace(/\s+/g, ' ').trim(), mentioned };
}

/** Downloads the file of a message (by its file_key) to a path on this machine. */
export type SaveFile = (messageId: string, fileKey: string, path: string) => Promise<void>;

/** A file sent to the bot in a direct chat (a sheet to import); its bytes are fetched on demand. */
function fromFileEvent(ev: MessageEvent, sender: string, saveFile: SaveFile) {
  let content: { file_key?: unknown; file_name?: unknown };
  try {
    content = JSON.parse(ev.message.content) as typeof content;
  } catch {
    return undefined;
  }
  const { file_key: key, file_name: name } = content;
  if (typeof key !== 'string') return undefined;
  const messageId = ev.message.message_id;
  return {
    platform: FEISHU,
    chatId: ev.message.chat_id,
    chatType: 'direct' as const,
    senderId: sender,
    text: '',
    mentioned: false,
    messageId,
    time: new Date(Number(ev.message.create_time) || Date.now()),
    file: {
      name: typeof name === 'string' ? name : 'file',
      saveTo: (path: string) => saveFile(messageId, key, path),
    },
  };
}

export function fromMessageEvent(
  ev: MessageEvent,
  botOpenId: string,
  saveFile: SaveFile,
): IncomingMessage | undefined {
  const sender = ev.sender.sender_id?.open_id;
  if (ev.sender.sender_type !== 'user' || !sender) return undefined;
  // Files only in direct chats: a file in a group is the team's, not for the bot.
  if (ev.message.message_type === 'file' && chatTypeOf(ev.message.chat_type) === 'direct')
    return fromFileEvent(ev, sender, saveFile);
  // Otherwise only text typed by people: images, stickers and other apps' messages are not for the bot.
  if (ev.message.message_type !== 'text') return undefined;
  const raw = textOf(ev.message.content);
  if (raw === undefined) return undefined;
  const { text, mentioned } = resolveMentions(raw, ev, botOpenId);
  const chatType = chatTypeOf(ev.message.chat_type);
  return {
    platform: FEISHU,
    chatId: ev.message.chat_id,
    chatType,
    senderId: sender,
    text,
    mentioned: chatType === 'group' && mentioned,
    // The message id, not the event id: a redelivered event carries the same message.
    messageId: ev.message.message_id,
    time: new Date(Number(ev.message.create_time) || Date.now()),
  };
}

export function fromCardAction(
  ev: CardActionEvent,
  chatType: ChatType,
): IncomingMessage | undefined {
  const command = ev.action?.value?.command;
  const chatId = ev.context?.open_chat_id;
  const sender = ev.operator?.open_id;
  if (typeof command !== 'string' || !chatId || !sender) return undefined;
  return {
    platform: FEISHU,
    chatId,
    chatType,
    senderId: sender,
    text: command,
    // Pressing the bot's own button is speaking to the bot.
    mentioned: true,
    messageId: `card:${ev.event_id ?? `${ev.context?.open_message_id}:${sender}:${command}`}`,
    time: new Date(),
  };
}
