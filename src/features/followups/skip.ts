/** 跳过 张总: today's follow-up of this customer is skipped (kept in the record as skipped). */
import { commandFeature } from '../command';
import { currentTask, namedCustomer, recordFollowUp, tellOwner } from './actions';

export const followUpSkip = commandFeature(['followup.skip'], async (ctx) => {
  const c = await namedCustomer(ctx, /^.*?(?:跳过|不用回访|不回访了?)/);
  if (!c) return;
  const task = await currentTask(ctx, c);
  if (!task) {
    ctx.reply(`${c.name} 今天没有待回访`);
    return;
  }
  await recordFollowUp(ctx, c, { key: task.key, also: task.also, action: 'skipped' });
  ctx.reply(`已跳过 ${c.name} 的${task.title}`);
  await tellOwner(ctx, c, `跳过了 ${c.name} 的${task.title}`);
});
