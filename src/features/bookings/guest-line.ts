/**
 * The guest's one-line card on a booking: what the team must know before the table sits down
 * (tier, last visit, a preference or taboo, stored bottles, bookings not kept, an open complaint).
 */
import { bookingsOf, type Booking } from '../../archive/bookings';
import { complaintsOf } from '../../archive/complaints';
import { customerListsOf } from '../../archive/customer-lists';
import { shortDate } from '../../format/text';
import { saidOf } from '../complaints/lines';
import type { Models } from '../../model';
import type { CustomerDoc } from '../../model/customer';
import { dayWord, tableLine } from './slot';

/**
 * Bookings the customer did not come to: marked no-shows, and open ones of past business days
 * the next morning has not marked yet.
 */
export function noShows(bookings: Booking[], today: string): Booking[] {
  return bookings.filter((b) => b.state === 'noshow' || (b.state === 'open' && b.day < today));
}

export function guestLine(c: CustomerDoc, today: string, missed: number, complaint = ''): string {
  const parts = [`${c.tier ?? 'D'}类`];
  const last = c.stats?.lastVisit;
  parts.push(last ? `上次${shortDate(last, today)}` : '还没来过');
  if (c.preferences?.length) parts.push(`偏好: ${c.preferences.slice(0, 2).join('、')}`);
  if (c.bottles?.length) parts.push(`存酒: ${c.bottles.slice(0, 2).join('、')}`);
  if (missed > 0) parts.push(`订了未到${missed}次`);
  if (complaint) parts.push(`投诉未处理: ${complaint}`);
  return parts.join(' · ');
}

/** The line for a customer, reading their bookings for the no-show count. */
export async function guestLineOf(models: Models, c: CustomerDoc, today: string): Promise<string> {
  const listed = await customerListsOf(models, c._id);
  const open = (await complaintsOf(models, c._id, listed.complaints)).filter(
    (k) => k.state === 'open',
  );
  const complaint = open.map(saidOf).join('、');
  const bookings = await bookingsOf(models, c._id, listed.bookings);
  return guestLine(c, today, noShows(bookings, today).length, complaint);
}

/** The card's booking lines: the next table booked, and how often a booking was not kept. */
export function cardBookingLines(bookings: Booking[], today: string): string[] {
  const next = bookings.find((b) => b.state === 'open' && b.day >= today);
  const missed = noShows(bookings, today).length;
  return [
    next ? `预订: ${dayWord(next.day)} ${tableLine('', next)}` : '',
    missed ? `订了未到${missed}次` : '',
  ].filter(Boolean);
}

/** A-class guests are received by the manager (seed 001: 店长必须亲身接待). */
export const receivedByManager = (c: Pick<CustomerDoc, 'tier'>) => c.tier === 'A';
