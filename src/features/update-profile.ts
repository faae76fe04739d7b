/** 客户资料: `张总 电话13800138000`, `王老板 生日 3月8日` update the archive without a visit. */
import { factsOf } from '../archive/profile';
import { addressed, type BotContext } from '../pipeline/context';
import type { Feature } from '../pipeline/router';
import { CLEAR_VISIT, sourceKeyOf } from './record-visit';
import { saveOrAsk } from './visit-flow';
import { businessDate } from '../time/business-day';
import { clockOf } from '../pipeline/context';

export const updateProfile: Feature = {
  name: 'update-profile',
  takes: (ctx: BotContext) =>
    ctx.reading?.intent === 'profile' && (addressed(ctx) || ctx.reading.confidence >= CLEAR_VISIT),
  handle: (ctx) =>
    saveOrAsk(ctx, {
      customerName: ctx.reading!.customer?.value,
      profileOnly: true,
      facts: factsOf(ctx.reading!),
      badPhone: ctx.reading!.outOfRange?.phone?.value,
      visit: {
        businessDate: businessDate(clockOf(ctx)),
        chatId: ctx.msg.chatId,
        sourceKey: sourceKeyOf(ctx),
        text: ctx.msg.text,
      },
    }),
  repeatable: true,
};
