/**
 * Hand-kept indexes that answer store-wide questions without scanning customers (FerretDB v1 scans
 * for any filter but `{_id}`): the members of each tier (全店A类客户共N位), who has a birthday
 * on a given day, whose imported opening balance dates a visit on a day, and whose follow-up was
 * still open after the morning run. Each is kept by one call where the field is written
 * (refresh.ts, profile.ts, features/followups/day-tasks.ts).
 * Readers check the customer's own record, so an id left behind by a crash is harmless.
 */
import type { Types } from 'mongoose';
import { addToLookup, keys, moveInLookups, removeFromLookup, replaceLookup } from '../db/lookup';
import type { Models } from '../model';
import type { Tier } from './tiers';

interface Indexed {
  _id: Types.ObjectId;
  storeId: Types.ObjectId;
}

/** The customer's tier moved from `before` to `after` (undefined: no tier worth counting). */
export async function keepTierIndex(
  models: Models,
  c: Indexed,
  before: Tier | undefined,
  after: Tier | undefined,
): Promise<void> {
  if (before === after) return;
  const key = (t: Tier | undefined) => (t ? keys.tier(c.storeId, t) : undefined);
  await moveInLookups(models, c._id, key(after), key(before));
}

export interface BirthdayKey {
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
}

export function birthdayKey(storeId: Types.ObjectId, b: BirthdayKey): string {
  return b.calendar === 'lunar'
    ? keys.lunarBirthday(storeId, b.month, b.day)
    : keys.solarBirthday(storeId, b.month, b.day);
}

/** The customer's birthday changed: list them under the new day, then off the old one. */
export async function keepBirthdayIndex(
  models: Models,
  c: Indexed,
  before: BirthdayKey | null | undefined,
  after: BirthdayKey | undefined,
): Promise<void> {
  const from = before ? birthdayKey(c.storeId, before) : undefined;
  const to = after ? birthdayKey(c.storeId, after) : undefined;
  if (from === to) return;
  if (to) await addToLookup(models, to, c._id);
  if (from) await removeFromLookup(models, from, c._id);
}

/** The days an opening balance dates (its first and last visit). */
export const openingDays = (
  o: { firstVisit?: string | null; lastVisit?: string | null } | null | undefined,
) => [...new Set([o?.firstVisit, o?.lastVisit].filter((d): d is string => !!d))];

/** The opening balance's dates moved from `before` to `after`. */
export async function keepOpeningIndex(
  models: Models,
  c: Indexed,
  before: string[],
  after: string[],
): Promise<void> {
  for (const day of after)
    if (!before.includes(day)) await addToLookup(models, keys.openingDay(c.storeId, day), c._id);
  for (const day of before)
    if (!after.includes(day))
      await removeFromLookup(models, keys.openingDay(c.storeId, day), c._id);
}

/** Customers whose opening balance dates a visit on any of these days (one read). */
export async function customersWithOpeningOn(
  models: Models,
  storeId: Types.ObjectId,
  days: string[],
): Promise<Set<string>> {
  if (days.length === 0) return new Set();
  const docs = await models.Lookup.find({
    _id: { $in: days.map((d) => keys.openingDay(storeId, d)) },
  }).lean();
  return new Set(docs.flatMap((d) => d.ids.map(String)));
}

/**
 * The customers whose follow-up is still open after the morning run (`remember`): the whole list
 * is replaced, so tomorrow's run carries over exactly today's open ones (followups/candidates.ts).
 */
export async function rememberOpenFollowUps(
  models: Models,
  storeId: Types.ObjectId,
  ids: Types.ObjectId[],
): Promise<void> {
  await replaceLookup(models, keys.openFollowUps(storeId), ids);
}
