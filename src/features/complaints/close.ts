/**
 * 投诉处理 张总 已道歉 下次送果盘: the customer's open cases are closed with who handled them, what
 * was done and when. Managers only (seed 001: the manager answers a complaint); the 已处理 button
 * sends `投诉处理 张总`, which asks what was done, since the next visit's reminder says it.
 */
import { closeComplaint, complaintsOf } from '../../archive/complaints';
import { staffOf } from '../../pipeline/context';
import { directTo } from '../../pipeline/message';
import { canManage, commandFeature, REPEATABLE, subjectOf } from '../command';
import { argumentOf, isEmpty, noteAfter, resolveCustomer } from '../customer-argument';
import { saidOf, spanText } from './lines';

const WORDS = /^.*?(?:投诉处理好了|投诉已处理|已处理投诉|投诉处理|处理投诉)/;

export const closeComplaintFeature = commandFeature(
  ['complaint.close'],
  async (ctx) => {
    const { staff } = staffOf(ctx);
    if (!canManage(staff.role)) return ctx.reply('投诉由店长处理,已记下的投诉店长会跟进');
    const rest = ctx.msg.text.replace(WORDS, ' ').trim();
    const arg = argumentOf(ctx, subjectOf(rest.split(/\s+/)[0] ?? ''));
    if (isEmpty(arg)) return ctx.reply('是哪位客人的投诉?例如:投诉处理 张总 已道歉 下次送果盘');
    const c = await resolveCustomer(ctx, arg);
    if (!c) return;
    const { models } = ctx.services;
    const open = (await complaintsOf(models, c._id)).filter((k) => k.state === 'open');
    if (open.length === 0) return ctx.reply(`${c.name}没有未处理的投诉`);
    const what = noteAfter(ctx, rest, c);
    if (!what)
      return ctx.reply(
        `${c.name}的投诉(${open.map(saidOf).join('、')})怎么处理的?回复:投诉处理 ${c.name} 做了什么,例如 已道歉 下次送果盘`,
      );
    const closing = { by: staff._id, what, at: ctx.msg.time };
    for (const k of open) await closeComplaint(models, k, closing);
    const took = spanText(ctx.msg.time.getTime() - open[0].at.getTime());
    ctx.committed = `已处理 ${c.name}的投诉(${open.map(saidOf).join('、')}) · 用时${took}\n处理: ${what}`;
    ctx.reply(ctx.committed);
    // Whoever heard the complaint hears how it ended.
    const recorders = new Set(open.map((k) => String(k.recordedBy)));
    recorders.delete(String(staff._id));
    for (const id of recorders) {
      const r = await models.Staff.findById(id);
      if (r?.active) ctx.send(directTo(r, `${staff.name}已处理 ${c.name}的投诉: ${what}`));
    }
  },
  REPEATABLE,
);
