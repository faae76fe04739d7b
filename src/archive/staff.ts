/** Finding staff: by platform identity on every message, by name for `把张总转给小李`. */
import { randomInt } from 'node:crypto';
import { Types } from 'mongoose';
import { addToLookup, keys, lookupIds, removeFromLookup } from '../db/lookup';
import type { Models } from '../model';
import { identityKey, type Role, type StaffDoc } from '../model/staff';
import type { StoreDoc } from '../model/store';
import { ShortCache } from './staff-cache';
import { forgetGroups } from './stores';

async function first(
  models: Models,
  key: string,
  storeId?: Types.ObjectId,
): Promise<StaffDoc | null> {
  for (const id of (await lookupIds(models, key)).reverse()) {
    const staff = await models.Staff.findById(id);
    if (staff && (!storeId || staff.storeId.equals(storeId))) return staff;
  }
  return null;
}

export function staffByIdentity(models: Models, platform: string, userId: string) {
  return first(models, keys.staffIdentity(identityKey(platform, userId)));
}

export interface Sender {
  staff: StaffDoc;
  store: StoreDoc;
}

/** One cache per database connection (tests open many databases in one process). */
const senders = new WeakMap<Models, ShortCache<Sender>>();

/** The active staff member behind a platform identity, with their store; null for strangers. */
export async function senderOf(
  models: Models,
  platform: string,
  userId: string,
  nowMs: number,
): Promise<Sender | null> {
  const key = identityKey(platform, userId);
  const cache = senders.get(models) ?? new ShortCache<Sender>();
  senders.set(models, cache);
  const hit = cache.get(key, nowMs);
  if (hit) return hit;
  const staff = await staffByIdentity(models, platform, userId);
  if (!staff?.active) return null;
  const store = await models.Store.findById(staff.storeId);
  if (!store) throw new Error(`staff ${staff.id} has no store`);
  cache.set(key, { staff, store }, nowMs);
  return { staff, store };
}

/** Staff or store settings changed here: the next message reads them afresh. */
export function forgetSenders(models: Models): void {
  senders.get(models)?.clear();
  forgetGroups(models);
}

/** Active staff of a store called `name` (as the team calls them: 小王). */
export async function staffByName(models: Models, storeId: Types.ObjectId, name: string) {
  const found: StaffDoc[] = [];
  for (const id of await lookupIds(models, keys.staffName(storeId, name))) {
    const staff = await models.Staff.findById(id);
    if (staff?.active && staff.name === name) found.push(staff);
  }
  return found;
}

/**
 * Whether the team already calls someone `name`: an active colleague or an invitation still open
 * (`转给小王` must mean one person). A name a former colleague had is free again. Invites are few
 * per store, so scanning them is fine.
 */
export async function staffNameTaken(
  models: Models,
  storeId: Types.ObjectId,
  name: string,
  now: Date,
  except?: Types.ObjectId,
): Promise<boolean> {
  const active = await staffByName(models, storeId, name);
  if (active.some((s) => !except || !s._id.equals(except))) return true;
  const open = await models.Invite.find({ storeId, name, usedBy: null }).lean();
  return open.some((i) => i.expiresAt.getTime() >= now.getTime());
}

/** The first of 小王2, 小王3… nobody is called yet, to suggest instead of a second 小王. */
export async function freeStaffName(
  models: Models,
  storeId: Types.ObjectId,
  name: string,
  now: Date,
): Promise<string> {
  for (let n = 2; ; n++)
    if (!(await staffNameTaken(models, storeId, `${name}${n}`, now))) return `${name}${n}`;
}

export interface StaffSpec {
  platform: string;
  userId: string;
  name: string;
  role: Role;
  /** Chain level (all stores); left as it was when not given. */
  chain?: boolean;
}

/** Register (or update) one staff identity in a store. */
export async function ensureStaff(
  models: Models,
  store: StoreDoc,
  spec: StaffSpec,
): Promise<StaffDoc> {
  forgetSenders(models);
  const key = identityKey(spec.platform, spec.userId);
  const found = await first(models, keys.staffIdentity(key), store._id);
  if (found) {
    if (found.name !== spec.name) {
      await removeFromLookup(models, keys.staffName(store._id, found.name), found._id);
      await addToLookup(models, keys.staffName(store._id, spec.name), found._id);
    }
    found.set({ name: spec.name, role: spec.role, active: true });
    if (spec.chain !== undefined) found.set({ chain: spec.chain });
    return found.isModified() ? found.save() : found;
  }
  const _id = new Types.ObjectId();
  await addToLookup(models, keys.staffIdentity(key), _id);
  await addToLookup(models, keys.staffName(store._id, spec.name), _id);
  return models.Staff.create({
    _id,
    storeId: store._id,
    name: spec.name,
    role: spec.role,
    identities: [key],
    chain: spec.chain ?? false,
  });
}

