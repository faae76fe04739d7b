/**
 * A resend (the network hiccupped, the waiter was not sure it went): the same staff member, the
 * same customer, the same bill and party within a few minutes. It is found from the customer's
 * own history (already read), so an ordinary visit costs no extra read; only a look-alike is
 * fetched to see who recorded it and when.
 */
import type { Types } from 'mongoose';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { VisitDoc } from '../model/visit';

export const RESEND_WINDOW_MS = 10 * 60_000;

export interface TableSaid {
  amount: number;
  partySize?: number;
  businessDate: string;
  recordedBy: Types.ObjectId;
  sourceKey: string;
  at: Date;
}

export async function sameTableJustNow(
  models: Models,
  customer: CustomerDoc,
  t: TableSaid,
): Promise<VisitDoc | null> {
  const alike = (customer.history ?? []).filter(
    (h) =>
      h.amount === t.amount &&
      h.date === t.businessDate &&
      (h.partySize ?? undefined) === (t.partySize ?? undefined),
  );
  for (const h of alike.reverse()) {
    const v = (await models.Visit.collection.findOne({ _id: h.visitId })) as VisitDoc | null;
    const gap = v ? Math.abs(t.at.getTime() - v.createdAt.getTime()) : Infinity;
    if (
      v?.status === 'active' &&
      v.sourceKey !== t.sourceKey &&
      v.recordedBy.equals(t.recordedBy) &&
      gap <= RESEND_WINDOW_MS
    )
      return v;
  }
  return null;
}
