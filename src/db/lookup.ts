/**
 * Reading and writing hand-kept indexes (see model/lookup.ts). Writers add an id *before* the
 * document it points to is written and remove it after, so a crash in between leaves at worst an
 * id whose document is missing; readers skip those.
 */
import type { Types } from 'mongoose';
import type { Models } from '../model';

export const keys = {
  customerName: (storeId: Types.ObjectId, name: string) => `n:${storeId}:${name}`,
  customerPhone: (storeId: Types.ObjectId, phone: string) => `p:${storeId}:${phone}`,
  staffIdentity: (identity: string) => `s:${identity}`,
  staffName: (storeId: Types.ObjectId, name: string) => `sn:${storeId}:${name}`,
  ownedBy: (staffId: Types.ObjectId) => `o:${staffId}`,
  /** A staff member's records made on one business day, in order (for 撤销). */
  recordsOf: (staffId: Types.ObjectId, day: string) => `r:${staffId}:${day}`,
  /** Customers who came on a day, in DAY_SHARDS small lists (a 1,000-id list is slow to update). */
  dayCustomers: (storeId: Types.ObjectId, day: string, shard: number) =>
    `dc:${storeId}:${day}:${shard}`,
  /** A store's customers who said 不接受消息. */
  optedOut: (storeId: Types.ObjectId) => `oo:${storeId}`,
  /** Customers whose follow-up was still open after the last morning run. */
  openFollowUps: (storeId: Types.ObjectId) => `fo:${storeId}`,
  /** Customers whose follow-up was done or skipped on a day: the quarterly one counts from it. */
  followUpClosed: (storeId: Types.ObjectId, day: string) => `fc:${storeId}:${day}`,
  /** Customers whose follow-up was moved to a day (`张总 周五再联系`). */
  followUpMoved: (storeId: Types.ObjectId, day: string) => `fm:${storeId}:${day}`,
  /** A store's customers whose stored tier is `tier`: its size answers 全店A类客户共N位. */
  tier: (storeId: Types.ObjectId, tier: string) => `tier:${storeId}:${tier}`,
  /** Customers with a solar birthday on month-day (`bday:<store>:03-08`). */
  solarBirthday: (storeId: Types.ObjectId, month: number, day: number) =>
    `bday:${storeId}:${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  /** Customers with a lunar birthday on lunar month-day (`lbday:<store>:8-15`). */
  lunarBirthday: (storeId: Types.ObjectId, month: number, day: number) =>
    `lbday:${storeId}:${month}-${day}`,
};

export async function addToLookup(models: Models, key: string, id: Types.ObjectId): Promise<void> {
  await models.Lookup.updateOne({ _id: key }, { $addToSet: { ids: id } }, { upsert: true });
}

export async function removeFromLookup(
  models: Models,
  key: string,
  id: Types.ObjectId,
): Promise<void> {
  await models.Lookup.updateOne({ _id: key }, { $pull: { ids: id } });
}

export async function lookupIds(models: Models, key: string): Promise<Types.ObjectId[]> {
  const doc = await models.Lookup.findById(key).lean();
  return doc?.ids ?? [];
}
