/** 记录消费: `张总 今晚 3人 消费2800` becomes a Visit (and a Customer when new). */
import { factsOf } from '../archive/profile';
import type { Reading } from '../parser/reading';
import { clockOf, sourceKeyOf, type BotContext } from '../pipeline/context';
import type { Feature } from '../pipeline/router';
import { takenIn } from '../pipeline/steps';
import { businessDate } from '../time/business-day';
import { ONE_TABLE_EACH, recordSeveral } from './several-visits';
import { saveOrAsk, type PartialVisit } from './visit-flow';

export { sourceKeyOf };

export function visitFromReading(ctx: BotContext, r: Reading): PartialVisit {
  const visit: PartialVisit['visit'] = {
    businessDate: r.date?.value ?? businessDate(clockOf(ctx)),
    // An impossible value as said (消费0, 600人) travels on so the flow can question it.
    amount: r.amount?.value ?? r.outOfRange?.amount?.value,
    mealPeriod: r.mealPeriod?.value,
    partySize: r.partySize?.value ?? r.outOfRange?.partySize?.value,
    room: r.room?.value,
    occasion: r.occasion?.value,
    companions: r.companions?.map((c) => c.value),
    notes: [...(r.preferences ?? []), ...(r.notes ?? [])].map((n) => n.value),
    chatId: ctx.msg.chatId,
    sourceKey: sourceKeyOf(ctx),
    text: ctx.msg.text,
  };
  return {
    customerName: r.customer?.value,
    facts: factsOf(r),
    badPhone: r.outOfRange?.phone?.value,
    ...(r.complaint ? { complaint: r.complaint.value } : {}),
    visit,
  };
}

/**
 * A record is answered wherever it is written, group or not: saved, or one short question for
 * what is missing (蔺总 今晚3人 → 金额是多少?). Talk the parser reads as no record stays silent.
 */
export const recordVisit: Feature = {
  name: 'record-visit',
  takes: (ctx) => ctx.reading?.intent === 'visit',
  handle: async (ctx) => {
    const r = ctx.reading!;
    // Only a single table goes to its save without the message log (visit-flow.ts).
    if ((r.tangled || r.several) && !(await takenIn(ctx))) return;
    if (r.tangled) return ctx.reply(ONE_TABLE_EACH);
    if (r.several) return recordSeveral(ctx, r.several);
    return saveOrAsk(ctx, visitFromReading(ctx, r));
  },
  repeatable: true,
  keyedByMessage: true,
};
