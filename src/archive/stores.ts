/**
 * Stores of a chain and the group chats bound to them. One bot process may serve many stores; a
 * group chat belongs to one store (`绑定本群 <门店编号>`), and everything said there reads and
 * writes that store only. Stores and groups are few, so scanning them is fine; the group → store
 * answer is read on every group message and kept briefly in memory like the sender.
 */
import { upsertOnce } from '../db/lookup';
import type { Models } from '../model';
import type { StoreDoc } from '../model/store';
import {
  DEFAULT_FOLLOW_UP_SETTINGS,
  followUpSettingsSchema,
  type FollowUpSettings,
} from '../followup/settings';
import type { OutgoingMessage } from '../pipeline/message';
import { ShortCache } from './staff-cache';

/** Short codes staff can type: `main`, `sh2`, `bj-wangfujing`. */
export const STORE_CODE = /^[a-z0-9][a-z0-9-]{0,23}$/;

export function storeByCode(models: Models, code: string): Promise<StoreDoc | null> {
  return models.Store.findOne({ code: code.toLowerCase() });
}

export function allStores(models: Models): Promise<StoreDoc[]> {
  return models.Store.find().sort({ _id: 1 });
}

export interface NewStore {
  code: string;
  name: string;
  /** Clock settings to start from (usually the creating admin's store); defaults otherwise. */
  like?: Pick<StoreDoc, 'timeZone' | 'businessDayCutoff' | 'briefingTime'>;
}

/** A new store, or a reason in words why not. */
export async function createStore(models: Models, spec: NewStore): Promise<StoreDoc | string> {
  const code = spec.code.toLowerCase();
  if (!STORE_CODE.test(code)) return `门店编号只能用字母、数字和-,例如 sh2`;
  if (!spec.name.trim()) return '请写上门店名称,例如:新建门店 sh2 上海二店';
  const existing = await storeByCode(models, code);
  if (existing) return `编号 ${code} 已经是「${existing.name}」`;
  const clock = spec.like
    ? {
        timeZone: spec.like.timeZone,
        businessDayCutoff: spec.like.businessDayCutoff,
        briefingTime: spec.like.briefingTime,
      }
    : {};
  forgetGroups(models);
  return models.Store.create({ code, name: spec.name.trim(), ...clock });
}

/** The store's follow-up rules: what it changed over the defaults, validated. */
export function followUpSettingsOf(store: StoreDoc): FollowUpSettings {
  const parsed = followUpSettingsSchema.safeParse(store.followUps ?? {});
  return parsed.success ? parsed.data : DEFAULT_FOLLOW_UP_SETTINGS;
}

/** `null` caches "this group is bound to no store" as well. */
const groups = new WeakMap<Models, ShortCache<StoreDoc | null>>();

/** The store a group chat is bound to, or null for a group nobody bound. */
export async function groupStoreOf(
  models: Models,
  platform: string,
  chatId: string,
  nowMs: number,
): Promise<StoreDoc | null> {
  const key = `${platform}:${chatId}`;
  const cache = groups.get(models) ?? new ShortCache<StoreDoc | null>();
  groups.set(models, cache);
  const hit = cache.get(key, nowMs);
  if (hit !== undefined) return hit;
  const group = await models.TeamGroup.findOne({ platform, chatId }).lean();
  const store = group ? await models.Store.findById(group.storeId) : null;
  cache.set(key, store, nowMs);
  return store;
}

/** Store settings or bindings changed here: the next message reads them afresh. */
export function forgetGroups(models: Models): void {
  groups.get(models)?.clear();
}

export interface GroupChat {
  platform: string;
  chatId: string;
  name?: string;
}

/** Bind a group chat to a store (moving it if it was another store's); returns the old store. */
export async function bindGroup(
  models: Models,
  chat: GroupChat,
  store: StoreDoc,
): Promise<StoreDoc | null> {
  const before = await models.TeamGroup.findOne({
    platform: chat.platform,
    chatId: chat.chatId,
  }).lean();
  // platform+chatId is unique: a second process binding the same group may insert first.
  const set = { storeId: store._id, ...(chat.name ? { name: chat.name } : {}) };
  await upsertOnce(() =>
    models.TeamGroup.updateOne(
      { platform: chat.platform, chatId: chat.chatId },
      { $set: set },
      { upsert: true },
    ),
  );
  forgetGroups(models);
  return before ? models.Store.findById(before.storeId) : null;
}

/**
 * Set (or, with undefined, remove) a bound group's push webhook key. False when the group is
 * bound to no store: the key belongs to the binding.
 */
export async function setGroupPushKey(
  models: Models,
  chat: GroupChat,
  key: string | undefined,
): Promise<boolean> {
  const update = key ? { $set: { pushKey: key } } : { $unset: { pushKey: 1 } };
  const r = await models.TeamGroup.updateOne(
    { platform: chat.platform, chatId: chat.chatId },
    update,
  );
  return r.matchedCount > 0;
}

/** A bound group's push webhook key, read only when a push into it was refused. */
export async function groupPushKeyOf(
  models: Models,
  platform: string,
  chatId: string,
): Promise<string | undefined> {
  const group = await models.TeamGroup.findOne({ platform, chatId }).select('+pushKey').lean();
  return group?.pushKey ?? undefined;
}

/** A bound group's name as the platform shows it now (nothing happens for a group not bound). */
export async function nameGroup(models: Models, chat: Required<GroupChat>): Promise<void> {
  await models.TeamGroup.updateOne(
    { platform: chat.platform, chatId: chat.chatId, name: { $ne: chat.name } },
    { $set: { name: chat.name } },
  );
}

/** The same text to every team group of the store (the morning, the week, the 班前会). */
export async function toTeamGroups(
  models: Models,
  storeId: StoreDoc['_id'],
  text: string,
): Promise<OutgoingMessage[]> {
  const groups = await models.TeamGroup.find({ storeId }).sort({ _id: 1 }).lean();
  return groups.map((g) => ({
    platform: g.platform,
    chatId: g.chatId,
    chatType: 'group',
    to: null,
    text,
  }));
}
