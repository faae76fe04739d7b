/** 记录消费: `张总 今晚 3人 消费2800` becomes a Visit (and a Customer when new). */
import { factsOf } from '../archive/profile';
import type { Reading } from '../parser/reading';
import { addressed, clockOf, sourceKeyOf, type BotContext } from '../pipeline/context';
import type { Feature } from '../pipeline/router';
import { businessDate } from '../time/business-day';
import { saveOrAsk, type PartialVisit } from './visit-flow';

/** In a group, only a message the parser is sure of becomes a record; chatter never does. */
export const CLEAR_VISIT = 0.8;

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
    visit,
  };
}

export const recordVisit: Feature = {
  name: 'record-visit',
  takes: (ctx) =>
    ctx.reading?.intent === 'visit' && (addressed(ctx) || ctx.reading.confidence >= CLEAR_VISIT),
  handle: (ctx) => saveOrAsk(ctx, visitFromReading(ctx, ctx.reading!)),
  repeatable: true,
};
