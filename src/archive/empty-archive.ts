/**
 * 撤销 of a new customer's only visit: the archive that visit made (`上官总 D类 · 还没来过`) would
 * otherwise stay in 我的客户, exports, transfers and the morning lists. It is marked removed, not
 * deleted: the undone visit keeps its text and correction, and an event says what happened. An
 * archive that holds anything the visit's own message did not say (a phone or preference typed
 * before or since, an imported balance, follow-ups) is real information and stays.
 */
import { keys, removeFromLookup } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { VisitDoc } from '../model/visit';
import type { ChangeContext } from './change';
import { revOf, updateCustomer } from './customer-writes';
import { noteEvent } from './events';
import { keepBirthdayIndex } from './indexes';

/** An archive made more than this before the visit was there before it: someone typed it. */
const MADE_FOR_THE_VISIT_MS = 2 * 60_000;

const digits = (s: string) => s.replace(/\D/g, '');

/** Whether the archive holds only what the undone visit's message said. Pure. */
export function onlyTheVisit(c: CustomerDoc, visit: VisitDoc): boolean {
  if (c.mergedInto || c.removedAt || c.history.length > 0) return false;
  if (c.opening || c.followUps.length || c.referredIds.length || c.aliases.length || c.optOut)
    return false;
  const made = c.createdAt?.getTime();
  const recorded = visit.createdAt?.getTime();
  if (made === undefined || recorded === undefined) return false;
  if (recorded - made > MADE_FOR_THE_VISIT_MS) return false;
  const text = visit.text ?? '';
  const said = (fact: string | null | undefined) => !fact || text.includes(fact);
  const words = [
    ...c.preferences,
    ...c.bottles,
    ...c.notes,
    c.company,
    c.position,
    c.wechat,
    c.industry,
    c.address,
    c.referrerName,
    c.vipNumber,
  ];
  return (
    words.every(said) &&
    c.phones.every((p) => digits(text).includes(digits(p))) &&
    (!c.birthday || text.includes('生日'))
  );
}

type Who = Pick<ChangeContext, 'by' | 'at' | 'source'>;

/** Remove the archive if the undone visit was all it held; the archive as it is now, or null. */
export async function removeIfOnlyTheVisit(
  models: Models,
  c: CustomerDoc,
  visit: VisitDoc,
  who: Who,
): Promise<CustomerDoc | null> {
  if (!onlyTheVisit(c, visit)) return null;
  // The commit point: guarded by the rev the decision was made from.
  const removed = await updateCustomer(
    models,
    c._id,
    { $set: { removedAt: who.at, removedBy: who.by } },
    { rev: revOf(c) },
  );
  if (!removed) return null;
  // Readers skip a removed archive anyway; the lookups go so nothing leads to it.
  await removeFromLookup(models, keys.customerName(c.storeId, c.name), c._id);
  for (const p of c.phones) await removeFromLookup(models, keys.customerPhone(c.storeId, p), c._id);
  if (c.ownerId) await removeFromLookup(models, keys.ownedBy(c.ownerId), c._id);
  if (c.birthday) await keepBirthdayIndex(models, c, c.birthday, undefined);
  await noteEvent(models, who.source, {
    storeId: c.storeId,
    customerId: c._id,
    kind: 'removed',
    by: who.by,
    at: who.at,
    before: visit._id,
    text: `撤销了唯一一次消费(${visit.businessDate}),空档案已移除`,
  });
  return removed;
}
