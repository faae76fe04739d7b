/**
 * A customer's bookings and complaint cases are each listed in a lookup of their own (owned by
 * bookings.ts and complaints.ts); what needs both (a visit's confirmation, the guest line) reads
 * the two lists in one round trip and hands each module its ids.
 */
import type { Types } from 'mongoose';
import { lookupIdsOf } from '../db/lookup';
import type { Models } from '../model';
import { bookingListOf } from './bookings';
import { complaintListOf } from './complaints';

export interface CustomerLists {
  bookings: Types.ObjectId[];
  complaints: Types.ObjectId[];
}

export async function customerListsOf(
  models: Models,
  customerId: Types.ObjectId,
): Promise<CustomerLists> {
  const [b, c] = [bookingListOf(customerId), complaintListOf(customerId)];
  const ids = await lookupIdsOf(models, [b, c]);
  return { bookings: ids.get(b)!, complaints: ids.get(c)! };
}
