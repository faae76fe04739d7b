/**
 * Undo and amend. Nothing is destroyed: an undone visit keeps its document with status `undone`,
 * and every change records who, when, before and after. The customer's history, the day book,
 * stats and tier follow each change.
 */
import type { Types } from 'mongoose';
import { keys, lookupIds } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { VisitDoc } from '../model/visit';
import { refreshCustomer, type TierChange } from './refresh';
import type { TierSettings } from './tiers';
import { addToDayBook, removeFromDayBook, summaryOf } from './visits';

export type AmendField = 'amount' | 'partySize' | 'businessDate' | 'room';

/** The staff member's most recent record that is still active. */
export async function lastRecordOf(
  models: Models,
  staffId: Types.ObjectId,
): Promise<VisitDoc | null> {
  const ids = await lookupIds(models, keys.recordsOf(staffId));
  for (const id of ids.reverse()) {
    const visit = await models.Visit.findById(id);
    if (visit?.status === 'active') return visit;
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

/** The customer's summary of this visit, replaced (or dropped when undone), in place. */
async function replaceSummary(models: Models, visit: VisitDoc): Promise<void> {
  const customer = await models.Customer.findById(visit.customerId).lean();
  if (!customer) return;
  const history = customer.history.flatMap((h) => {
    if (!h.visitId.equals(visit._id)) return [h as ReturnType<typeof summaryOf>];
    return visit.status === 'active' ? [summaryOf(visit)] : [];
  });
  await models.Customer.updateOne({ _id: visit.customerId }, { $set: { history } });
}

async function wasFirstVisit(models: Models, visit: VisitDoc): Promise<boolean> {
  const customer = await models.Customer.findById(visit.customerId).lean();
  return !customer?.history.some((h) => h.date < visit.businessDate);
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
  visit.status = 'undone';
  visit.changes.push({ by, at, kind: 'undo', before: 'active', after: 'undone' });
  await visit.save();
  await removeFromDayBook(models, visit);
  await replaceSummary(models, visit);
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
  const before = visit.get(field);
  await removeFromDayBook(models, visit);
  visit.set(field, value);
  visit.changes.push({ by, at, kind: 'amend', field, before, after: value });
  await visit.save();
  await replaceSummary(models, visit);
  await addToDayBook(models, visit, await wasFirstVisit(models, visit));
  const refreshed = await refreshCustomer(models, visit.customerId, today, tiers);
  return { visit, before, customer: refreshed?.customer, tierChange: refreshed?.change };
}
