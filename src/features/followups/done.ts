/** 已回访 张总 很满意 下周来: the follow-up is done and what the customer said is kept. */
import { commandFeature } from '../command';
import { noteAfter } from '../customer-argument';
import { openCase } from '../complaints/open';
import { currentTask, namedCustomer, recordFollowUp, tellOwner } from './actions';

const WORDS = /^.*?(?:已回访|回访了|回访完|已联系|联系过了|打过电话了?)/;

export const followUpDone = commandFeature(['followup.done'], async (ctx) => {
  const c = await namedCustomer(ctx, WORDS);
  if (!c) return;
  const note = noteAfter(ctx, ctx.msg.text.replace(WORDS, ''), c);
  const task = await currentTask(ctx, c);
  // A call made without a task due still belongs in the 回访记录.
  await recordFollowUp(ctx, c, {
    key: task?.key ?? `manual:${ctx.msg.messageId}`,
    also: task?.also,
    action: 'done',
    note: note || undefined,
  });
  const done = `已记录回访 ${c.name}${task ? `(${task.title})` : ''}${note ? `:${note}` : ''}`;
  // 已回访 张总 说上次的鱼不新鲜: the call is closed, and what the customer complained of opens a case.
  const said = ctx.reading?.complaint?.value;
  const opened = said ? await openCase(ctx, c, said) : undefined;
  ctx.reply(opened ? `${done}\n${opened.line}` : done);
  for (const n of opened?.notices ?? []) ctx.send(n);
  await tellOwner(ctx, c, `已回访 ${c.name}${note ? `: ${note}` : ''}`);
});
