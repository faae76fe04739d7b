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

export function fromMessageEvent(ev: MessageEvent, botOpenId: string): IncomingMessage | undefined {
  const sender = ev.sender.sender_id?.open_id;
  // Only text typed by people: images, stickers and other apps' messages are not for the bot.
  if (ev.sender.sender_type !== 'user' || !sender || ev.message.message_type !== 'text')
    return undefined;
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
