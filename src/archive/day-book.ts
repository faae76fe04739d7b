/** Keeping the day book's figures in step with visits: booked, unbooked, moved between days. */
import type { Types } from 'mongoose';
import { addToLookup, keys, lookupIds, removeFromLookup } from '../db/lookup';
import type { Models } from '../model';
import { dayBookId } from '../model/day-book';
import { chronological, type VisitSummary } from './stats';

export interface BookedVisit {
  _id: Types.ObjectId;
  storeId: Types.ObjectId;
  businessDate: string;
  amount: number;
  partySize?: number | null;
  recordedBy: Types.ObjectId;
}

/** Is this visit the customer's first, given all their active visits (including it)? */
export function isFirstVisit(history: VisitSummary[], visitId: string): boolean {
  return chronological(history)[0]?.visitId === visitId;
}

function increments(
  v: BookedVisit,
  first: boolean,
  owner: Types.ObjectId | undefined,
  sign: 1 | -1,
) {
  const inc: Record<string, number> = {
    tables: sign,
    covers: sign * (v.partySize ?? 0),
    revenue: sign * v.amount,
    newCustomers: first ? sign : 0,
    [`byRecorder.${v.recordedBy}.tables`]: sign,
  };
  if (owner) {
    inc[`byOwner.${owner}.tables`] = sign;
    inc[`byOwner.${owner}.revenue`] = sign * v.amount;
    inc[`byOwner.${owner}.newCustomers`] = first ? sign : 0;
  }
  return inc;
}

/** Everyone who came on `day` (each once). */
export async function customersOnDay(
  models: Models,
  storeId: Types.ObjectId,
  day: string,
): Promise<string[]> {
  return (await lookupIds(models, keys.dayCustomers(storeId, day))).map(String);
}

/** Everyone who came on any of `days` (each once). */
export async function customersOnDays(
  models: Models,
  storeId: Types.ObjectId,
  days: string[],
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const day of days) for (const id of await customersOnDay(models, storeId, day)) ids.add(id);
  return ids;
}

export async function addVisitor(
  models: Models,
  storeId: Types.ObjectId,
  day: string,
  customerId: Types.ObjectId,
) {
  await addToLookup(models, keys.dayCustomers(storeId, day), customerId);
}

export async function removeVisitor(
  models: Models,
  storeId: Types.ObjectId,
  day: string,
  customerId: Types.ObjectId,
) {
  await removeFromLookup(models, keys.dayCustomers(storeId, day), customerId);
}

export async function bookVisit(
  models: Models,
  v: BookedVisit,
  customer: { _id: Types.ObjectId; ownerId?: Types.ObjectId | null },
  first: boolean,
  /** The customer had no other visit that day: one more distinct visitor. */
  newVisitor: boolean,
): Promise<void> {
  const inc = {
    ...increments(v, first, customer.ownerId ?? undefined, 1),
    visitors: newVisitor ? 1 : 0,
  };
  await addVisitor(models, v.storeId, v.businessDate, customer._id);
  await models.DayBook.updateOne(
    { _id: dayBookId(v.storeId, v.businessDate) },
    { $inc: inc },
    { upsert: true },
  );
}

/** Take a visit out; the customer stays listed for the day if another of their visits remains. */
export async function unbookVisit(
  models: Models,
  v: BookedVisit,
  customer: { _id: Types.ObjectId; ownerId?: Types.ObjectId | null },
  historyBefore: VisitSummary[],
): Promise<void> {
  const first = isFirstVisit(historyBefore, String(v._id));
  const others = cameThatDay(historyBefore, v);
  const inc = {
    ...increments(v, first, customer.ownerId ?? undefined, -1),
    visitors: others ? 0 : -1,
  };
  await models.DayBook.updateOne({ _id: dayBookId(v.storeId, v.businessDate) }, { $inc: inc });
  if (!others) await removeVisitor(models, v.storeId, v.businessDate, customer._id);
}

/** Whether the customer already had a visit on the visit's day (other than this one). */
export function cameThatDay(
  history: VisitSummary[],
  v: { _id: Types.ObjectId; businessDate: string },
): boolean {
  return history.some((h) => h.visitId !== String(v._id) && h.date === v.businessDate);
}

/**
 * Count one day's visit figures again from the visits themselves (the follow-up counts, which
 * are not derived from visits, stay). Only for repairs: it reads every customer of the day.
 */
export async function rebuildDayBook(
  models: Models,
  storeId: Types.ObjectId,
  day: string,
): Promise<void> {
  const ids = await lookupIds(models, keys.dayCustomers(storeId, day));
  const customers = await models.Customer.find({ _id: { $in: ids } }).lean();
  const onDay = customers.flatMap((c) =>
    c.history
      .filter((h) => h.date === day)
      .map((h) => ({
        c,
        visitId: h.visitId,
        first: isFirstVisit(summaries(c), String(h.visitId)),
      })),
  );
  const visits = await models.Visit.find({ _id: { $in: onDay.map((v) => v.visitId) } }).lean();
  const byId = new Map(visits.map((v) => [String(v._id), v]));
  const set: Record<string, number> = { tables: 0, covers: 0, revenue: 0, newCustomers: 0 };
  const add = (k: string, n: number) => (set[k] = (set[k] ?? 0) + n);
  for (const { c, visitId, first } of onDay) {
    const v = byId.get(String(visitId));
    if (!v || v.status !== 'active') continue;
    for (const [k, n] of Object.entries(increments(v, first, c.ownerId ?? undefined, 1))) add(k, n);
  }
  set.visitors = new Set(
    onDay.filter((v) => byId.has(String(v.visitId))).map((v) => String(v.c._id)),
  ).size;
  const nested = (prefix: string) =>
    Object.entries(set)
      .filter(([k]) => k.startsWith(`${prefix}.`))
      .reduce<Record<string, Record<string, number>>>((o, [k, n]) => {
        const [, id, field] = k.split('.');
        (o[id] ??= {})[field] = n;
        return o;
      }, {});
  await models.DayBook.updateOne(
    { _id: dayBookId(storeId, day) },
    {
      $set: {
        tables: set.tables,
        covers: set.covers,
        revenue: set.revenue,
        newCustomers: set.newCustomers,
        visitors: set.visitors,
        byRecorder: nested('byRecorder'),
        byOwner: nested('byOwner'),
      },
    },
    { upsert: true },
  );
}

const summaries = (c: { history: { visitId: unknown; date: string; amount: number }[] }) =>
  c.history.map((h) => ({ visitId: String(h.visitId), date: h.date, amount: h.amount }));
