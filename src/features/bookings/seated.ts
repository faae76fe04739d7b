/**
 * `王总 已到店` (the 已到店 button on a booking): the booked table of today is seated. Anyone on
 * the team may say it (whoever is at the door). The bill recorded later links to the same
 * booking (arrival.ts). In a group, a guest with no booking today gets no answer unless the bot
 * was addressed: staff tell each other who came, and that is talk.
 */
import { markArrived } from '../../archive/bookings';
import { addressed, clockOf, staffOf } from '../../pipeline/context';
import { businessDate } from '../../time/business-day';
import { commandFeature, REPEATABLE } from '../command';
import { openBooking } from './change';
import { slotLine } from './slot';

export const seatedFeature = commandFeature(
  ['booking.arrived'],
  async (ctx) => {
    const b = await openBooking(ctx, businessDate(clockOf(ctx)));
    if (typeof b === 'string') {
      if (addressed(ctx)) ctx.reply(b);
      return;
    }
    await markArrived(ctx.services.models, b, undefined, {
      by: staffOf(ctx).staff._id,
      at: ctx.msg.time,
    });
    ctx.reply(`已到店 ${slotLine(b.customerName, b)}`);
  },
  REPEATABLE,
);
