/**
 * `今晚预订`, `明天预订`, `本周预订`: the store's open bookings of those days, each with the guest's
 * highlights; `王总的预订`: that customer's bookings from today on. Anyone on the team may ask.
 */
import { bookingsOf, bookingsOnDays, type Booking } from '../../archive/bookings';
import { candidates, customersById } from '../../archive/customers';
import type { CustomerDoc } from '../../model/customer';
import { clockOf, staffOf, type BotContext } from '../../pipeline/context';
import { businessDate } from '../../time/business-day';
import { commandFeature, READ_ONLY } from '../command';
import { guestLineOf, receivedByManager } from './guest-line';
import { dayWord, daysAsked, tableLine } from './slot';

const STATE: Record<string, string> = {
  arrived: '已到店',
  cancelled: '已取消',
  noshow: '未到店',
};

/** One booking with its guest: `18:30 王总 6人 牡丹厅 · A类 · 上次11月22日 · 店长接待`. */
export async function bookingEntry(
  ctx: Pick<BotContext, 'services'>,
  b: Booking,
  c: CustomerDoc | undefined,
  today: string,
): Promise<string> {
  const head = tableLine(b.customerName, b);
  if (!c) return head;
  const marks = [await guestLineOf(ctx.services.models, c, today)];
  if (receivedByManager(c)) marks.push('店长接待');
  return `${head} · ${marks.join(' · ')}`;
}

export async function customersOf(
  ctx: Pick<BotContext, 'services'>,
  bookings: Booking[],
): Promise<Map<string, CustomerDoc>> {
  const found = await customersById(
    ctx.services.models,
    bookings.map((b) => b.customerId),
  );
  return new Map(found.map((c) => [String(c._id), c]));
}

async function dayList(ctx: BotContext, words: string): Promise<string> {
  const { store } = staffOf(ctx);
  const today = businessDate(clockOf(ctx));
  const { label, days } = daysAsked(words, today);
  const open = (await bookingsOnDays(ctx.services.models, store._id, days)).filter(
    (b) => b.state === 'open',
  );
  if (open.length === 0) return `${label}没有预订`;
  const guests = await customersOf(ctx, open);
  const lines = [`${label}预订 ${open.length}桌`];
  let day = '';
  for (const b of open) {
    if (days.length > 1 && b.day !== day) lines.push(`${dayWord((day = b.day))}:`);
    lines.push(await bookingEntry(ctx, b, guests.get(String(b.customerId)), today));
  }
  return lines.join('\n');
}

async function customerList(ctx: BotContext, name: string): Promise<string> {
  const { store } = staffOf(ctx);
  const today = businessDate(clockOf(ctx));
  const found = await candidates(ctx.services.models, { storeId: store._id, name });
  const all: Booking[] = [];
  for (const c of found) all.push(...(await bookingsOf(ctx.services.models, c._id)));
  const ahead = all.filter((b) => b.day >= today);
  if (ahead.length === 0) return `${name} 没有预订`;
  return [
    `${name}的预订`,
    ...ahead.map(
      (b) => `${dayWord(b.day)} ${tableLine('', b)}${STATE[b.state] ? ` · ${STATE[b.state]}` : ''}`,
    ),
  ].join('\n');
}

export const bookingsQuery = commandFeature(
  ['query.bookings'],
  async (ctx) => {
    const name = ctx.reading?.customer?.value;
    ctx.reply(name ? await customerList(ctx, name) : await dayList(ctx, ctx.msg.text));
  },
  READ_ONLY,
);
