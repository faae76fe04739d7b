/**
 * 合并 two archives of one person: the second's visits, profile and names move to the first, the
 * second is kept (marked merged) so nothing is lost, and its names become aliases of the first.
 */
import type { Types } from 'mongoose';
import { addToLookup, keys } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import { addVisitor, removeVisitor } from './day-book';
import { keepTierIndex } from './indexes';
import { refreshCustomer } from './refresh';
import type { Tier, TierSettings } from './tiers';

const union = <T>(a: T[], b: T[]) => [...new Set([...a, ...b])];

async function moveVisits(
  models: Models,
  from: CustomerDoc,
  to: CustomerDoc,
  by: Types.ObjectId,
  at: Date,
) {
  for (const h of from.history) {
    await models.Visit.updateOne(
      { _id: h.visitId },
      {
        $set: { customerId: to._id },
        $push: {
          changes: { by, at, kind: 'merge', field: 'customerId', before: from._id, after: to._id },
        },
      },
    );
    // The day's figures stand; only who came changes name.
    await addVisitor(models, from.storeId, h.date, to._id);
    await removeVisitor(models, from.storeId, h.date, from._id);
  }
}

/** The owner of the older archive keeps the customer: whoever brought them in first (seed 002). */
function keptOwner(a: CustomerDoc, b: CustomerDoc): Types.ObjectId | undefined {
  const older = (a.createdAt ?? 0) <= (b.createdAt ?? 0) ? a : b;
  return older.ownerId ?? a.ownerId ?? b.ownerId ?? undefined;
}

export async function mergeCustomers(
  models: Models,
  keep: CustomerDoc,
  absorb: CustomerDoc,
  by: Types.ObjectId,
  at: Date,
  today: string,
  tiers: TierSettings,
): Promise<CustomerDoc> {
  const names = union([absorb.name], absorb.aliases).filter((n) => n !== keep.name);
  for (const n of names) await addToLookup(models, keys.customerName(keep.storeId, n), keep._id);
  for (const p of absorb.phones)
    await addToLookup(models, keys.customerPhone(keep.storeId, p), keep._id);
  const owner = keptOwner(keep, absorb);
  if (owner) await addToLookup(models, keys.ownedBy(owner), keep._id);
  await moveVisits(models, absorb, keep, by, at);
  await models.Customer.updateOne(
    { _id: keep._id },
    {
      $set: {
        aliases: union(keep.aliases, names),
        phones: union(keep.phones, absorb.phones),
        preferences: union(keep.preferences, absorb.preferences),
        bottles: [...keep.bottles, ...absorb.bottles],
        notes: [...keep.notes, ...absorb.notes],
        referredIds: union(keep.referredIds.map(String), absorb.referredIds.map(String)),
        history: [...keep.history, ...absorb.history],
        ownerId: owner,
        birthday: keep.birthday ?? absorb.birthday,
        company: keep.company ?? absorb.company,
        position: keep.position ?? absorb.position,
        referrerName: keep.referrerName ?? absorb.referrerName,
        referrerId: keep.referrerId ?? absorb.referrerId,
        optOut: keep.optOut || absorb.optOut,
      },
    },
  );
  await models.Customer.updateOne({ _id: absorb._id }, { $set: { mergedInto: keep._id } });
  // The absorbed archive no longer counts in its tier's total.
  await keepTierIndex(models, absorb, absorb.tier as Tier, undefined);
  for (const [customerId, text] of [
    [keep._id, `${absorb.name} 并入`],
    [absorb._id, `并入 ${keep.name}`],
  ] as const) {
    await models.CustomerEvent.create({
      storeId: keep.storeId,
      customerId,
      kind: 'merge',
      by,
      at,
      before: absorb._id,
      after: keep._id,
      text,
    });
  }
  const refreshed = await refreshCustomer(models, keep._id, today, tiers);
  return refreshed?.customer ?? keep;
}
