/**
 * Finding and updating a customer's archive. Identity here is the simple rule (phone first, then
 * the name as staff write it or a known alias); the archive issue adds ambiguity questions.
 */
import type { Types } from 'mongoose';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';

export interface CustomerRef {
  storeId: Types.ObjectId;
  name?: string;
  phone?: string;
}

export async function findCustomer(models: Models, ref: CustomerRef): Promise<CustomerDoc | null> {
  const { Customer } = models;
  if (ref.phone) {
    const byPhone = await Customer.findOne({ storeId: ref.storeId, phones: ref.phone });
    if (byPhone) return byPhone;
  }
  if (!ref.name) return null;
  return (
    (await Customer.findOne({ storeId: ref.storeId, name: ref.name }).sort({ updatedAt: -1 })) ??
    (await Customer.findOne({ storeId: ref.storeId, aliases: ref.name }).sort({ updatedAt: -1 }))
  );
}

/** The staff member who first records a customer owns the relationship (seed 002). */
export async function findOrCreateCustomer(
  models: Models,
  ref: CustomerRef & { name: string },
  ownerId: Types.ObjectId,
): Promise<{ customer: CustomerDoc; created: boolean }> {
  const found = await findCustomer(models, ref);
  if (found) {
    if (ref.phone && !found.phones.includes(ref.phone)) {
      found.phones.push(ref.phone);
      await found.save();
    }
    return { customer: found, created: false };
  }
  const customer = await models.Customer.create({
    storeId: ref.storeId,
    name: ref.name,
    phones: ref.phone ? [ref.phone] : [],
    ownerId,
  });
  return { customer, created: true };
}

/** Fold one new visit into the stored figures, so nothing has to scan all visits later. */
export async function addVisitToStats(
  models: Models,
  customer: CustomerDoc,
  visit: { businessDate: string; amount: number },
): Promise<void> {
  const s = customer.stats ?? { visits: 0, totalSpend: 0 };
  const first = s.firstVisit && s.firstVisit < visit.businessDate ? s.firstVisit : visit.businessDate;
  const isLatest = !s.lastVisit || visit.businessDate >= s.lastVisit;
  await models.Customer.updateOne(
    { _id: customer._id },
    {
      $inc: { 'stats.visits': 1, 'stats.totalSpend': visit.amount },
      $set: {
        'stats.firstVisit': first,
        ...(isLatest ? { 'stats.lastVisit': visit.businessDate, 'stats.lastAmount': visit.amount } : {}),
      },
    },
  );
}
