/**
 * A message given up (send.ts) is told once to the admins of the store its chat belongs to, by a
 * direct message keyed by the message given up, so telling it again queues nothing.
 */
import { staffByIdentity } from '../archive/staff';
import { groupStoreOf } from '../archive/stores';
import type { Models } from '../model';
import { directTo, type OutgoingMessage } from '../pipeline/message';
import { maskPhones } from '../privacy';
import { forwardOnDeath } from './forward';
import type { KeyedMessage } from './keys';
import type { Queued } from './queue';

export async function storeIdOf(models: Models, msg: OutgoingMessage) {
  if (msg.chatType === 'group')
    return (await groupStoreOf(models, msg.platform, msg.chatId, Date.now()))?._id;
  return (await staffByIdentity(models, msg.platform, msg.to ?? msg.chatId))?.storeId;
}

/**
 * A WeChat id gone after a re-login: the next message from the colleague under the new id asks
 * an admin to confirm it (archive/rebind), and a group is bound again in the group itself.
 */
const GONE_HINT =
  '微信重新登录后联系人和群会换新号:同事再给我发消息时我会请你确认换号;群请在群里重新发「绑定本群」。确认后这条会转到新号。';

export async function deadLetterNotices(models: Models, p: Queued): Promise<KeyedMessage[]> {
  // Its chat moved to a new id already: the message goes there, nobody needs to be told.
  const forward = await forwardOnDeath(models, p);
  if (forward) return [forward];
  const msg = p.msg as OutgoingMessage;
  const storeId = await storeIdOf(models, msg);
  if (!storeId) return [];
  const admins = await models.Staff.find({ storeId, role: 'admin', active: true }).lean();
  const where = msg.chatType === 'group' ? `群 ${msg.chatId}` : `私聊 ${msg.chatId}`;
  const preview = maskPhones(msg.text.split('\n')[0].slice(0, 30));
  const text =
    `有一条消息发不出去,已停止重发(${msg.platform} ${where}):「${preview}」\n` +
    `原因:${maskPhones(p.lastError ?? '平台拒收')}。` +
    (p.chatGone ? GONE_HINT : '请看一下机器人是否还在这个聊天里。');
  return admins
    .filter((a) => !a.identities.includes(`${msg.platform}:${msg.chatId}`))
    .map((a) => ({ key: `dead:${p._id}:${String(a._id)}`, msg: directTo(a, text) }));
}
