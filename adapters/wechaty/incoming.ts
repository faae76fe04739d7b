/** A wechaty message → the neutral IncomingMessage, or nothing when it is not for the bot. */
import { types, type Contact, type Message, type Room } from 'wechaty';
import type { IncomingMessage } from '../../src/pipeline/message';

export const WECHATY = 'wechaty';

/** A file sent to the bot in a direct chat (a sheet to import); its bytes are fetched on demand. */
async function fromAttachment(m: Message): Promise<IncomingMessage> {
  const talker = m.talker();
  return {
    platform: WECHATY,
    chatId: talker.id,
    chatType: 'direct',
    senderId: talker.id,
    senderName: talker.name(),
    ...(await namesOf(talker, undefined)),
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

/**
 * The 备注 this account gave the sender and the group's name: they survive a re-login, the ids do
 * not (archive/rebind). Either may be missing; a puppet failing to say is not a reason to drop
 * the message.
 */
async function namesOf(talker: Contact, room: Room | undefined) {
  const alias = await talker.alias().catch(() => undefined);
  const topic = room ? await room.topic().catch(() => undefined) : undefined;
  return { senderAlias: alias ?? '', ...(topic !== undefined && { chatName: topic }) };
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
    ...(await namesOf(talker, room)),
    // In a group the @name is addressing, not content.
    text: room ? await m.mentionText() : m.text(),
    mentioned: room ? await m.mentionSelf() : false,
    messageId: m.id,
    time: m.date(),
  };
}
