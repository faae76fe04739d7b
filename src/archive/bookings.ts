/**
 * The one module that writes bookings (model/booking.ts). Each booking is listed under its day
 * and under its customer in hand-kept lookups, added before the booking is written and removed
 * after it moves, so a crash in between leaves at worst an id readers skip (db/lookup.ts).
 * Callers run inside the store's writer lane (the router puts every writing feature there).
 */
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { addToLookup, lookupIds, removeFromLookup, upsertOnce } from '../db/lookup';
import type { Models } from '../model';
import type { Booking, BookingSlot } from '../model/booking';

export type { Booking };
export type Slot = BookingSlot;

export interface NewBooking extends Slot {
  storeId: Types.ObjectId;
  customerId: Types.ObjectId;
  customerName: string;
  takenBy: Types.ObjectId;
  ownerId: Types.ObjectId;
  chatId: string;
  text: string;
  /** The message that made it: the same message makes the same booking. */
  sourceKey: string;
  at: Date;
}

const dayKey = (storeId: Types.ObjectId, day: string) => `bd:${storeId}:${day}`;
const customerKey = (customerId: Types.ObjectId) => `bc:${customerId}`;
/** Where a customer's bookings are listed (read with other lists: archive/customer-lists.ts). */
export const bookingListOf = customerKey;

/** The booking's id, from its store and message. */
export function bookingIdOf(storeId: Types.ObjectId, sourceKey: string): Types.ObjectId {
  const hex = createHash('sha1').update(`${storeId}|${sourceKey}`).digest('hex').slice(0, 24);
  return new Types.ObjectId(hex);
}

const SLOT_FIELDS = ['day', 'mealPeriod', 'time', 'partySize', 'tables', 'room'] as const;

function slotOf(b: Slot): Slot {
  const s: Partial<Slot> = {};
  for (const k of SLOT_FIELDS)
    if (b[k] !== undefined && b[k] !== null) Object.assign(s, { [k]: b[k] });
  return s as Slot;
}

/** Records the booking once; the same message again returns the one already written. */
export async function recordBooking(models: Models, b: NewBooking): Promise<Booking> {
  const _id = bookingIdOf(b.storeId, b.sourceKey);
  await addToLookup(models, dayKey(b.storeId, b.day), _id);
  await addToLookup(models, customerKey(b.customerId), _id);
  const doc = {
    _id,
    storeId: b.storeId,
    customerId: b.customerId,
    customerName: b.customerName,
    ...slotOf(b),
    takenBy: b.takenBy,
    ownerId: b.ownerId,
    state: 'open',
    chatId: b.chatId,
    text: b.text,
    history: [{ at: b.at, by: b.takenBy, what: 'booked' }],
    createdAt: b.at,
  };
  await upsertOnce(() =>
    models.Booking.collection.updateOne({ _id } as never, { $setOnInsert: doc }, { upsert: true }),
  );
  return (await models.Booking.findById(_id).lean()) as unknown as Booking;
}

async function byIds(models: Models, ids: Types.ObjectId[]): Promise<Booking[]> {
  if (ids.length === 0) return [];
  return (await models.Booking.find({ _id: { $in: ids } })
    .lean()
    .exec()) as unknown as Booking[];
}

/** The store's bookings on these business days (every state), by day then time. */
export async function bookingsOnDays(
  models: Models,
  storeId: Types.ObjectId,
  days: string[],
): Promise<Booking[]> {
  const ids = (await Promise.all(days.map((d) => lookupIds(models, dayKey(storeId, d))))).flat();
  const wanted = new Set(days);
  // A booking moved to another day may still be listed under the old one for a moment.
  return (await byIds(models, ids))
    .filter((b) => b.storeId.equals(storeId) && wanted.has(b.day))
    .sort(byTime);
}

