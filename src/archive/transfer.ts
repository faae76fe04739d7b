/** Moving customers between staff (离职, 调岗): the move is recorded on each archive. */
import type { Types } from 'mongoose';
import { addToLookup, keys, removeFromLookup } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { ChangeContext } from './change';
import { updateCustomer } from './customer-writes';
import { noteEvent } from './events';
import { noteWork } from './work-list';

export async function transferCustomer(
  models: Models,
  customer: CustomerDoc,
  to: Types.ObjectId,
  who: Pick<ChangeContext, 'by' | 'at' | 'today' | 'source'>,
): Promise<CustomerDoc> {
  const from = customer.ownerId ?? undefined;
  if (from?.equals(to)) return customer;
  await noteWork(models, who.by, who.today, [customer._id]);
  await addToLookup(models, keys.ownedBy(to), customer._id);
  const after = await updateCustomer(models, customer._id, { $set: { ownerId: to } });
  if (from) await removeFromLookup(models, keys.ownedBy(from), customer._id);
  await noteEvent(models, who.source, {
    storeId: customer.storeId,
    customerId: customer._id,
    kind: 'transfer',
    by: who.by,
    at: who.at,
    before: from,
    after: to,
  });
  return after ?? { ...customer, ownerId: to };
}
