/**
 * 记预订: `王总订了明晚6人 牡丹厅`, `周五中午 李姐 4位`, `明天 欧阳总 订 10人 两桌 18:30` become a
 * booking, answered in one line with the guest's card, in a group too (it is a record). A missing
 * day or head count is asked for, and the answer completes it (answer.ts). A future day with a
 * bill is no booking but a slip (later-table.ts).
 */
import { Types } from 'mongoose';
import { recordBooking, type Booking, type Slot } from '../../archive/bookings';
import { candidates, createCustomer } from '../../archive/customers';
import type { CustomerDoc } from '../../model/customer';
import type { Reading } from '../../parser/reading';
import { changeOf, clockOf, sourceKeyOf, staffOf, type BotContext } from '../../pipeline/context';
import { replyTo } from '../../pipeline/message';
import type { Feature } from '../../pipeline/router';
import { businessDate } from '../../time/business-day';
import { clearDrafts, keepDraft } from '../visit-flow';
import { guestLineOf } from './guest-line';
import { dayWord, mealOfTime, resolveTime, slotLine } from './slot';

/** A booking still being asked about, kept in the staff member's draft for this chat. */
export interface PartialBooking {
  kind: 'booking';
  customerName: string;
  slot: Partial<Slot>;
  sourceKey: string;
  text: string;
}

export type BookingMissing = 'day' | 'partySize';

/** 留个包厢 with no room named: the table is a private room, which one is decided later. */
const ANY_ROOM = /包厢|包间|包房|雅间/;

export function slotFromReading(r: Reading, text: string): Partial<Slot> {
  const meal = r.mealPeriod?.value;
  const time = r.time ? resolveTime(r.time.value, meal) : undefined;
  const slot: Partial<Slot> = {
    day: r.date?.value,
    mealPeriod: meal ?? (time ? mealOfTime(time) : undefined),
    time,
    partySize: r.partySize?.value,
    tables: r.tables?.value,
    room: r.room?.value ?? (ANY_ROOM.test(text) ? '包厢' : undefined),
  };
  for (const k of Object.keys(slot) as (keyof Slot)[]) if (slot[k] === undefined) delete slot[k];
  return slot;
}

export function missingOf(slot: Partial<Slot>): BookingMissing[] {
  const m: BookingMissing[] = [];
  if (!slot.day) m.push('day');
  if (!slot.partySize) m.push('partySize');
  return m;
}

const QUESTION: Record<string, string> = { day: '哪天?', partySize: '几位?', both: '哪天,几位?' };

export function bookingQuestion(name: string, missing: BookingMissing[]): string {
  const q = missing.length > 1 ? QUESTION.both : QUESTION[missing[0]];
  return `${name}的预订,${q}`;
}

/** Save the booking, or keep it and ask for what is missing. */
export async function bookOrAsk(ctx: BotContext, p: PartialBooking): Promise<void> {
  const { staff, store } = staffOf(ctx);
  const today = businessDate(clockOf(ctx));
  const missing = missingOf(p.slot);
  if (missing.length) {
    await keepDraft(ctx, p, { missing });
    ctx.reply(bookingQuestion(p.customerName, missing));
    return;
  }
  const customer = await customerFor(ctx, p.customerName);
  const { models } = ctx.services;
  const booking = await recordBooking(models, {
    ...(p.slot as Slot),
    storeId: store._id,
    customerId: customer._id,
    customerName: customer.name,
    takenBy: staff._id,
    ownerId: (customer.ownerId as Types.ObjectId | undefined) ?? staff._id,
    chatId: ctx.msg.chatId,
    text: p.text,
    sourceKey: p.sourceKey,
    at: ctx.msg.time,
  });
  ctx.committed = `已记预订 ${slotLine(booking.customerName, booking)}`;
  await clearDrafts(ctx);
  const text = `${ctx.committed}\n${await guestLineOf(models, customer, today)}`;
  ctx.send({ ...replyTo(ctx.msg, text), actions: bookingActions(booking) });
}

/** The confirmation's buttons, where the platform has them: each sends a command as typed. */
export function bookingActions(b: Booking): { label: string; command: string }[] {
  return [
    { label: '已到店', command: `${b.customerName} 已到店` },
    // The day picks this booking if the guest has several.
    { label: '取消', command: `${b.customerName} 取消预订 ${dayWord(b.day)}` },
  ];
}

/**
 * The archive the booking is for: the staff member's own customer of that name first, else the
 * one archive of that name; a new guest gets an archive (D类, no visit yet) owned by who booked.
 */
async function customerFor(ctx: BotContext, name: string): Promise<CustomerDoc> {
  const { staff, store } = staffOf(ctx);
  const found = await candidates(ctx.services.models, { storeId: store._id, name });
  const own = found.find((c) => c.ownerId?.equals(staff._id));
  if (own ?? found[0]) return own ?? found[0];
  return createCustomer(
    ctx.services.models,
    { storeId: store._id, name, ownerId: staff._id },
    changeOf(ctx),
  );
}

/** A booking said (booked), or a future day with people and no bill (周五中午 李姐 4位). */
export function isBooking(r: Reading | undefined): boolean {
  if (!r?.customer || r.intent !== 'none') return false;
  return r.ahead === 'booked' || (r.ahead === 'dated' && !r.amount);
}

export const recordBookingFeature: Feature = {
  name: 'booking.record',
  takes: (ctx) => isBooking(ctx.reading),
  handle: (ctx) =>
    bookOrAsk(ctx, {
      kind: 'booking',
      customerName: ctx.reading!.customer!.value,
      slot: slotFromReading(ctx.reading!, ctx.msg.text),
      sourceKey: sourceKeyOf(ctx),
      text: ctx.msg.text,
    }),
  // The booking's id comes from the message: handled again, it is the same booking.
  repeatable: true,
};
