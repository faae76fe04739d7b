/** Saving a visit: the visit, the customer's history, the day book, then stats and tier. */
import { Types } from 'mongoose';
import { addToLookup, keys } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import { bookVisit, cameThatDay, isFirstVisit } from './day-book';
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
    if (existing) return { visit: existing, customer, newCustomer: false, duplicate: true };
    throw err;
  }
  // The visit is saved first (its unique sourceKey is the last guard against a redelivery), then
  // its traces elsewhere. $push keeps the history whole if two visits of one customer are saved at once; the
  // figures computed here from the copy in hand are corrected by the next change or refresh.
  const summary = summaryOf(visit);
  const history = [...summariesOf(customer), { ...summary, visitId: String(summary.visitId) }];
  // Written one after another: SQLite serialises writers, and concurrent ones only wait longer.
  const applied = await applyHistory(models, customer, history, today, tiers, { history: summary });
  await bookVisit(
    models,
    visit,
    customer,
    isFirstVisit(history, String(_id)),
    !cameThatDay(history, visit),
  );
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
