/**
 * A message the platform will take only once someone in its chat speaks to the bot (WeCom's
 * push rule, ChatNotOpen) stays queued. The store's admins are told, once a day per chat and
 * reason, what waits and what unblocks it; the key makes telling it again queue nothing. When
 * the group's push webhook (`设置 本群推送`) was tried and failed too, they are told that instead.
 */
import type { Models } from '../model';
import { directTo, waitReasonOf, type OutgoingMessage, type WaitReason } from '../pipeline/message';
import { maskPrivate } from '../privacy';
import { storeIdOf } from './dead-letter';
import type { KeyedMessage } from './keys';
import type { Queued } from './queue';

function howToUnblock(msg: OutgoingMessage, reason: WaitReason, err: Error): string {
  if (reason === 'group-push-failed')
    return (
      `本群推送也没发出去(${maskPrivate(err.message).slice(0, 80)})。` +
      '请在群设置里重新添加「消息推送」,再在群里发「设置 本群推送 新的地址」;' +
      '或在这个群里 @机器人 说一句话,排队的消息就会发出,一条不丢。'
    );
  const how =
    msg.chatType === 'group'
      ? '请在这个群里 @机器人 说一句话(例如「@机器人 早报」)'
      : '请这位同事私聊机器人说一句话';
  return `平台只允许机器人在最近有人找过它的聊天里主动发消息。${how},排队的消息就会发出,一条不丢。`;
}

export async function waitingNotices(
  models: Models,
  p: Queued,
  now: number,
  err: Error,
): Promise<KeyedMessage[]> {
  const msg = p.msg as OutgoingMessage;
  const storeId = await storeIdOf(models, msg);
  if (!storeId) return [];
  const admins = await models.Staff.find({
    storeId,
    role: { $in: ['admin', 'manager'] },
    active: true,
  }).lean();
  const reason = waitReasonOf(err);
  const where = msg.chatType === 'group' ? `群 ${msg.chatId}` : `私聊 ${msg.chatId}`;
  const preview = maskPrivate(msg.text.split('\n')[0].slice(0, 30));
  const text =
    `有消息在排队,还没发出(${msg.platform} ${where}):「${preview}」\n` +
    howToUnblock(msg, reason, err);
  const day = new Date(now).toISOString().slice(0, 10);
  // The first notice of a chat keeps its old key, so a restart of this version tells nobody twice.
  const kind = reason === 'chat-closed' ? 'waiting' : `waiting-${reason}`;
  return admins
    .filter((a) => !a.identities.includes(`${msg.platform}:${msg.chatId}`))
    .map((a) => ({
      key: `${kind}:${msg.platform}:${msg.chatId}:${day}:${String(a._id)}`,
      msg: directTo(a, text),
    }));
}
