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
