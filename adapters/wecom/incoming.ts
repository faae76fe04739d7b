/** WeCom AI-bot callback frames → the neutral IncomingMessage. Pure: no SDK calls here. */
import type { ChatType, IncomingMessage } from '../../src/pipeline/message';

export const WECOM = 'wecom';

/** What the long connection hands over (aibot_msg_callback / aibot_event_callback). */
export interface Frame<B = CallbackBody> {
  cmd?: string;
  headers: { req_id: string };
  body?: B;
}

export interface CallbackBody {
  msgid: string;
  chatid?: string;
  chattype?: 'single' | 'group';
  from?: { userid?: string };
  create_time?: number;
  msgtype: string;
  text?: { content?: string };
  event?: EventBody;
}

export interface EventBody {
  eventtype?: string;
  event_key?: string;
  task_id?: string;
  /** Where the platform's documentation puts a card click; the SDK's types put it on `event`. */
  template_card_event?: { event_key?: string; task_id?: string };
}

export const chatTypeOf = (b: CallbackBody): ChatType =>
  b.chattype === 'group' ? 'group' : 'direct';

/** A group is its chatid; a direct chat is the person (the id pushes to them go to). */
export function chatIdOf(b: CallbackBody): string | undefined {
  return chatTypeOf(b) === 'group' ? b.chatid : b.from?.userid;
}

// The platform writes the mention as plain text (`@回头客 `, often with U+2005 after it).
const SPACE = '[\\s\\u2005]';
const LEADING_MENTIONS = new RegExp(`^(?:${SPACE}*@[^\\s\\u2005]+${SPACE}*)+`);
const TRAILING_MENTIONS = new RegExp(`(?:${SPACE}+@[^\\s\\u2005]+)+${SPACE}*$`);

/**
 * The bot only sees group messages that @ it, and its own name is not known to us: every @name
 * at the start (or, when none is there, at the end) is addressing, not content. A colleague named
 * in the middle stays, as typed.
 */
export function withoutMentions(text: string): string {
  const lead = text.replace(LEADING_MENTIONS, '');
  const cut = lead !== text ? lead : text.replace(TRAILING_MENTIONS, '');
  return cut.replace(/[\s\u2005]+/g, ' ').trim();
}

const timeOf = (b: CallbackBody) =>
  new Date(b.create_time ? b.create_time * (b.create_time < 1e12 ? 1000 : 1) : Date.now());

export function fromMessageFrame(frame: Frame): IncomingMessage | undefined {
  const b = frame.body;
  if (!b || b.msgtype !== 'text' || typeof b.text?.content !== 'string') return undefined;
  const chatId = chatIdOf(b);
  const sender = b.from?.userid;
  if (!chatId || !sender) return undefined;
  const chatType = chatTypeOf(b);
  return {
    platform: WECOM,
    chatId,
    chatType,
    senderId: sender,
    text: chatType === 'group' ? withoutMentions(b.text.content) : b.text.content.trim(),
    // The platform passes on only the group messages that @ the bot: each one is addressed.
    mentioned: chatType === 'group',
    messageId: b.msgid,
    time: timeOf(b),
  };
}

/** The key of the pressed button and the card's task id, wherever this version put them. */
export function cardClickOf(b: CallbackBody): { key: string; taskId?: string } | undefined {
  const ev = b.event;
  const key = ev?.template_card_event?.event_key ?? ev?.event_key;
  if (ev?.eventtype !== 'template_card_event' || !key) return undefined;
  return { key, taskId: ev.template_card_event?.task_id ?? ev.task_id };
}

export function fromCardClick(frame: Frame, command: string): IncomingMessage | undefined {
  const b = frame.body;
  const chatId = b && chatIdOf(b);
  const sender = b?.from?.userid;
  if (!b || !chatId || !sender) return undefined;
  return {
    platform: WECOM,
    chatId,
    chatType: chatTypeOf(b),
    senderId: sender,
    text: command,
    // Pressing the bot's own button is speaking to the bot.
    mentioned: true,
    messageId: `card:${b.msgid}`,
    time: timeOf(b),
  };
}
