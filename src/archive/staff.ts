/** Finding staff: by platform identity on every message, by name for `把张总转给小李`. */
import { Types } from 'mongoose';
import { addToLookup, keys, lookupIds, removeFromLookup } from '../db/lookup';
import type { Models } from '../model';
import { identityKey, type Role, type StaffDoc } from '../model/staff';
import type { StoreDoc } from '../model/store';
import { ShortCache } from './staff-cache';

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

export interface StaffSpec {
  platform: string;
  userId: string;
  name: string;
  role: Role;
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
  });
}
