/**
 * Undo and amend. Nothing is destroyed: an undone visit keeps its document with status `undone`,
 * and every change records who, when, before and after. The customer's history, the day book,
 * stats and tier follow each change.
 */
import { Types } from 'mongoose';
import { keys, lookupIds } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { VisitDoc } from '../model/visit';
import { addDays } from '../time/business-day';
import { refreshCustomer, summariesOf, type TierChange } from './refresh';
import type { TierSettings } from './tiers';
import { bookVisit, cameThatDay, isFirstVisit, unbookVisit } from './day-book';
import { summaryOf } from './visits';

export type AmendField = 'amount' | 'partySize' | 'businessDate' | 'room';

/** How many business days back `撤销` looks for the sender's last record. */
export const UNDO_REACH_DAYS = 7;

/**
 * The staff member's most recent record that is still active, within UNDO_REACH_DAYS. Records
 * are indexed by the business day they were made on, so each day's list stays small.
 */
export async function lastRecordOf(
  models: Models,
  staffId: Types.ObjectId,
  today: string,
): Promise<VisitDoc | null> {
  for (let back = 0; back < UNDO_REACH_DAYS; back++) {
    const ids = await lookupIds(models, keys.recordsOf(staffId, addDays(today, -back)));
    for (const id of ids.reverse()) {
      const visit = await models.Visit.findById(id);
      if (visit?.status === 'active') return visit;
    }
  }
  return null;
}

/** The customer's most recently recorded active visit. */
export async function latestVisitOf(
  models: Models,
  customer: CustomerDoc,
): Promise<VisitDoc | null> {
  const last = customer.history.at(-1);
  return last ? models.Visit.findById(last.visitId) : null;
}

/**
 * The customer's summary of this visit replaced (or dropped when undone), and the day book moved
 * with it. Returns the customer's history after the change.
 */
async function restate(models: Models, before: VisitDoc, after: VisitDoc): Promise<void> {
  const customer = await models.Customer.findById(after.customerId);
  if (!customer) return;
  const historyBefore = summariesOf(customer);
  await unbookVisit(models, before, customer, historyBefore);
  // Plain summaries, not the mongoose subdocuments: spreading a subdocument copies its
  // internals instead of its fields, and ordering the history by date then threw midway.
  const history = historyBefore.flatMap((h) => {
    if (h.visitId !== String(after._id)) return [{ ...h, visitId: new Types.ObjectId(h.visitId) }];
    return after.status === 'active' ? [summaryOf(after)] : [];
  });
  await models.Customer.updateOne({ _id: customer._id }, { $set: { history } });
  if (after.status !== 'active') return;
  const historyAfter = history.map((h) => ({ ...h, visitId: String(h.visitId) }));
  const first = isFirstVisit(historyAfter, String(after._id));
  await bookVisit(models, after, customer, first, !cameThatDay(historyAfter, after));
}

export interface Correction {
  visit: VisitDoc;
  customer?: CustomerDoc;
  tierChange?: TierChange;
}

export async function undoVisit(
  models: Models,
  visit: VisitDoc,
  by: Types.ObjectId,
  at: Date,
  today: string,
  tiers: TierSettings,
): Promise<Correction> {
  const before = visit.toObject() as VisitDoc;
  visit.status = 'undone';
  visit.changes.push({ by, at, kind: 'undo', before: 'active', after: 'undone' });
  await visit.save();
  await restate(models, before, visit);
  const refreshed = await refreshCustomer(models, visit.customerId, today, tiers);
  return { visit, customer: refreshed?.customer, tierChange: refreshed?.change };
}

export async function amendVisit(
  models: Models,
  visit: VisitDoc,
  field: AmendField,
  value: string | number,
  by: Types.ObjectId,
  at: Date,
  today: string,
  tiers: TierSettings,
): Promise<Correction & { before: unknown }> {
  const snapshot = visit.toObject() as VisitDoc;
  const before = visit.get(field);
  visit.set(field, value);
  visit.changes.push({ by, at, kind: 'amend', field, before, after: value });
  await visit.save();
  await restate(models, snapshot, visit);
  const refreshed = await refreshCustomer(models, visit.customerId, today, tiers);
  return { visit, before, customer: refreshed?.customer, tierChange: refreshed?.change };
}
