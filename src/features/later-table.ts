/**
 * A table with a bill on a day still to come (褚总 11月25日 3人 消费1800, most likely a slip of
 * the date): no visit is recorded, and the sender is told so in one line, in a group too, so
 * nobody believes it was saved. Bookings are features/bookings.
 */
import type { BotContext } from '../pipeline/context';
import type { Feature } from '../pipeline/router';

/** 2026-11-25 → 11月25日. */
function dayOf(iso: string): string {
  const [, m, d] = iso.split('-').map(Number);
  return `${m}月${d}日`;
}

export function laterTableReply(name: string, iso: string | undefined): string {
  const when = iso ? dayOf(iso) : '那天';
  return `${name} ${when}还没到,这条没记成消费;吃完再发这桌`;
}

export const laterTable: Feature = {
  name: 'later-table',
  // Bookings (features/bookings) take every other table on a day to come, before this one.
  takes: (ctx: BotContext) => !!ctx.reading?.customer && ctx.reading.ahead === 'dated',
  handle: async (ctx) =>
    ctx.reply(laterTableReply(ctx.reading!.customer!.value, ctx.reading!.date?.value)),
  readOnly: true,
};
