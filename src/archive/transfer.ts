/** Moving customers between staff (离职, 调岗): the move is recorded on each archive. */
import type { Types } from 'mongoose';
import { addToLookup, keys, removeFromLookup } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';

export async function transferCustomer(
  models: Models,
  customer: CustomerDoc,
  to: Types.ObjectId,
  by: Types.ObjectId,
  at: Date,
): Promise<void> {
  const from = customer.ownerId ?? undefined;
  if (from?.equals(to)) return;
  await addToLookup(models, keys.ownedBy(to), customer._id);
  await models.Customer.updateOne({ _id: customer._id }, { $set: { ownerId: to } });
  if (from) await removeFromLookup(models, keys.ownedBy(from), customer._id);
  await models.CustomerEvent.create({
    storeId: customer.storeId,
    customerId: customer._id,
    kind: 'transfer',
    by,
    at,
    before: from,
    after: to,
  });
  customer.ownerId = to;
}
