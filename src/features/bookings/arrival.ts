/**
 * 到店: a visit recorded for a customer with an open booking on that business day links the two
 * (`已记录 王总 … · 预订已到店`), also when recorded after the day was over. A derived step after the visit's commit: if it fails the visit
 * stands and the booking stays open.
 */
import type { Types } from 'mongoose';
import { bookingsOf, markArrived } from '../../archive/bookings';
import { afterCommit } from '../../archive/after-commit';
import type { SavedVisit } from '../../archive/visits';
import type { BotContext } from '../../pipeline/context';
import { changeOf } from '../../pipeline/context';

export const ARRIVED = ' · 预订已到店';

/**
 * A booking a visit may meet: open, seated with 已到店 and no bill yet, or marked a no-show (the visit of that day was
 * recorded late, after the next morning): the guest came, so it arrives and is no no-show.
 */
const WAITING = new Set(['open', 'noshow']);

/** Whether the visit met a booking (now linked). */
export async function linkArrival(
  ctx: BotContext,
  saved: SavedVisit,
  listed?: Types.ObjectId[],
): Promise<boolean> {
  const { models } = ctx.services;
  const change = changeOf(ctx);
  const linked = await afterCommit(change.report, 'booking arrival', async () => {
    const day = saved.visit.businessDate;
    const b = (await bookingsOf(models, saved.customer._id, listed)).find(
      (x) =>
        x.day === day &&
        (WAITING.has(x.state) ||
          (x.state === 'arrived' && !x.visitId) ||
          x.visitId?.equals(saved.visit._id)),
    );
    if (!b) return false;
    await markArrived(models, b, saved.visit._id, { by: change.by, at: change.at });
    return true;
  });
  return linked === true;
}

/** The confirmation's first line says the booked table came. */
export function withArrival(reply: string, arrived: boolean): string {
  if (!arrived) return reply;
  const [head, ...rest] = reply.split('\n');
  return [head + ARRIVED, ...rest].join('\n');
}
