/**
 * Carrying out a planned import through the archive's own writers, so imported customers are
 * found, tiered and counted exactly like the ones staff record by chat. Each row is one change,
 * made as the store's writer (archive/writer.ts) and decided again there from the archive as it is
 * then: a long import never holds the store's records back, and a customer a waiter created
 * meanwhile is updated rather than made twice. The store is the actor on the work list.
 */
import { Types } from 'mongoose';
import { readCustomer, updateCustomer } from '../archive/customer-writes';
import { createCustomer } from '../archive/customers';
import { keepBirthdayIndex, keepOpeningIndex, openingDays } from '../archive/indexes';
import { refreshCustomer } from '../archive/refresh';
import type { TierSettings } from '../archive/tiers';
import { noteWork } from '../archive/work-list';
import { storeWriter } from '../archive/writer';
import { addToLookup, keys } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import { updateOf } from './changes';
import { match, type Plan, type Step } from './plan';
import type { CustomerRow } from './row';

export interface Applied {
  created: number;
  updated: number;
}

interface RowContext {
  models: Models;
  storeId: Types.ObjectId;
  today: string;
  tiers: TierSettings;
}

async function write(
  x: RowContext,
  customer: CustomerDoc,
  row: CustomerRow,
  ownerId: Types.ObjectId | undefined,
): Promise<void> {
  const { models } = x;
  const u = updateOf(customer, row, ownerId);
  // Lookups before the archive they lead to (db/lookup.ts).
  for (const phone of u.phones)
    await addToLookup(models, keys.customerPhone(customer.storeId, phone), customer._id);
  if (u.set.ownerId) await addToLookup(models, keys.ownedBy(ownerId!), customer._id);
  if (u.set.birthday) await keepBirthdayIndex(models, customer, customer.birthday, row.birthday);
  const [daysBefore, daysAfter] = [openingDays(customer.opening), openingDays(row.opening)];
  if (u.set.opening) await keepOpeningIndex(models, customer, [], daysAfter);
  const add: Record<string, { $each: string[] }> = {};
  if (u.phones.length) add.phones = { $each: u.phones };
  if (u.preferences.length) add.preferences = { $each: u.preferences };
  if (u.notes.length) add.notes = { $each: u.notes };
  const update = {
    ...(Object.keys(u.set).length && { $set: u.set }),
    ...(Object.keys(add).length && { $addToSet: add }),
  };
  const after = Object.keys(update).length
    ? await updateCustomer(models, customer._id, update)
    : customer;
  // Days the opening balance no longer dates leave the index after the archive says so.
  if (u.set.opening) await keepOpeningIndex(models, customer, daysBefore, daysAfter);
  // Figures and tier with the opening balance counted (also indexes the tier).
  if (after) await refreshCustomer(models, after, x.today, x.tiers);
}

/** One row, decided again from the archive as it is now. */
async function applyStep(x: RowContext, step: Step): Promise<keyof Applied | undefined> {
  if (step.kind !== 'create' && step.kind !== 'update') return undefined;
  const { models, storeId } = x;
  const found =
    step.kind === 'update'
      ? [await readCustomer(models, step.customer._id)]
      : await match(models, storeId, step.row, step.ownerId);
  if (typeof found === 'string') return undefined;
  const existing = found[0];
  const _id = existing?._id ?? new Types.ObjectId();
  await noteWork(models, storeId, x.today, [_id]);
  const customer =
    existing ??
    (await createCustomer(models, {
      _id,
      storeId,
      name: step.row.name,
      phone: step.row.phones[0],
      ownerId: step.ownerId,
    }));
  await write(x, customer, step.row, step.ownerId);
  return existing ? 'updated' : 'created';
}

export async function applyImport(
  models: Models,
  storeId: Types.ObjectId,
  plan: Plan,
  today: string,
  tiers: TierSettings,
): Promise<Applied> {
  const done: Applied = { created: 0, updated: 0 };
  const x = { models, storeId, today, tiers };
  const writer = storeWriter(models);
  for (const step of plan.steps) {
    const kind = await writer.run(storeId, () => applyStep(x, step));
    if (kind) done[kind] += 1;
  }
  return done;
}
