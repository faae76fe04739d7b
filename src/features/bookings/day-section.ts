/**
 * 今日预订 in the morning briefing: the day's open tables, lunch and dinner, one short line each
 * and only a few (the 班前会 brings the guests' highlights before service).
 */
import { bookingsOnDays } from '../../archive/bookings';
import type { StoreDoc } from '../../model/store';
import type { Services } from '../../pipeline/context';
import { receivedByManager } from './guest-line';
import { moreTables } from './pre-shift';
import { customersOf } from './query';
import { coversOf, tableLine } from './slot';

/** Tables the morning message lists: its other sections must still fit a phone screen. */
export const DAY_SECTION_CAP = 5;

export async function todaySection(
  services: Services,
  store: StoreDoc,
  today: string,
): Promise<string[]> {
  const open = (await bookingsOnDays(services.models, store._id, [today])).filter(
    (b) => b.state === 'open',
  );
  if (open.length === 0) return [];
  const guests = await customersOf({ services }, open);
  const rows = open.map((b) => {
    const c = guests.get(String(b.customerId));
    return `${tableLine(b.customerName, b)}${c && receivedByManager(c) ? ' · 店长接待' : ''}`;
  });
  const more = rows.length - DAY_SECTION_CAP;
  return [
    `今日预订 ${open.length}桌 ${coversOf(open)}人:`,
    ...rows.slice(0, DAY_SECTION_CAP),
    ...(more > 0 ? [moreTables(more)] : []),
  ];
}
