/**
 * What still matches after a WeChat re-login, when every id has changed: a staff member's WeChat
 * name and the 备注 the bot's account gave them, and a bound group's name. Written only when it
 * changed (remembered per process), so a message usually costs nothing here.
 */
import { upsertOnce } from '../../db/lookup';
import { nameGroup } from '../stores';
import type { Models } from '../../model';
import { identityKey, type StaffDoc } from '../../model/staff';
import type { IncomingMessage } from '../../pipeline/message';

/** Platforms whose ids change when the bot logs in again (wechat4u's web protocol). */
export const IDS_CHANGE_ON_RELOGIN = new Set(['wechaty']);

const contacts = new WeakMap<Models, Map<string, string>>();
const topics = new WeakMap<Models, Map<string, string>>();

const memoryOf = (all: WeakMap<Models, Map<string, string>>, models: Models) => {
  let m = all.get(models);
  if (!m) all.set(models, (m = new Map()));
  return m;
};

/** The names a message's sender shows: what a new id is matched on. */
export const namesOf = (msg: IncomingMessage) => ({
  name: msg.senderName ?? '',
  alias: msg.senderAlias ?? '',
});

export async function rememberContact(
  models: Models,
  msg: IncomingMessage,
  staff: StaffDoc,
): Promise<void> {
  // Direct chats only: in a group WeChat gives no 备注 for a member who is not the bot's friend,
  // and a name without it must not overwrite the pair a private message showed.
  if (!IDS_CHANGE_ON_RELOGIN.has(msg.platform) || msg.chatType !== 'direct') return;
  if (msg.senderName === undefined) return;
  const _id = identityKey(msg.platform, msg.senderId);
  const { name, alias } = namesOf(msg);
  const seen = `${String(staff._id)}\u0000${name}\u0000${alias}`;
  const memory = memoryOf(contacts, models);
  if (memory.get(_id) === seen) return;
  const stored = await models.SeenContact.findById(_id).lean();
  const same =
    stored && stored.name === name && stored.alias === alias && stored.staffId.equals(staff._id);
  // A plain $set of the whole record by `_id`: whoever writes last wrote the latest names.
  if (!same)
    await upsertOnce(() =>
      models.SeenContact.updateOne(
        { _id },
        { $set: { staffId: staff._id, storeId: staff.storeId, name, alias, seenAt: msg.time } },
        { upsert: true },
      ),
    );
  memory.set(_id, seen);
}

/** A bound group's name, kept on its binding so `绑定本群` in its new id can find it. */
export async function rememberTopic(models: Models, msg: IncomingMessage): Promise<void> {
  if (!IDS_CHANGE_ON_RELOGIN.has(msg.platform) || msg.chatType !== 'group' || !msg.chatName) return;
  const key = `${msg.platform}:${msg.chatId}`;
  const memory = memoryOf(topics, models);
  if (memory.get(key) === msg.chatName) return;
  await nameGroup(models, { platform: msg.platform, chatId: msg.chatId, name: msg.chatName });
  memory.set(key, msg.chatName);
}
