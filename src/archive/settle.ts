/**
 * Everything derived from a visit, brought in line with the visit as stored: the customer's
 * history, figures and tier (refresh.ts) and the day book's entries (day-book.ts). The visit is
 * the commit point; these steps only ever write what the visit says, so running them twice, or
 * again after a crash cut them short, changes nothing more (the sweeper and `npm run verify` run
 * the same steps).
 */
import { Types } from 'mongoose';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { VisitDoc } from '../model/visit';
import { readCustomer } from './customer-writes';
import {
  entryOf,
  readEntries,
  sameEntry,
  setEntries,
  type BookedVisit,
  type DayEntry,
} from './day-book';
import { settleHistory, summariesOf, type Revised } from './refresh';
import { chronological, type VisitSummary } from './stats';
import type { TierSettings } from './tiers';

export const summaryOf = (v: VisitDoc): VisitSummary => ({
  visitId: String(v._id),
  date: v.businessDate,
  amount: v.amount,
  partySize: v.partySize ?? undefined,
  room: v.room ?? undefined,
});

/** The history with this visit in its place (replaced where it was, else last), or taken out. */
export function placed(history: VisitSummary[], v: VisitDoc, customerId: Types.ObjectId) {
  const id = String(v._id);
  const belongs = v.status === 'active' && v.customerId.equals(customerId);
  const at = history.findIndex((h) => h.visitId === id);
  if (!belongs) return at < 0 ? history : history.filter((h) => h.visitId !== id);
  if (at < 0) return [...history, summaryOf(v)];
  return history.map((h, i) => (i === at ? summaryOf(v) : h));
}

/** Every day a visit was ever booked on: its date now and any date an amendment moved it from. */
export function daysOf(v: VisitDoc): string[] {
  const days = new Set([v.businessDate]);
  for (const c of v.changes ?? [])
    if (c.field === 'businessDate')
      for (const d of [c.before, c.after]) if (typeof d === 'string') days.add(d);
  return [...days];
}

const firstOf = (c: CustomerDoc) => chronological(summariesOf(c))[0]?.visitId;

type Owner = { ownerId?: Types.ObjectId | null };

/** What each day should hold for these visits of a customer: an entry on its day, none elsewhere. */
function expectedEntries(customer: CustomerDoc, visits: VisitDoc[]) {
  const first = firstOf(customer);
  return visits.flatMap((v) => {
    const id = String(v._id);
    const counted = v.status === 'active' && v.customerId.equals(customer._id);
    const booked: BookedVisit = { ...v, ownerId: v.ownerId ?? (customer as Owner).ownerId };
    return daysOf(v).map((day) => ({
      day,
      visitId: id,
      entry: counted && day === v.businessDate ? entryOf(booked, id === first) : null,
    }));
  });
}

async function visitsById(models: Models, ids: string[]): Promise<VisitDoc[]> {
  if (ids.length === 0) return [];
  const found: VisitDoc[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500).map((id) => new Types.ObjectId(id));
    found.push(...(await models.Visit.find({ _id: { $in: batch } }).lean<VisitDoc[]>()));
  }
  return found;
}

/**
 * The day book after a visit of this customer changed: its own entry, and the entries of the
 * visits that were or are now the customer's first (their new-customer mark moves).
 */
async function bookVisits(models: Models, r: Revised, visit: VisitDoc): Promise<void> {
  const [was, is] = [firstOf(r.before), firstOf(r.customer)];
  // Only when the first visit changed do the two visits' new-customer marks need rewriting.
  const others = (was === is ? [] : [was, is]).filter(
    (id): id is string => !!id && id !== String(visit._id),
  );
  const visits = [visit, ...(await visitsById(models, [...new Set(others)]))];
  await setEntries(models, visit.storeId, expectedEntries(r.customer, visits));
}

export interface SettleOptions {
  today: string;
  tiers: TierSettings;
  /** The visit's customer as just read, saving a read. */
  customer?: CustomerDoc;
}

/** Apply a visit as it is stored now to everything derived from it. */
export async function settleVisit(
  models: Models,
  visit: VisitDoc,
  o: SettleOptions,
): Promise<Revised | undefined> {
  const start =
    o.customer && o.customer._id.equals(visit.customerId)
      ? o.customer
      : await readCustomer(models, visit.customerId);
  if (!start) return undefined;
  const revised = await settleHistory(
    models,
    start,
    (c) => placed(summariesOf(c), visit, c._id),
    o.today,
    o.tiers,
  );
  await bookVisits(models, revised, visit);
  return revised;
}

/**
 * A customer's day book entries checked against their visits as stored, and rewritten where they
 * differ (a crash between the customer's write and the day book's; a first visit that moved).
 * `extra` are visits that may have left the customer (undone, merged away).
 */
export async function repairEntries(
  models: Models,
  customer: CustomerDoc,
  extra: VisitDoc[] = [],
): Promise<number> {
  const ids = customer.history.map((h) => String(h.visitId));
  const known = new Set(extra.map((v) => String(v._id)));
  const visits = [
    ...extra,
    ...(await visitsById(
      models,
      ids.filter((id) => !known.has(id)),
    )),
  ];
  const want = expectedEntries(customer, visits);
  const have = await readEntries(models, customer.storeId, [...new Set(want.map((w) => w.day))]);
  const wrong = want.filter(
    (w) =>
      !sameEntry(have.get(w.day)?.get(w.visitId) as DayEntry | undefined, w.entry ?? undefined),
  );
  await setEntries(models, customer.storeId, wrong);
  return wrong.length;
}
