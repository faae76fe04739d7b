/**
 * A table on a day still to come (褚总 11月25日 3人 消费1800): no visit is recorded, and the sender
 * is told so in one line, in a group too, so nobody believes it was saved. A booking said in a
 * group (王总订了明晚6人) is the team's talk and gets no reply there; asked directly, it does.
 */
import { addressed, type BotContext } from '../pipeline/context';
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
  takes: (ctx: BotContext) => {
    const ahead = ctx.reading?.ahead;
    return !!ctx.reading?.customer && (ahead === 'dated' || (ahead === 'booked' && addressed(ctx)));
  },
  handle: async (ctx) =>
    ctx.reply(laterTableReply(ctx.reading!.customer!.value, ctx.reading!.date?.value)),
  readOnly: true,
};
