/**
 * 张总 没接 / 张总 电话没人接 / 打了张总电话 没接 / 安姐 明天再打: a call nobody answered. The
 * attempt is kept in the 回访记录 and the line comes back tomorrow (or the day named); after
 * three unanswered calls it suggests a WeChat message instead (day-task.ts).
 */
import { shortDate } from '../../format/text';
import { CALLS_BEFORE_MESSAGE } from '../../followup/day-task';
import { missedCalls } from '../../followup/records';
import type { FollowUpRecord } from '../../followup/types';
import { clockOf } from '../../pipeline/context';
import { addDays, businessDate } from '../../time/business-day';
import { commandFeature } from '../command';
import { currentTask, namedCustomer, recordFollowUp, tellOwner } from './actions';
import { laterDate } from './when';

const WORDS =
  /(?:打了|打过|给)|电话|(?:没人?接通?|未接通?|不接|打不通|没打通|无人接听|关机|占线|明天|再打).*$/g;

export const followUpMissed = commandFeature(['followup.missed'], async (ctx) => {
  const c = await namedCustomer(ctx, WORDS);
  if (!c) return;
  const today = businessDate(clockOf(ctx));
  const task = await currentTask(ctx, c);
  if (!task) {
    // Still worth keeping: the next colleague to call knows he was tried today.
    await recordFollowUp(ctx, c, { key: `manual:${ctx.msg.messageId}`, action: 'missed' });
    ctx.reply(`已记下 ${c.name} 没接通(今天没有他的待回访)`);
    return;
  }
  const to = laterDate(ctx.msg.text, today) ?? addDays(today, 1);
  const log = c.followUps as unknown as FollowUpRecord[];
  const n = missedCalls(log, task.key) + 1;
  await recordFollowUp(ctx, c, { key: task.key, also: task.also, action: 'missed', to });
  const next =
    n >= CALLS_BEFORE_MESSAGE
      ? `${shortDate(to)}改发微信问候(话术在待回访里)`
      : `${shortDate(to)}再打`;
  ctx.reply(`已记下 ${c.name} 第${n}次没接通,${next}`);
  await tellOwner(ctx, c, `给 ${c.name} 打电话没接通(第${n}次),${next}`);
});
