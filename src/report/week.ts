/**
 * 周报 figures: a week's revenue per day against the week before, visits by tier and follow-ups
 * done per staff member. Read from the day books and the week's visitors, never a scan.
 */
import type { Types } from 'mongoose';
import { tierSettingsOf } from '../archive/refresh';
import type { Tier } from '../archive/tiers';
import {
  dayBooksOf,
  figuresIn,
  staffNames,
  tierToday,
  visitorsOf,
} from '../features/queries/archive';
import { daysOf, mondayOf, type Period } from '../features/queries/period';
import type { Models } from '../model';
import type { DayBook } from '../archive/day-book';
import type { StoreDoc } from '../model/store';
import { addDays } from '../time/business-day';

/** Follow-up lines that ended in the week, per staff member: each line once, however long open. */
export interface StaffFollowUps {
  name: string;
  done: number;
  skipped: number;
  expired: number;
  /** done + skipped + expired. */
  ended: number;
}

export interface WeekFigures {
  storeName: string;
  /** Monday to Sunday of the week reported. */
  days: string[];
  revenue: number[];
  lastWeek: number[];
  tables: number;
  visitsByTier: Record<Tier, number>;
  followUps: StaffFollowUps[];
}

/** The week a report sent on `today` is about: the last full Monday–Sunday before it. */
export function reportedWeek(today: string): Period {
  const from = addDays(mondayOf(today), -7);
  return { from, to: addDays(from, 6), word: '上周', unit: 'week' };
}

async function revenueByDay(models: Models, storeId: Types.ObjectId, p: Period) {
  const books = new Map((await dayBooksOf(models, storeId, p)).map((b) => [b.day, b]));
  return daysOf(p).map((d) => books.get(d));
}

function followUpsOf(books: (DayBook | undefined)[], names: Map<string, string>): StaffFollowUps[] {
  const per = new Map<string, StaffFollowUps>();
  for (const b of books)
    for (const [id, f] of Object.entries(b?.followUps ?? {})) {
      const row = per.get(id) ?? {
        name: names.get(id) ?? '已停用',
        done: 0,
        skipped: 0,
        expired: 0,
        ended: 0,
      };
      row.done += f.done ?? 0;
      row.skipped += f.skipped ?? 0;
      row.expired += f.expired ?? 0;
      row.ended = row.done + row.skipped + row.expired;
      per.set(id, row);
    }
  return [...per.values()]
    .filter((r) => r.ended)
    .sort((a, b) => b.done - a.done || a.name.localeCompare(b.name, 'zh-CN'));
}

export async function weekFigures(
  models: Models,
  store: StoreDoc,
  week: Period,
): Promise<WeekFigures> {
  const before: Period = { ...week, from: addDays(week.from, -7), to: addDays(week.to, -7) };
  const books = await revenueByDay(models, store._id, week);
  const earlier = await revenueByDay(models, store._id, before);
  const settings = tierSettingsOf(store);
  const visitsByTier: Record<Tier, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const c of await visitorsOf(models, store._id, week))
    visitsByTier[tierToday(c, week.to, settings)] += figuresIn(c, week).visits;
  return {
    storeName: store.name,
    days: daysOf(week),
    revenue: books.map((b) => b?.revenue ?? 0),
    lastWeek: earlier.map((b) => b?.revenue ?? 0),
    tables: books.reduce((n, b) => n + (b?.tables ?? 0), 0),
    visitsByTier,
    followUps: followUpsOf(books, await staffNames(models, store._id)),
  };
}
