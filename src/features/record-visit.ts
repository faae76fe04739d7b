/** 记录消费: `张总 今晚 3人 消费2800` becomes a Visit (and a Customer when new). */
import { saveVisit, type VisitInput } from '../archive/visits';
import { addressed, staffOf, type BotContext } from '../pipeline/context';
import type { Feature } from '../pipeline/router';
import type { Reading } from '../parser/reading';
import { businessDate } from '../time/business-day';
import { clockOf } from '../pipeline/context';
import { confirmation, question } from './visit-reply';

/** In a group, only a message the parser is sure of becomes a record; chatter never does. */
export const CLEAR_VISIT = 0.8;

export const sourceKeyOf = (ctx: BotContext) => `${ctx.msg.platform}:${ctx.msg.messageId}`;

/** What is known of the visit so far; customer and amount may still be missing. */
export type PartialVisit = Partial<Omit<VisitInput, 'storeId' | 'recordedBy'>> &
  Pick<VisitInput, 'chatId' | 'sourceKey' | 'text' | 'businessDate'>;

export function visitFromReading(ctx: BotContext, r: Reading): PartialVisit {
  return {
    customerName: r.customer?.value,
    phone: r.phone?.value,
    businessDate: r.date?.value ?? businessDate(clockOf(ctx)),
    amount: r.amount?.value,
    mealPeriod: r.mealPeriod?.value,
    partySize: r.partySize?.value,
    room: r.room?.value,
    occasion: r.occasion?.value,
    companions: r.companions?.map((c) => c.value),
    notes: [...(r.preferences ?? []), ...(r.notes ?? [])].map((n) => n.value),
    chatId: ctx.msg.chatId,
    sourceKey: sourceKeyOf(ctx),
    text: ctx.msg.text,
  };
}

export function missingOf(v: PartialVisit): ('customer' | 'amount')[] {
  const missing: ('customer' | 'amount')[] = [];
  if (!v.customerName) missing.push('customer');
  if (v.amount === undefined) missing.push('amount');
  return missing;
}

/** Save a complete visit and confirm it, or keep it as a draft and ask only for what is missing. */
export async function saveOrAsk(ctx: BotContext, v: PartialVisit): Promise<void> {
  const { staff, store } = staffOf(ctx);
  const { models } = ctx.services;
  const missing = missingOf(v);
  await models.Draft.deleteMany({ staffId: staff._id, platform: ctx.msg.platform, chatId: ctx.msg.chatId });
  if (missing.length > 0) {
    await models.Draft.create({
      storeId: store._id,
      staffId: staff._id,
      platform: ctx.msg.platform,
      chatId: ctx.msg.chatId,
      visit: v,
      missing,
      createdAt: ctx.msg.time,
    });
    ctx.reply(question(missing));
    return;
  }
  const saved = await saveVisit(models, {
    ...v,
    customerName: v.customerName!,
    amount: v.amount!,
    storeId: store._id,
    recordedBy: staff._id,
  });
  ctx.services.log.info('visit recorded', { messageId: ctx.msg.messageId, duplicate: saved.duplicate });
  ctx.reply(confirmation(saved));
}

export const recordVisit: Feature = {
  name: 'record-visit',
  takes: (ctx) =>
    ctx.reading?.intent === 'visit' && (addressed(ctx) || ctx.reading.confidence >= CLEAR_VISIT),
  handle: (ctx) => saveOrAsk(ctx, visitFromReading(ctx, ctx.reading!)),
};
