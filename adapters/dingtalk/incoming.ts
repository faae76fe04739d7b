/** DingTalk Stream-mode robot callbacks → the neutral IncomingMessage. Pure: no SDK calls here. */
import type { ChatType, IncomingMessage } from '../../src/pipeline/message';

export const DINGTALK = 'dingtalk';

/** The `data` of a /v1.0/im/bot/messages/get callback, the fields the bot reads. */
export interface RobotCallback {
  msgId?: string;
  msgtype?: string;
  /** "1" a direct chat, "2" a group. */
  conversationType?: string;
  conversationId?: string;
  senderStaffId?: string;
  senderNick?: string;
  createAt?: number;
  text?: { content?: string };
  sessionWebhook?: string;
  /** Milliseconds since the epoch. */
  sessionWebhookExpiredTime?: number;
}

export const chatTypeOf = (m: RobotCallback): ChatType =>
  String(m.conversationType) === '2' ? 'group' : 'direct';

/** A group is its openConversationId; a direct chat is the person (batchSend takes staff ids). */
export function chatIdOf(m: RobotCallback): string | undefined {
  return chatTypeOf(m) === 'group' ? m.conversationId : m.senderStaffId;
}

export function fromRobotCallback(m: RobotCallback): IncomingMessage | undefined {
  if (m.msgtype !== 'text' || typeof m.text?.content !== 'string' || !m.msgId) return undefined;
  const chatId = chatIdOf(m);
  const sender = m.senderStaffId;
  if (!chatId || !sender) return undefined;
  const chatType = chatTypeOf(m);
  return {
    platform: DINGTALK,
    chatId,
    chatType,
    senderId: sender,
    senderName: m.senderNick,
    // DingTalk takes the @name out itself and leaves the spaces around it.
    text: m.text.content.trim(),
    // A group passes on only the messages that @ the robot: each one is addressed.
    mentioned: chatType === 'group',
    messageId: m.msgId,
    time: new Date(m.createAt ?? Date.now()),
  };
}
