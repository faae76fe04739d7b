/** Saving a visit: the visit, the customer's history, the day book, then stats and tier. */
import { Types } from 'mongoose';
import { addToLookup, keys } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import { addVisitor, bookVisit, cameThatDay, isFirstVisit, rebuildDayBook } from './day-book';
import type { VisitDoc } from '../model/visit';
import { applyHistory, summariesOf, type TierChange } from './refresh';
import type { TierSettings } from './tiers';

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

/**
 * The visit already saved from this source message. Only reached when the unique sourceKey
 * refused a second insert (a redelivery the message log did not catch), so a slow query is fine.
 */
async function visitFromSource(models: Models, sourceKey: string): Promise<VisitDoc | null> {
  return models.Visit.findOne({ sourceKey });
}

export const summaryOf = (v: VisitDoc) => ({
  visitId: v._id,
  date: v.businessDate,
  amount: v.amount,
  partySize: v.partySize,
  room: v.room,
});

/**
 * A visit saved by a handling that a crash or an outage cut short: whatever it did not get to is
 * done now. Not in the history means the day book may or may not have it, so that day's figures
 * are counted again from its visits.
 */
async function completeTraces(
  models: Models,
  visit: VisitDoc,
  today: string,
  tiers: TierSettings,
): Promise<CustomerDoc | null> {
  const customer = await models.Customer.findById(visit.customerId);
  if (!customer || visit.status !== 'active') return customer;
  const history = summariesOf(customer);
  if (!history.some((h) => h.visitId === String(visit._id))) {
    const summary = summaryOf(visit);
    const whole = [...history, { ...summary, visitId: String(summary.visitId) }];
    await applyHistory(models, customer, whole, today, tiers, { history: summary });
    await addVisitor(models, visit.storeId, visit.businessDate, customer._id);
    await rebuildDayBook(models, visit.storeId, visit.businessDate);
  }
  await addToLookup(models, keys.recordsOf(visit.recordedBy, today), visit._id);
  return customer;
}

export async function saveVisit(
  models: Models,
  customer: CustomerDoc,
  input: VisitInput,
  today: string,
  tiers: TierSettings,
): Promise<SavedVisit> {
  const newCustomer = customer.history.length === 0;
  const previousVisit = customer.stats?.lastVisit ?? undefined;
  const _id = new Types.ObjectId();
  let visit: VisitDoc;
  try {
    visit = await models.Visit.create({ _id, customerId: customer._id, ...input });
  } catch (err) {
    const existing =
      (err as { code?: number }).code === 11000
        ? await visitFromSource(models, input.sourceKey)
        : null;
    if (!existing) throw err;
    const traced = await completeTraces(models, existing, today, tiers);
    return { visit: existing, customer: traced ?? customer, newCustomer: false, duplicate: true };
  }
  // The visit is saved first (its unique sourceKey is the last guard against a redelivery), then
  // the day book, then the customer's history: a visit in the history is therefore booked too,
  // which is how completeTraces knows what a crash in between left undone.
  // $push keeps the history whole if two visits of one customer are saved at once; the figures
  // computed here from the copy in hand are corrected by the next change or refresh.
  const summary = summaryOf(visit);
  const history = [...summariesOf(customer), { ...summary, visitId: String(summary.visitId) }];
  // Written one after another: SQLite serialises writers, and concurrent ones only wait longer.
  await bookVisit(
    models,
    visit,
    customer,
    isFirstVisit(history, String(_id)),
    !cameThatDay(history, visit),
  );
  const applied = await applyHistory(models, customer, history, today, tiers, { history: summary });
  await addToLookup(models, keys.recordsOf(input.recordedBy, today), _id);

  return {
    visit,
    customer: applied.customer,
    newCustomer,
    previousVisit,
    duplicate: false,
    tierChange: applied.change,
  };
}
