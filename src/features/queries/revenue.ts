/**
 * 昨天营业额 / 本周营业额 / 本月营业额: tables, covers, revenue and spend per head from the day
 * books, against the period before of the same length. Store figures are for managers.
 */
import type { Types } from 'mongoose';
import { yuan } from '../../format/text';
import type { Models } from '../../model';
import { staffOf } from '../../pipeline/context';
import { commandFeature, READ_ONLY } from '../command';
import { readDayBooks } from '../../archive/day-book';
import {
  daysOf,
  named,
  periodIn,
  periodLabel,
  previous,
  rangeText,
  soFar,
  type Period,
} from './period';
import { seesStore, todayOf } from './shared';

export interface Totals {
  tables: number;
  covers: number;
  revenue: number;
  newCustomers: number;
}

/** The totals of each period, from one read of all their day books. */
export async function totalsOf(
  models: Models,
  storeId: Types.ObjectId,
  periods: Period[],
): Promise<Totals[]> {
  const books = await readDayBooks(models, storeId, [...new Set(periods.flatMap(daysOf))]);
  return periods.map((p) => {
    const days = new Set(daysOf(p));
    const t: Totals = { tables: 0, covers: 0, revenue: 0, newCustomers: 0 };
    for (const b of books.filter((x) => days.has(x.day))) {
      t.tables += b.tables;
      t.covers += b.covers;
      t.revenue += b.revenue;
      t.newCustomers += b.newCustomers;
    }
    return t;
  });
}

/** `¥38,000 · 20桌 · 86人 · 人均¥442` (人均 only when covers were recorded). */
export function totalsLine(t: Totals): string {
  const perHead = t.covers > 0 ? ` · 人均${yuan(Math.round(t.revenue / t.covers))}` : '';
  return `${yuan(t.revenue)} · ${t.tables}桌 · ${t.covers}人${perHead}`;
}

/** `+22%`, `-8%`, `持平`. */
export function changeText(now: number, before: number): string {
  const pct = Math.round(((now - before) / before) * 100);
  return pct === 0 ? '持平' : `${pct > 0 ? '+' : ''}${pct}%`;
}

function changeLine(now: Totals, before: Totals): string {
  const parts: string[] = [];
  for (const [word, a, b] of [
    ['营业额', now.revenue, before.revenue],
    ['桌数', now.tables, before.tables],
    ['人数', now.covers, before.covers],
  ] as const) {
    if (b > 0) parts.push(`${word}${changeText(a, b)}`);
  }
  return parts.join(',');
}

export const revenue = commandFeature(
  ['query.revenue'],
  async (ctx) => {
    const { store } = staffOf(ctx);
    if (!seesStore(ctx)) {
      ctx.reply('营业额只有店长和管理员能查。查自己的客户可以发:我的客户');
      return;
    }
    const today = todayOf(ctx);
    const period = soFar(periodIn(ctx.msg.text, today) ?? named('今天', today), today);
    const before = previous(period);
    const [now, then] = await totalsOf(ctx.services.models, store._id, [period, before]);
    const lines = [`${periodLabel(period, today)}营业额`];
    if (now.tables === 0) lines.push('没有记录消费');
    else lines.push(totalsLine(now), `新客${now.newCustomers}位`);
    const prior = `${before.word}(${rangeText(before, today)})`;
    lines.push(then.tables === 0 ? `${prior}:没有记录消费` : `${prior}:${totalsLine(then)}`);
    const change = now.tables > 0 && then.tables > 0 ? changeLine(now, then) : '';
    if (change) lines.push(change);
    ctx.reply(lines.join('\n'));
  },
  READ_ONLY,
);