/** A customer's bookings, every state, by day then time; `listed`: their list, already read. */
export async function bookingsOf(
  models: Models,
  customerId: Types.ObjectId,
  listed?: Types.ObjectId[],
): Promise<Booking[]> {
  const ids = listed ?? (await lookupIds(models, customerKey(customerId)));
  return (await byIds(models, ids)).filter((b) => b.customerId.equals(customerId)).sort(byTime);
}

/** A day's meals in order; a booking with no period said is a dinner (as the brief reads it). */
const MEAL_ORDER: Record<string, number> = { 早市: 0, 午市: 1, 晚市: 2, 夜场: 3 };
const mealRank = (b: Booking) => MEAL_ORDER[b.mealPeriod ?? '晚市'] ?? 2;

function byTime(a: Booking, b: Booking): number {
  return (
    a.day.localeCompare(b.day) ||
    mealRank(a) - mealRank(b) ||
    (a.time ?? '99').localeCompare(b.time ?? '99')
  );
}

interface Actor {
  by: Types.ObjectId;
  at: Date;
}

/** New day, time, people or room; what it was before goes into the history. */
export async function changeBooking(
  models: Models,
  b: Booking,
  change: Partial<Slot>,
  who: Actor,
): Promise<Booking> {
  const set = slotOf({ day: b.day, ...change } as Slot);
  const before: Record<string, unknown> = {};
  for (const k of Object.keys(set) as (keyof Slot)[]) if (b[k] !== set[k]) before[k] = b[k] ?? null;
  if (set.day !== b.day) await addToLookup(models, dayKey(b.storeId, set.day), b._id);
  await models.Booking.updateOne(
    { _id: b._id },
    { $set: { ...set, state: 'open' }, $push: { history: { ...who, what: 'changed', before } } },
  );
  if (set.day !== b.day) await removeFromLookup(models, dayKey(b.storeId, b.day), b._id);
  return (await models.Booking.findById(b._id).lean()) as unknown as Booking;
}

export async function cancelBooking(models: Models, b: Booking, who: Actor): Promise<void> {
  await models.Booking.updateOne(
    { _id: b._id },
    {
      $set: { state: 'cancelled' },
      $push: { history: { ...who, what: 'cancelled', before: { state: b.state } } },
    },
  );
}

/**
 * The customer came: the booking is kept, linked to the visit; without a visit (已到店 pressed
 * when the table sat down) it waits for the bill to link. Twice is the same.
 */
export async function markArrived(
  models: Models,
  b: Booking,
  visitId: Types.ObjectId | undefined,
  who: Actor,
): Promise<void> {
  if (b.state === 'arrived' && (!visitId || b.visitId?.equals(visitId))) return;
  await models.Booking.updateOne(
    { _id: b._id },
    {
      $set: { state: 'arrived', ...(visitId && { visitId }) },
      $push: { history: { ...who, what: 'arrived', before: { state: b.state } } },
    },
  );
}

/**
 * Bookings of these past business days still open are no-shows: marked once, with the morning
 * (`today`) that noticed them. The filter on the state makes a re-run of that morning change
 * nothing, and a visit recorded meanwhile (arrived) is left alone. Returns the no-shows that
 * morning noticed, the same on a re-run. Run in the store's writer lane.
 */
export async function markNoShows(
  models: Models,
  storeId: Types.ObjectId,
  days: string[],
  today: string,
  at: Date,
): Promise<Booking[]> {
  const past = (await bookingsOnDays(models, storeId, days)).filter((b) => b.day < today);
  for (const b of past.filter((x) => x.state === 'open'))
    await models.Booking.updateOne(
      { _id: b._id, state: 'open' },
      {
        $set: { state: 'noshow', noShowOn: today },
        // No one marked it: the store's own rule did (as with the churn alerts' records).
        $push: { history: { at, by: storeId, what: 'noshow', before: { state: 'open' } } },
      },
    );
  return (await bookingsOnDays(models, storeId, days)).filter(
    (b) => b.state === 'noshow' && b.noShowOn === today,
  );
}
