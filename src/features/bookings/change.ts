/**
 * `王总 取消预订`, `王总 改到后天 8人`, `王总 改到7点`: the customer's next open booking is
 * changed, what it was kept in its history. Staff change the bookings they took or their own
 * customers'; managers any in the store.
 */
import {
  bookingsOf,
  cancelBooking,
  changeBooking,
  type Booking,
  type Slot,
} from '../../archive/bookings';
import { candidates } from '../../archive/customers';
import { clockOf, staffOf, type BotContext } from '../../pipeline/context';
import { businessDate } from '../../time/business-day';
import { canManage, commandFeature, REPEATABLE } from '../command';
import { mealOfTime, resolveTime, slotLine } from './slot';

/**
 * The named customer's nearest open booking from today on (on `day` when given), or why there
 * is none.
 */
export async function openBooking(ctx: BotContext, day?: string): Promise<Booking | string> {
  const { store } = staffOf(ctx);
  const name = ctx.reading?.customer?.value;
  if (!name) return '是哪位客人的预订?例如:王总 取消预订';
  const today = businessDate(clockOf(ctx));
  const found = await candidates(ctx.services.models, { storeId: store._id, name });
  for (const c of found) {
    const open = (await bookingsOf(ctx.services.models, c._id)).filter(
      (b) => b.state === 'open' && (day ? b.day === day : b.day >= today),
    );
    if (open[0]) return open[0];
  }
  return day === today ? `${name} 今天没有待到店的预订` : `${name} 没有待到店的预订`;
}

function mayChange(ctx: BotContext, b: Booking): boolean {
  const { staff } = staffOf(ctx);
  return canManage(staff.role) || b.takenBy.equals(staff._id) || b.ownerId.equals(staff._id);
}

async function target(ctx: BotContext, day?: string): Promise<Booking | undefined> {
  const b = await openBooking(ctx, day);
  if (typeof b === 'string') return void ctx.reply(b);
  if (!mayChange(ctx, b)) return void ctx.reply('这个预订不是你接的,请接单的同事或店长来改');
  return b;
}

/** A day said with 取消 (the button says it) picks that day's booking of several. */
function daySaid(ctx: BotContext): string | undefined {
  const d = ctx.reading?.date;
  return d && !d.implied && d.value >= businessDate(clockOf(ctx)) ? d.value : undefined;
}

export const cancelBookingFeature = commandFeature(
  ['booking.cancel'],
  async (ctx) => {
    const b = await target(ctx, daySaid(ctx));
    if (!b) return;
    await cancelBooking(ctx.services.models, b, { by: staffOf(ctx).staff._id, at: ctx.msg.time });
    ctx.reply(`已取消预订 ${slotLine(b.customerName, b)}`);
  },
  REPEATABLE,
);

/** What the message moves: the day, the time (in the booking's meal), people, tables, room. */
export function changeOf(ctx: BotContext, b: Booking): Partial<Slot> {
  const r = ctx.reading!;
  const change: Partial<Slot> = {};
  const today = businessDate(clockOf(ctx));
  if (r.date && !r.date.implied && r.date.value >= today) change.day = r.date.value;
  if (r.mealPeriod) change.mealPeriod = r.mealPeriod.value;
  if (r.time) {
    const time = resolveTime(r.time.value, change.mealPeriod ?? b.mealPeriod);
    change.time = time;
    change.mealPeriod ??= mealOfTime(time);
  }
  if (r.partySize) change.partySize = r.partySize.value;
  if (r.tables) change.tables = r.tables.value;
  if (r.room) change.room = r.room.value;
  return change;
}

export const changeBookingFeature = commandFeature(
  ['booking.change'],
  async (ctx) => {
    const b = await target(ctx);
    if (!b) return;
    const change = changeOf(ctx, b);
    if (Object.keys(change).length === 0)
      return ctx.reply('改到哪天、几点或几位?例如:王总 改到后天 8人');
    const after = await changeBooking(ctx.services.models, b, change, {
      by: staffOf(ctx).staff._id,
      at: ctx.msg.time,
    });
    ctx.reply(
      `已改预订 ${slotLine(after.customerName, after)}\n原来: ${slotLine(b.customerName, b)}`,
    );
  },
  REPEATABLE,
);
