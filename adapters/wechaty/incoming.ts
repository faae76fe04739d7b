/** A wechaty message → the neutral IncomingMessage, or nothing when it is not for the bot. */
import { types, type Message } from 'wechaty';
import type { IncomingMessage } from '../../src/pipeline/message';

export const WECHATY = 'wechaty';

export async function fromWechatMessage(m: Message): Promise<IncomingMessage | undefined> {
  // Its own messages (sent from this account, by the bot or on the phone) and anything but text.
  if (m.self() || m.type() !== types.Message.Text) return undefined;
  const talker = m.talker();
  const room = m.room();
  return {
    platform: WECHATY,
    chatId: room ? room.id : talker.id,
    chatType: room ? 'group' : 'direct',
    senderId: talker.id,
    senderName: talker.name(),
    // In a group the @name is addressing, not content.
    text: room ? await m.mentionText() : m.text(),
    mentioned: room ? await m.mentionSelf() : false,
    messageId: m.id,
    time: m.date(),
  };
}
