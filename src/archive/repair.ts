/**
 * Bringing one customer's derived records in line with their visits as stored: history, figures
 * and tier (as of the day they were computed, so a repair never slips in a tier change nobody was
 * told about), follow-up card, tier index and day book entries. Used by the sweeper for recent
 * changes and by `npm run verify -- --repair` for everything. Reads first, writes only what
 * differs: on a consistent archive it writes nothing.
 */
import { Types } from 'mongoose';
import { documentKey, keys } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { VisitDoc } from '../model/visit';
import { cardRow, readCustomer, writeCards } from './customer-writes';
import { keepTierIndex } from './indexes';
import { settleMerge } from './merge';
import { settleHistory } from './refresh';
import { repairEntries, summaryOf } from './settle';
import type { VisitSummary } from './stats';
import type { Tier } from './tiers';
import type { VisitContext } from './visits';

export const TIERS: Tier[] = ['A', 'B', 'C', 'D'];

async function visitsByIds(models: Models, ids: string[]): Promise<Map<string, VisitDoc>> {
  const out = new Map<string, VisitDoc>();
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500).map((id) => new Types.ObjectId(id));
    for (const v of await models.Visit.find({ _id: { $in: batch } }).lean<VisitDoc[]>())
      out.set(String(v._id), v);
  }
  return out;
}

/**
 * The history the customer's visits say: the active visits of this customer among those it lists
 * and `extra`, in the order the history had them (new ones last), each as the visit says now.
 */
export function historyFrom(c: CustomerDoc, visits: Map<string, VisitDoc>): VisitSummary[] {
  const order = [...new Set([...c.history.map((h) => String(h.visitId)), ...visits.keys()])];
  return order.flatMap((id) => {
    const v = visits.get(id);
    return v && v.status === 'active' && v.customerId.equals(c._id) ? [summaryOf(v)] : [];
  });
}

/** The tier a customer should be indexed under (none until there is something to tier). */
export const indexedTierOf = (c: CustomerDoc): Tier | undefined =>
  !c.mergedInto && c.tierAsOf && (c.history.length > 0 || (c.opening?.visits ?? 0) > 0)
    ? (c.tier as Tier)
    : undefined;

/** Which tier lists hold the customer now. */
export async function tiersListing(models: Models, c: CustomerDoc): Promise<Tier[]> {
  const ids = TIERS.map((t) => documentKey(keys.tier(c.storeId, t), c._id));
  const docs = await models.Lookup.find({ _id: { $in: ids } }).lean();
  return TIERS.filter((_t, i) =>
    docs.some((d) => d._id === ids[i] && d.ids.some((x) => x.equals(c._id))),
  );
}

async function repairTierIndex(models: Models, c: CustomerDoc): Promise<number> {
  const want = indexedTierOf(c);
  const have = await tiersListing(models, c);
  let fixed = 0;
  if (want && !have.includes(want)) {
    await keepTierIndex(models, c, undefined, want);
    fixed += 1;
  }
  for (const t of have.filter((t) => t !== want)) {
    await keepTierIndex(models, c, t, undefined);
    fixed += 1;
  }
  return fixed;
}

async function repairCard(models: Models, c: CustomerDoc): Promise<number> {
  const want = cardRow(c);
  const have = await models.FollowUpCard.findById(c._id).lean();
  if (have && have.card === want.card && have.rev === want.rev) return 0;
  await writeCards(models, [c], { sameRev: true });
  return 1;
}

/**
 * Repair one customer; `extra` are visits that may belong to them though their history does not
 * list them (just recorded, moved by a merge). Returns how many records were rewritten.
 */
export async function repairCustomer(
  models: Models,
  start: CustomerDoc,
  extra: VisitDoc[],
  x: VisitContext,
): Promise<number> {
  if (start.mergedInto) {
    await settleMerge(models, start, x);
    return 0;
  }
  const ids = [...new Set([...start.history.map((h) => String(h.visitId))])];
  const visits = await visitsByIds(
    models,
    ids.filter((id) => !extra.some((v) => String(v._id) === id)),
  );
  for (const v of extra) visits.set(String(v._id), v);
  const asOf = start.tierAsOf ?? x.today;
  const { customer } = await settleHistory(
    models,
    start,
    (c) => historyFrom(c, visits),
    asOf,
    x.tiers,
  );
  let fixed = customer.rev === start.rev ? 0 : 1;
  fixed += await repairEntries(models, customer, [...visits.values()]);
  fixed += await repairCard(models, customer);
  fixed += await repairTierIndex(models, customer);
  return fixed;
}

/** Repair what a noted id stands for: a visit (its customer) or a customer. */
export async function repairNoted(
  models: Models,
  ids: Types.ObjectId[],
  x: VisitContext,
): Promise<{ checked: number; fixed: number }> {
  const visits = ids.length
    ? await models.Visit.find({ _id: { $in: ids } }).lean<VisitDoc[]>()
    : [];
  const byCustomer = new Map<string, VisitDoc[]>();
  for (const v of visits)
    byCustomer.set(String(v.customerId), [...(byCustomer.get(String(v.customerId)) ?? []), v]);
  const visitIds = new Set(visits.map((v) => String(v._id)));
  for (const id of ids)
    if (!visitIds.has(String(id)) && !byCustomer.has(String(id))) byCustomer.set(String(id), []);
  let fixed = 0;
  let checked = 0;
  for (const [id, extra] of byCustomer) {
    const c = await readCustomer(models, id);
    if (!c) continue;
    checked += 1;
    fixed += await repairCustomer(models, c, extra, x);
  }
  return { checked, fixed };
}
