/**
 * 本月投诉 / 本周投诉 / 投诉列表: the cases of the period, open ones first, each with its state and
 * how long it took to close. Managers only: complaints are theirs to answer (seed 001).
 */
import { complaintsBetween } from '../../archive/complaints';
import { shortDate } from '../../format/text';
import { staffOf } from '../../pipeline/context';
import { canManage, commandFeature, READ_ONLY } from '../command';
import { staffNames } from '../queries/archive';
import { named, periodIn, periodLabel } from '../queries/period';
import { capped, todayOf } from '../queries/shared';
import { dueText, medianToClose, saidOf, spanText, timeToClose } from './lines';

export const complaintList = commandFeature(
  ['query.complaints'],
  async (ctx) => {
    const { staff, store } = staffOf(ctx);
    if (!canManage(staff.role)) return ctx.reply('投诉情况只有店长能看');
    const { models } = ctx.services;
    const today = todayOf(ctx);
    const period = periodIn(ctx.msg.text, today) ?? named('本月', today);
    const label = periodLabel(period, today);
    const cases = await complaintsBetween(models, store._id, period.from, period.to);
    if (cases.length === 0) return ctx.reply(`${label}没有投诉`);
    const names = await staffNames(models, store._id);
    const open = cases.filter((k) => k.state === 'open');
    const median = medianToClose(cases);
    const head = [
      `${label}投诉${cases.length}件`,
      open.length ? `未处理${open.length}` : '全部已处理',
      median !== undefined ? `处理用时中位数${spanText(median)}` : '',
    ];
    const rows = [...open, ...cases.filter((k) => k.state === 'closed')].map((k, i) => {
      const who = `${names.get(String(k.recordedBy)) ?? '已删除的员工'} ${shortDate(k.day, today)}`;
      const state =
        k.state === 'open'
          ? `未处理 ${dueText(k, ctx.msg.time)}`
          : `已处理 用时${spanText(timeToClose(k)!)}(${names.get(String(k.closing?.by)) ?? ''}: ${k.closing?.what ?? ''})`;
      return `${i + 1}. ${k.customerName} ${saidOf(k)} · ${who} · ${state}`;
    });
    ctx.reply([head.filter(Boolean).join(' · '), ...capped(rows, ctx, label + '投诉')].join('\n'));
  },
  READ_ONLY,
);
