/**
 * 合并 two archives of one person: the second's visits, profile and names move to the first, the
 * second is kept (marked merged) so nothing is lost, and its names become aliases of the first.
 *
 * The commit point is the absorbed archive's `mergedInto`. Everything after it (visits moved,
 * profile and history of the survivor, tier index, day book) is `settleMerge`, which the sweeper
 * runs again for a merge a crash cut short.
 */
import type { Types } from 'mongoose';
import { addToLookup, keys } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { VisitDoc } from '../model/visit';
import { afterCommit } from './after-commit';
import type { ChangeContext } from './change';
import { readCustomer, reviseCustomer, updateCustomer } from './customer-writes';
import { noteEvent } from './events';
import { keepTierIndex } from './indexes';
import { settleHistory, summariesOf } from './refresh';
import { placed, repairEntries } from './settle';
import type { Tier } from './tiers';
import type { VisitContext } from './visits';
import { noteWork } from './work-list';

const union = <T>(a: T[], b: T[]) => [...new Set([...a, ...b])];
const unionIds = (a: Types.ObjectId[], b: Types.ObjectId[]) => {
  const byId = new Map([...a, ...b].map((id) => [String(id), id]));
  return [...byId.values()];
};

/** A lean document's id array (the schema types it as mongoose's array). */
const idsOf = (ids: unknown) => ids as Types.ObjectId[];

/** The owner of the older archive keeps the customer: whoever brought them in first (seed 002). */
function keptOwner(a: CustomerDoc, b: CustomerDoc): Types.ObjectId | undefined {
  const older = (a.createdAt ?? 0) <= (b.createdAt ?? 0) ? a : b;
  return older.ownerId ?? a.ownerId ?? b.ownerId ?? undefined;
}

const namesOf = (keep: CustomerDoc, absorb: CustomerDoc) =>
  union([absorb.name], absorb.aliases).filter((n) => n !== keep.name);

/** The survivor's profile with the absorbed one's added (a union: adding twice adds nothing). */
function profileUnion(keep: CustomerDoc, absorb: CustomerDoc) {
  return {
    aliases: union(keep.aliases, namesOf(keep, absorb)),
    phones: union(keep.phones, absorb.phones),
    preferences: union(keep.preferences, absorb.preferences),
    bottles: union(keep.bottles, absorb.bottles),
    notes: union(keep.notes, absorb.notes),
    referredIds: unionIds(idsOf(keep.referredIds), idsOf(absorb.referredIds)),
    ownerId: keptOwner(keep, absorb),
    birthday: keep.birthday ?? absorb.birthday,
    company: keep.company ?? absorb.company,
    position: keep.position ?? absorb.position,
    referrerName: keep.referrerName ?? absorb.referrerName,
    referrerId: keep.referrerId ?? absorb.referrerId,
    optOut: keep.optOut || absorb.optOut,
  };
}

async function moveVisits(models: Models, absorb: CustomerDoc, keepId: Types.ObjectId) {
  const change = {
    by: absorb.mergedBy,
    at: absorb.mergedAt,
    kind: 'merge',
    field: 'customerId',
    before: absorb._id,
    after: keepId,
  };
  for (const h of absorb.history)
    // Guarded by the old owner: moving it again finds nothing to move.
    await models.Visit.updateOne(
      { _id: h.visitId, customerId: absorb._id },
      { $set: { customerId: keepId }, $push: { changes: change } },
    );
}

/** Finish a merge from its commit point on; writing what is already there writes nothing. */
export async function settleMerge(
  models: Models,
  absorb: CustomerDoc,
  x: VisitContext,
): Promise<CustomerDoc | undefined> {
  const keepId = absorb.mergedInto;
  const start = keepId ? await readCustomer(models, keepId) : null;
  if (!keepId || !start) return undefined;
  await moveVisits(models, absorb, keepId);
  const { after } = await reviseCustomer(models, start, (c) => {
    const want = profileUnion(c, absorb);
    // The union of the survivor with itself is its profile as it stands: nothing new to add.
    const same = JSON.stringify(want) === JSON.stringify(profileUnion(c, c));
    return same ? null : { $set: want };
  });
  const moved = await models.Visit.find({
    _id: { $in: absorb.history.map((h) => h.visitId) },
  }).lean<VisitDoc[]>();
  const withVisits = (c: CustomerDoc) =>
    moved.reduce((h, v) => placed(h, v, c._id), summariesOf(c));
  const revised = await settleHistory(models, after, withVisits, x.today, x.tiers);
  // The absorbed archive no longer counts in its tier's total.
  await keepTierIndex(models, absorb, absorb.tier as Tier, undefined);
  await repairEntries(models, revised.customer, moved);
  return revised.customer;
}

export async function mergeCustomers(
  models: Models,
  keep: CustomerDoc,
  absorb: CustomerDoc,
  who: Pick<ChangeContext, 'by' | 'at' | 'source'>,
  x: VisitContext,
): Promise<CustomerDoc> {
  const visitIds = absorb.history.map((h) => h.visitId);
  await noteWork(models, who.by, x.today, [keep._id, absorb._id, ...visitIds]);
  // Lookups before the archives they lead to (db/lookup.ts): the survivor is found by every name.
  for (const n of namesOf(keep, absorb))
    await addToLookup(models, keys.customerName(keep.storeId, n), keep._id);
  for (const p of absorb.phones)
    await addToLookup(models, keys.customerPhone(keep.storeId, p), keep._id);
  const owner = keptOwner(keep, absorb);
  if (owner) await addToLookup(models, keys.ownedBy(owner), keep._id);
  const merged =
    (await updateCustomer(
      models,
      absorb._id,
      { $set: { mergedInto: keep._id, mergedBy: who.by, mergedAt: who.at } },
      { rev: absorb.rev ?? 0, report: x.report },
    )) ?? (await readCustomer(models, absorb._id));
  if (!merged?.mergedInto?.equals(keep._id)) throw new Error('archive changed while merging');
  const survivor = await afterCommit(x.report, 'merge', async () => {
    const done = await settleMerge(models, merged, x);
    for (const [customerId, text] of [
      [keep._id, `${absorb.name} 并入`],
      [absorb._id, `并入 ${keep.name}`],
    ] as const)
      await noteEvent(models, who.source, {
        storeId: keep.storeId,
        customerId,
        kind: 'merge',
        by: who.by,
        at: who.at,
        before: absorb._id,
        after: keep._id,
        text,
      });
    return done;
  });
  return survivor ?? keep;
}
