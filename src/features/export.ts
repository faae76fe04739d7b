/**
 * 导出 本月 / 导出 客户 / 导出 上周: a spreadsheet for managers. Where the platform sends files it
 * arrives as one; elsewhere the reply says where it was saved. Phones are in full only in a
 * direct chat (the file could be forwarded from a group).
 */
import { exportWorkbook } from '../export';
import { filesDirOf, staffOf, type BotContext } from '../pipeline/context';
import { replyTo } from '../pipeline/message';
import { canManage, commandFeature, READ_ONLY } from './command';
import { named, periodIn, periodLabel, soFar } from './queries/period';
import { todayOf } from './queries/shared';

const CUSTOMERS_ONLY = /客户|档案|客史/;

export const exportSheet = commandFeature(
  ['export'],
  async (ctx: BotContext) => {
    const { staff, store } = staffOf(ctx);
    if (!canManage(staff.role)) {
      ctx.reply('导出只有店长和管理员能用');
      return;
    }
    const today = todayOf(ctx);
    const words = ctx.msg.text.replace(/^@\S+\s*/, '');
    const customersOnly = CUSTOMERS_ONLY.test(words) && !periodIn(words, today);
    const period = soFar(periodIn(words, today) ?? named('本月', today), today);
    const fullPhones = ctx.msg.chatType === 'direct';
    const done = await exportWorkbook(
      ctx.services.models,
      store,
      { from: period.from, to: period.to, today, fullPhones, customersOnly },
      filesDirOf(ctx.services),
    );
    const what = customersOnly
      ? `客户档案 ${done.customers}位`
      : `${periodLabel(period, today)}:客户${done.customers}位、消费${done.visits}条、回访记录`;
    const caption = `已导出 ${what}${fullPhones ? '' : '(群里导出的电话已打码)'}`;
    ctx.send({
      ...replyTo(ctx.msg, `${caption}\n文件:${done.path}`),
      attachment: { kind: 'file', path: done.path, name: done.name, caption },
    });
  },
  READ_ONLY,
);