/** Every staff member of a store, active first (a small collection: scanning is fine). */
export async function staffOfStore(models: Models, storeId: Types.ObjectId): Promise<StaffDoc[]> {
  const all = await models.Staff.find({ storeId }).sort({ _id: 1 });
  return [...all.filter((s) => s.active), ...all.filter((s) => !s.active)];
}

/**
 * A staff member's identity under a new id (a WeChat re-login): the lookup for the new one is
 * written first and the old one's removed last, as everywhere. Run in the store's writer lane:
 * the identities are read fresh there and replaced in place (the first one is where direct
 * messages go), so nothing writes them in between. Moving twice changes nothing.
 */
export async function moveIdentity(
  models: Models,
  staffId: Types.ObjectId,
  from: string,
  to: string,
): Promise<void> {
  await addToLookup(models, keys.staffIdentity(to), staffId);
  const staff = await models.Staff.findById(staffId).lean();
  if (staff?.identities.includes(from)) {
    const identities = [...new Set(staff.identities.map((i) => (i === from ? to : i)))];
    await models.Staff.updateOne({ _id: staffId }, { $set: { identities } });
  }
  await removeFromLookup(models, keys.staffIdentity(from), staffId);
  forgetSenders(models);
}

/** 删除员工: they can no longer use the bot; their customers and records stay as they are. */
export async function deactivateStaff(models: Models, staff: StaffDoc): Promise<void> {
  await models.Staff.updateOne({ _id: staff._id }, { $set: { active: false } });
  staff.active = false;
  forgetSenders(models);
}

/** How roles are said in the team: 服务员 / 店长 / 管理员 (and the English words). */
export const ROLE_WORDS: Readonly<Record<string, Role>> = {
  员工: 'staff',
  服务员: 'staff',
  营销: 'staff',
  客户经理: 'staff',
  staff: 'staff',
  店长: 'manager',
  经理: 'manager',
  manager: 'manager',
  管理员: 'admin',
  admin: 'admin',
};

export const ROLE_NAME: Readonly<Record<Role, string>> = {
  staff: '员工',
  manager: '店长',
  admin: '管理员',
};

/** How long an invitation code stays usable. */
export const INVITE_HOURS = 24;
/** Eight digits: copied from a chat, and far too many to guess by messaging the bot. */
export const INVITE_CODE = /(?<!\d)(\d{8})(?!\d)/;

export interface InviteSpec {
  store: StoreDoc;
  name: string;
  role: Role;
  by: Types.ObjectId;
  now: Date;
}

/** A one-time code that makes whoever sends it to the bot this staff member. */
export async function createInvite(models: Models, spec: InviteSpec): Promise<string> {
  for (;;) {
    const code = String(randomInt(10_000_000, 100_000_000));
    try {
      await models.Invite.create({
        _id: code,
        storeId: spec.store._id,
        name: spec.name,
        role: spec.role,
        createdBy: spec.by,
        createdAt: spec.now,
        expiresAt: new Date(spec.now.getTime() + INVITE_HOURS * 3_600_000),
      });
      return code;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }
}

export type Redeemed =
  { staff: StaffDoc; store: StoreDoc; invitedBy: Types.ObjectId } | 'unknown' | 'used' | 'expired';

/**
 * Use a code for a platform identity. The claim is one atomic update that only the first sender
 * wins (invites are few, so the filter beyond `_id` costs nothing); an expired code is claimed and
 * then refused, so it cannot be tried again.
 */
export async function redeemInvite(
  models: Models,
  code: string,
  who: { platform: string; userId: string },
  now: Date,
): Promise<Redeemed> {
  const before = await models.Invite.findOneAndUpdate(
    { _id: code, usedBy: null },
    { $set: { usedBy: identityKey(who.platform, who.userId), usedAt: now } },
  ).lean();
  if (!before) return (await models.Invite.findById(code).lean()) ? 'used' : 'unknown';
  if (before.expiresAt.getTime() < now.getTime()) return 'expired';
  const store = await models.Store.findById(before.storeId);
  if (!store) return 'unknown';
  const staff = await ensureStaff(models, store, {
    ...who,
    name: before.name,
    role: before.role as Role,
  });
  return { staff, store, invitedBy: before.createdBy };
}
