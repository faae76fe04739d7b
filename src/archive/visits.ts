/** Saving a visit: the visit, the customer's history, the day book, then stats and tier. */
import { Types } from 'mongoose';
import { addToLookup, keys, lookupIds, pushRecent } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import { dayBookId } from '../model/day-book';
import type { VisitDoc } from '../model/visit';
import { refreshCustomer, type TierChange } from './refresh';
import type { TierSettings } from './tiers';

/** How far back `撤销` can reach: a staff member's last records, newest last. */
export const RECENT_RECORDS = 20;

export interface VisitInput {
  storeId: Types.ObjectId;
  recordedBy: Types.ObjectId;
  businessDate: string;
  amount: number;
  mealPeriod?: string;
  partySize?: number;
  room?: string;
  occasion?: string;
  companions?: string[];
  notes?: string[];
  chatId: string;
  /** platform:messageId of the message that said it: unique, so a redelivery saves nothing. */
  sourceKey: string;
  text: string;
}

export interface SavedVisit {
  visit: VisitDoc;
  customer: CustomerDoc;
  newCustomer: boolean;
  /** The customer's last visit before this one, if any. */
  previousVisit?: string;
  /** The source message had already been saved (redelivery): nothing new was written. */
  duplicate: boolean;
  tierChange?: TierChange;
}

/** The visit already saved from this source message, if any. */
export async function visitFromSource(models: Models, sourceKey: string): Promise<VisitDoc | null> {
  for (const id of await lookupIds(models, keys.source(sourceKey))) {
    const visit = await models.Visit.findById(id);
    if (visit) return visit;
  }
  return null;
}

export const summaryOf = (v: VisitDoc) => ({
  visitId: v._id,
  date: v.businessDate,
  amount: v.amount,
  partySize: v.partySize,
  room: v.room,
});

export const dayEntryOf = (v: VisitDoc, firstVisit: boolean) => ({
  visitId: v._id,
  customerId: v.customerId,
  recordedBy: v.recordedBy,
  amount: v.amount,
  partySize: v.partySize,
  firstVisit,
});

export async function addToDayBook(
  models: Models,
  v: VisitDoc,
  firstVisit: boolean,
): Promise<void> {
  await models.DayBook.updateOne(
    { _id: dayBookId(v.storeId, v.businessDate) },
    { $push: { entries: dayEntryOf(v, firstVisit) } },
    { upsert: true },
  );
}

/**
 * Read, filter, write: FerretDB v1 does not apply `$pull` with a condition on array elements, so
 * removal by visit id is done here. Corrections are rare and per-visit, so the race is negligible.
 */
export async function removeFromDayBook(models: Models, v: VisitDoc): Promise<void> {
  const _id = dayBookId(v.storeId, v.businessDate);
  const book = await models.DayBook.findById(_id).lean();
  if (!book) return;
  const entries = book.entries.filter((e) => !e.visitId.equals(v._id));
  await models.DayBook.updateOne({ _id }, { $set: { entries } });
}

export async function saveVisit(
  models: Models,
  customer: CustomerDoc,
  input: VisitInput,
  today: string,
  tiers: TierSettings,
): Promise<SavedVisit> {
  const already = await visitFromSource(models, input.sourceKey);
  if (already) return { visit: already, customer, newCustomer: false, duplicate: true };
  const newCustomer = customer.history.length === 0;
  const previousVisit = customer.stats?.lastVisit ?? undefined;
  const _id = new Types.ObjectId();
  // Index entries first: a crash after them leaves ids that lead nowhere, which readers skip.
  await addToLookup(models, keys.source(input.sourceKey), _id);
  await pushRecent(models, keys.recordsOf(input.recordedBy), _id, RECENT_RECORDS);
  let visit: VisitDoc;
  try {
    visit = await models.Visit.create({ _id, customerId: customer._id, ...input });
  } catch (err) {
    const existing =
      (err as { code?: number }).code === 11000
        ? await visitFromSource(models, input.sourceKey)
        : null;
    if (existing) return { visit: existing, customer, newCustomer: false, duplicate: true };
    throw err;
  }
  await models.Customer.updateOne({ _id: customer._id }, { $push: { history: summaryOf(visit) } });
  await addToDayBook(models, visit, newCustomer);
  const refreshed = await refreshCustomer(models, customer._id, today, tiers);
  return {
    visit,
    customer: refreshed?.customer ?? customer,
    newCustomer,
    previousVisit,
    duplicate: false,
    tierChange: refreshed?.change,
  };
}
