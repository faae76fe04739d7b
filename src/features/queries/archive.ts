/**
 * Reading the archive for questions without scanning it (FerretDB v1 scans for any filter but
 * `_id`): who came in a period comes from the day books, tier sizes and birthdays from hand-kept
 * lookups, and customers are then read by `_id` in batches.
 */
import { Types } from 'mongoose';
import { customersById } from '../../archive/customers';
import { openingOf, summariesOf } from '../../archive/refresh';
import { tierOf, type Tier, type TierSettings } from '../../archive/tiers';
import { customersOnDays, readDayBooks, type DayBook } from '../../archive/day-book';
import { keys, lookupIds } from '../../db/lookup';
import type { Models } from '../../model';
import type { CustomerDoc } from '../../model/customer';
import { daysOf, type Period } from './period';

type Id = Types.ObjectId | string;

/**
 * Live archives behind some ids, each once: a merged-away archive leads to the one it was merged
 * into (an index may still name the old one); a removed one (archive/empty-archive.ts) is none.
 */
export async function loadCustomers(models: Models, ids: Iterable<Id>): Promise<CustomerDoc[]> {
  const live = new Map<string, CustomerDoc>();
  let wanted = [...new Set([...ids].map(String))];
  for (let hops = 0; wanted.length && hops < 5; hops++) {
    const next: string[] = [];
    for (const c of await customersById(models, wanted)) {
      if (c.mergedInto) next.push(String(c.mergedInto));
      else if (!c.removedAt) live.set(String(c._id), c);
    }
    wanted = next.filter((id) => !live.has(id));
  }
  return [...live.values()];
}

/** The day books of a period, in date order (days nothing happened are simply absent). */
export async function dayBooksOf(
  models: Models,
  storeId: Types.ObjectId,
  p: Period,
): Promise<DayBook[]> {
  return readDayBooks(models, storeId, daysOf(p));
}

/** Everyone who came in the period (each once). */
export async function visitorsOf(
  models: Models,
  storeId: Types.ObjectId,
  p: Period,
): Promise<CustomerDoc[]> {
  return loadCustomers(models, await customersOnDays(models, storeId, daysOf(p)));
}

export interface InPeriod {
  visits: number;
  spend: number;
}

/** The customer's visits and spend within the period, from their own history. */
export function figuresIn(c: CustomerDoc, p: Pick<Period, 'from' | 'to'>): InPeriod {
  const inside = c.history.filter((h) => h.date >= p.from && h.date <= p.to);
  return { visits: inside.length, spend: inside.reduce((n, h) => n + h.amount, 0) };
}

export const tierToday = (c: CustomerDoc, today: string, s: TierSettings): Tier =>
  tierOf(summariesOf(c), today, s, openingOf(c)).tier;

/** How many of the store's customers have this tier (as last stored), from the tier lookup. */
export async function tierMembers(
  models: Models,
  storeId: Types.ObjectId,
  tier: Tier,
): Promise<Set<string>> {
  return new Set((await lookupIds(models, keys.tier(storeId, tier))).map(String));
}

/** Ids of the customers a staff member owns. */
export async function ownedIds(models: Models, staffId: Types.ObjectId): Promise<Set<string>> {
  return new Set((await lookupIds(models, keys.ownedBy(staffId))).map(String));
}

/** `staffId` → name, for every staff member of the store (a small collection). */
export async function staffNames(
  models: Models,
  storeId: Types.ObjectId,
): Promise<Map<string, string>> {
  const all = await models.Staff.find({ storeId }, { name: 1 }).lean();
  return new Map(all.map((s) => [String(s._id), s.name]));
}
