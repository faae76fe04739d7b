/**
 * 客户资料: `张总 电话13800138000`, `王老板 生日 3月8日`, `陈总 不吃香菜` update the archive without a
 * visit, and say so in one line, in a group too: a note nobody confirmed is a note staff retype.
 */
import { factsOf } from '../archive/profile';
import type { BotContext } from '../pipeline/context';
import type { Feature } from '../pipeline/router';
import { sourceKeyOf } from './record-visit';
import { saveOrAsk } from './visit-flow';
import { businessDate } from '../time/business-day';
import { clockOf } from '../pipeline/context';

export const updateProfile: Feature = {
  name: 'update-profile',
  takes: (ctx: BotContext) => ctx.reading?.intent === 'profile',
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
