/** 张总 改天 / 张总 周五再联系: the follow-up comes back on that day. */
import { shortDate } from '../../format/text';
import { clockOf } from '../../pipeline/context';
import { businessDate, weekdayOf } from '../../time/business-day';
import { commandFeature } from '../command';
import { currentTask, namedCustomer, recordFollowUp, tellOwner } from './actions';
import { laterDate } from './when';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export const followUpLater = commandFeature(['followup.later'], async (ctx) => {
  const c = await namedCustomer(
    ctx,
    /(?:改天|再联系|再打|再说|回头|明天|后天|下周.|周.|星期.|\d+天后).*$/,
  );
  if (!c) return;
  const task = await currentTask(ctx, c);
  if (!task) {
    ctx.reply(`${c.name} 今天没有待回访`);
    return;
  }
  // Without the @-mention: @回头客 is no 回头 (later).
  const to = laterDate(ctx.msg.text.replace(/^@\S+\s*/, ''), businessDate(clockOf(ctx)));
  if (!to) {
    ctx.reply('改到哪天?例如:张总 周五再联系');
    return;
  }
  await recordFollowUp(ctx, c, { key: task.key, also: task.also, action: 'moved', to });
  const when = `${shortDate(to)}(${WEEKDAYS[weekdayOf(to)]})`;
  ctx.reply(`好的,${c.name} 的${task.title}改到 ${when}`);
  await tellOwner(ctx, c, `把 ${c.name} 的${task.title}改到 ${when}`);
});
