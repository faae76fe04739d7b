/** A wechaty message → the neutral IncomingMessage, or nothing when it is not for the bot. */
import { types, type Message } from 'wechaty';
import type { IncomingMessage } from '../../src/pipeline/message';

export const WECHATY = 'wechaty';

/** A file sent to the bot in a direct chat (a sheet to import); its bytes are fetched on demand. */
function fromAttachment(m: Message): IncomingMessage {
  const talker = m.talker();
  return {
    platform: WECHATY,
    chatId: talker.id,
    chatType: 'direct',
    senderId: talker.id,
    senderName: talker.name(),
    text: '',
    mentioned: false,
    messageId: m.id,
    time: m.date(),
    file: {
      name: m.payload?.filename || m.text() || 'file',
      saveTo: async (path) => (await m.toFileBox()).toFile(path, true),
    },
  };
}

export async function fromWechatMessage(m: Message): Promise<IncomingMessage | undefined> {
  // Its own messages (sent from this account, by the bot or on the phone) are not for it.
  if (m.self()) return undefined;
  const room = m.room();
  // Files only in direct chats: a file in a group is the team's, not for the bot.
  if (m.type() === types.Message.Attachment && !room) return fromAttachment(m);
  // Otherwise only text: pictures, voice, stickers are not for the bot.
  if (m.type() !== types.Message.Text) return undefined;
  const talker = m.talker();
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
