/** Keeping the day book's figures in step with visits: booked, unbooked, moved between days. */
import type { Types } from 'mongoose';
import type { Models } from '../model';
import { dayBookId } from '../model/day-book';
import { chronological, type VisitSummary } from './stats';

export interface BookedVisit {
  _id: Types.ObjectId;
  storeId: Types.ObjectId;
  businessDate: string;
  amount: number;
  partySize?: number | null;
  recordedBy: Types.ObjectId;
}

/** Is this visit the customer's first, given all their active visits (including it)? */
export function isFirstVisit(history: VisitSummary[], visitId: string): boolean {
  return chronological(history)[0]?.visitId === visitId;
}

function increments(
  v: BookedVisit,
  first: boolean,
  owner: Types.ObjectId | undefined,
  sign: 1 | -1,
) {
  const inc: Record<string, number> = {
    tables: sign,
    covers: sign * (v.partySize ?? 0),
    revenue: sign * v.amount,
    newCustomers: first ? sign : 0,
    [`byRecorder.${v.recordedBy}.tables`]: sign,
  };
  if (owner) {
    inc[`byOwner.${owner}.tables`] = sign;
    inc[`byOwner.${owner}.revenue`] = sign * v.amount;
    inc[`byOwner.${owner}.newCustomers`] = first ? sign : 0;
  }
  return inc;
}

export async function bookVisit(
  models: Models,
  v: BookedVisit,
  customer: { _id: Types.ObjectId; ownerId?: Types.ObjectId | null },
  first: boolean,
): Promise<void> {
  await models.DayBook.updateOne(
    { _id: dayBookId(v.storeId, v.businessDate) },
    {
      $inc: increments(v, first, customer.ownerId ?? undefined, 1),
      $addToSet: { customers: customer._id },
    },
    { upsert: true },
  );
}

/** Take a visit out; the customer stays listed for the day if another of their visits remains. */
export async function unbookVisit(
  models: Models,
  v: BookedVisit,
  customer: { _id: Types.ObjectId; ownerId?: Types.ObjectId | null },
  historyBefore: VisitSummary[],
): Promise<void> {
  const first = isFirstVisit(historyBefore, String(v._id));
  const others = historyBefore.some(
    (h) => h.visitId !== String(v._id) && h.date === v.businessDate,
  );
  await models.DayBook.updateOne(
    { _id: dayBookId(v.storeId, v.businessDate) },
    {
      $inc: increments(v, first, customer.ownerId ?? undefined, -1),
      ...(others ? {} : { $pull: { customers: customer._id } }),
    },
  );
}
