/**
 * 本月业绩 / 本月消费排行: per staff member, the tables they recorded and what their own customers
 * spent (seed 002: a salesperson's customers count in their performance), their customers'
 * complaints and how fast the store closed them, then the customers who spent most. From the day books' per-staff figures; staff see their own line only.
 */
import type { Types } from 'mongoose';
import { complaintsBetween, type Complaint } from '../../archive/complaints';
import { yuan } from '../../format/text';
import { medianToClose, spanText } from '../complaints/lines';
import type { Models } from '../../model';
import { staffOf } from '../../pipeline/context';
import { commandFeature, READ_ONLY } from '../command';
import { dayBooksOf, figuresIn, staffNames, visitorsOf } from './archive';
import { named, periodIn, periodLabel, soFar, type Period } from './period';
import { joinParts, seesStore, todayOf, visibleTo } from './shared';

const TOP_CUSTOMERS = 5;

export interface StaffFigures {
  recorded: number;
  tables: number;
  revenue: number;
  newCustomers: number;
  /**
   * Follow-up lines that ended in the period, each once however many mornings it was listed:
   * done (已回访) and skipped by them, expired on their list.
   */
  done: number;
  skipped: number;
  expired: number;
}

/** Each staff member's figures over the period, and the store's revenue. */
export async function staffFigures(models: Models, storeId: Types.ObjectId, p: Period) {
  const by = new Map<string, StaffFigures>();
  const row = (id: string) => {
    let r = by.get(id);
    if (!r) by.set(id, (r = { ...EMPTY }));
    return r;
  };
  let revenue = 0;
  let tables = 0;
  let newCustomers = 0;
  for (const b of await dayBooksOf(models, storeId, p)) {
    revenue += b.revenue;
    tables += b.tables;
    newCustomers += b.newCustomers;
    for (const [id, f] of Object.entries(b.byRecorder)) row(id).recorded += f.tables;
    for (const [id, f] of Object.entries(b.followUps)) {
      const r = row(id);
      r.done += f.done;
      r.skipped += f.skipped;
      r.expired += f.expired;
    }
    for (const [id, f] of Object.entries(b.byOwner)) {
      const r = row(id);
      r.tables += f.tables;
      r.revenue += f.revenue;
      r.newCustomers += f.newCustomers;
    }
  }
  return { by, revenue, tables, newCustomers };
}

const EMPTY: StaffFigures = {
  recorded: 0,
  tables: 0,
  revenue: 0,
  newCustomers: 0,
  done: 0,
  skipped: 0,
  expired: 0,
};

/** `回访完成3/5(跳过1 过期1)`: done out of the lines that ended. */
export function followUpFigure(f: Pick<StaffFigures, 'done' | 'skipped' | 'expired'>): string {
  const ended = f.done + f.skipped + f.expired;
  const parts = [f.skipped ? `跳过${f.skipped}` : '', f.expired ? `过期${f.expired}` : ''];
  const more = parts.filter(Boolean).join(' ');
  return `回访完成${f.done}/${ended}${more ? `(${more})` : ''}`;
}

const staffLine = (name: string, f: StaffFigures, complaints = 0) =>
  `${name}:客户消费${yuan(f.revenue)}(${f.tables}桌) · 录入${f.recorded}桌 · 新客${f.newCustomers}位 · ${followUpFigure(f)}${complaints ? ` · 客户投诉${complaints}件` : ''}`;

/** `投诉3件 · 未处理1 · 处理用时中位数5小时`, or nothing in a period without complaints. */
function complaintFigure(cases: Complaint[]): string[] {
  if (cases.length === 0) return [];
  const open = cases.filter((k) => k.state === 'open').length;
  const median = medianToClose(cases);
  return [
    [
      `投诉${cases.length}件`,
      open ? `未处理${open}` : '',
      median !== undefined ? `处理用时中位数${spanText(median)}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
  ];
}

function complaintsByOwner(cases: Complaint[]): Map<string, number> {
  const by = new Map<string, number>();
  for (const k of cases)
    if (k.ownerId) by.set(String(k.ownerId), (by.get(String(k.ownerId)) ?? 0) + 1);
  return by;
}

export const performance = commandFeature(
  ['query.performance'],
  async (ctx) => {
    const { staff, store } = staffOf(ctx);
    const { models } = ctx.services;
    const today = todayOf(ctx);
    const period = soFar(periodIn(ctx.msg.text, today) ?? named('本月', today), today);
    const whole = seesStore(ctx);
    const figures = await staffFigures(models, store._id, period);
    const names = await staffNames(models, store._id);
    const cases = await complaintsBetween(models, store._id, period.from, period.to);
    const complained = complaintsByOwner(cases);
    const lines = [`${periodLabel(period, today)}业绩`];
    if (whole) {
      lines.push(
        `全店 ${yuan(figures.revenue)} · ${figures.tables}桌 · 新客${figures.newCustomers}位`,
      );
      const rows = [...figures.by].sort((a, b) => b[1].revenue - a[1].revenue);
      for (const k of complained.keys()) if (!figures.by.has(k)) rows.push([k, { ...EMPTY }]);
      for (const [id, f] of rows)
        lines.push(staffLine(names.get(id) ?? '已删除的员工', f, complained.get(id)));
      const owned = rows.reduce((n, [, f]) => n + f.revenue, 0);
      if (figures.revenue > owned) lines.push(`没有负责人的客户:${yuan(figures.revenue - owned)}`);
      lines.push(...complaintFigure(cases));
    } else {
      const me = String(staff._id);
      lines.push(staffLine(staff.name, figures.by.get(me) ?? EMPTY, complained.get(me)));
      lines.push(...complaintFigure(cases.filter((k) => String(k.ownerId) === me)));
    }
    const top = visibleTo(ctx, await visitorsOf(models, store._id, period))
      .map((c) => ({ c, ...figuresIn(c, period) }))
      .filter((r) => r.spend > 0)
      .sort((a, b) => b.spend - a.spend)
      .slice(0, TOP_CUSTOMERS);
    if (top.length) {
      lines.push(whole ? '消费最多的客户:' : '你的客户消费最多的:');
      top.forEach((r, i) => {
        const owner = whole && r.c.ownerId ? names.get(String(r.c.ownerId)) : undefined;
        lines.push(joinParts([`${i + 1}. ${r.c.name} ${yuan(r.spend)}(${r.visits}次)`, owner]));
      });
    }
    ctx.reply(lines.join('\n'));
  },
  READ_ONLY,
);
