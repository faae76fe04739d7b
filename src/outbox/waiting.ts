/**
 * A message the platform will take only once someone in its chat speaks to the bot (WeCom's
 * push rule, ChatNotOpen) stays queued. The store's admins are told, once a day per chat, what
 * waits and what unblocks it; the key makes telling it again queue nothing.
 */
import type { Models } from '../model';
import { directTo, type OutgoingMessage } from '../pipeline/message';
import { maskPhones } from '../privacy';
import { storeIdOf } from './dead-letter';
import type { KeyedMessage } from './keys';
import type { Queued } from './queue';

export async function waitingNotices(
  models: Models,
  p: Queued,
  now: number,
): Promise<KeyedMessage[]> {
  const msg = p.msg as OutgoingMessage;
  const storeId = await storeIdOf(models, msg);
  if (!storeId) return [];
  const admins = await models.Staff.find({
    storeId,
    role: { $in: ['admin', 'manager'] },
    active: true,
  }).lean();
  const where = msg.chatType === 'group' ? `群 ${msg.chatId}` : `私聊 ${msg.chatId}`;
  const preview = maskPhones(msg.text.split('\n')[0].slice(0, 30));
  const how =
    msg.chatType === 'group'
      ? '请在这个群里 @机器人 说一句话(例如「@机器人 早报」)'
      : '请这位同事私聊机器人说一句话';
  const text =
    `有消息在排队,还没发出(${msg.platform} ${where}):「${preview}」\n` +
    `平台只允许机器人在最近有人找过它的聊天里主动发消息。${how},排队的消息就会发出,一条不丢。`;
  const day = new Date(now).toISOString().slice(0, 10);
  return admins
    .filter((a) => !a.identities.includes(`${msg.platform}:${msg.chatId}`))
    .map((a) => ({
      key: `waiting:${msg.platform}:${msg.chatId}:${day}:${String(a._id)}`,
      msg: directTo(a, text),
    }));
}
