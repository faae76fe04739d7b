/**
 * Carrying out a planned import through the archive's own writers (createCustomer, addPhone, the
 * birthday index, applyHistory), so imported customers are found, tiered and counted exactly like
 * the ones staff record by chat. Rows are written one after another: SQLite serialises writers.
 */
import type { Types } from 'mongoose';
import { addPhone, createCustomer } from '../archive/customers';
import { keepBirthdayIndex } from '../archive/indexes';
import { applyHistory, summariesOf } from '../archive/refresh';
import type { TierSettings } from '../archive/tiers';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import { updateOf } from './changes';
import type { Plan } from './plan';
import type { CustomerRow } from './row';

export interface Applied {
  created: number;
  updated: number;
}

async function write(
  models: Models,
  customer: CustomerDoc,
  row: CustomerRow,
  ownerId: Types.ObjectId | undefined,
  today: string,
  tiers: TierSettings,
): Promise<void> {
  const u = updateOf(customer, row, ownerId);
  for (const phone of u.phones) await addPhone(models, customer, phone);
  if (u.set.birthday) await keepBirthdayIndex(models, customer, customer.birthday, row.birthday);
  const add: Record<string, { $each: string[] }> = {};
  if (u.preferences.length) add.preferences = { $each: u.preferences };
  if (u.notes.length) add.notes = { $each: u.notes };
  const update = {
    ...(Object.keys(u.set).length && { $set: u.set }),
    ...(Object.keys(add).length && { $addToSet: add }),
  };
  if (Object.keys(update).length) await models.Customer.updateOne({ _id: customer._id }, update);
  customer.set(u.set);
  // Figures and tier with the opening balance counted (also indexes the tier).
  await applyHistory(models, customer, summariesOf(customer), today, tiers);
}

export async function applyImport(
  models: Models,
  storeId: Types.ObjectId,
  plan: Plan,
  today: string,
  tiers: TierSettings,
): Promise<Applied> {
  const done: Applied = { created: 0, updated: 0 };
  for (const step of plan.steps) {
    if (step.kind === 'create') {
      const { row, ownerId } = step;
      const customer = await createCustomer(models, {
        storeId,
        name: row.name,
        phone: row.phones[0],
        ownerId,
      });
      await write(models, customer, row, ownerId, today, tiers);
      done.created += 1;
    } else if (step.kind === 'update') {
      await write(models, step.customer, step.row, step.ownerId, today, tiers);
      done.updated += 1;
    }
  }
  return done;
}
