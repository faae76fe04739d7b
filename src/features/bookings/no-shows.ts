/**
 * 订了未到: bookings of past business days still open when the morning comes are no-shows. The
 * morning briefing marks them (archive/bookings.ts, once) and tells each booking's owner in their
 * list: `王总 昨晚订了6人未到店,问问是否改期`. A visit of that day recorded later still arrives
 * (arrival.ts): the guest came, the no-show is undone and no longer counted.
 */
import type { Types } from 'mongoose';
import { bookingsOnDays, markNoShows, type Booking } from '../../archive/bookings';
import { storeWriter } from '../../archive/writer';
import type { Models } from '../../model';
import type { StoreDoc } from '../../model/store';
import { addDays } from '../../time/business-day';
import { dayWord } from './slot';

/**
 * How far back a morning looks: a week, so mornings missed while the bot was down are caught up,
 * and a few lookups a morning whatever the store's size.
 */
export const NO_SHOW_DAYS = 7;

const pastDays = (today: string) =>
  Array.from({ length: NO_SHOW_DAYS }, (_, i) => addDays(today, -1 - i));

/** Marks the no-shows of the last week; returns those this morning noticed (also on a re-run). */
export function noticeNoShows(models: Models, store: StoreDoc, today: string, now: Date) {
  return storeWriter(models).run(store._id, () =>
    markNoShows(models, store._id, pastDays(today), today, now),
  );
}

/** The no-shows noticed this morning, for `我的待回访` later the same day. */
export async function noticedNoShows(
  models: Models,
  storeId: Types.ObjectId,
  today: string,
): Promise<Booking[]> {
  return (await bookingsOnDays(models, storeId, pastDays(today))).filter(
    (b) => b.state === 'noshow' && b.noShowOn === today,
  );
}

/** 昨晚 for dinner, 昨天中午 for lunch, 昨天早上 for breakfast, the date when older. */
export function whenBooked(b: Booking, today: string): string {
  if (b.day !== addDays(today, -1)) return dayWord(b.day);
  if (b.mealPeriod === '午市') return '昨天中午';
  if (b.mealPeriod === '早市') return '昨天早上';
  return '昨晚';
}

export function noShowLine(b: Booking, today: string): string {
  const people = b.partySize ? `${b.partySize}人` : '位';
  return `${b.customerName} ${whenBooked(b, today)}订了${people}未到店,问问是否改期`;
}

/** The owner's lines of the morning's no-shows. */
export function noShowLinesOf(noShows: Booking[], ownerId: Types.ObjectId, today: string) {
  return noShows.filter((b) => b.ownerId.equals(ownerId)).map((b) => noShowLine(b, today));
}
