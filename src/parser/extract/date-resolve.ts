/**
 * Turning what a date expression says into an ISO business date, with the rule that a visit is in
 * the past: 周日 said on a Tuesday is the Sunday just gone, 12月28日 said on 3 January is last year.
 */
import { isoDay } from '../../time/business-day';

const DAY_MS = 86_400_000;
const isoCache = new Map<number, string>();

/** Days since 1970-01-01 of an ISO day; digits read directly (this runs for most messages). */
export function toDays(iso: string): number {
  return Date.UTC(digits(iso, 0, 4), digits(iso, 5, 2) - 1, digits(iso, 8, 2)) / DAY_MS;
}

function digits(s: string, from: number, len: number): number {
  let v = 0;
  for (let k = from; k < from + len; k++) v = v * 10 + s.charCodeAt(k) - 48;
  return v;
}

/** ISO day of a day number, cached: a parser resolves the same few days over and over. */
export function fromDays(days: number): string {
  let iso = isoCache.get(days);
  if (iso === undefined) {
    const t = new Date(days * DAY_MS);
    iso = isoDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
    if (isoCache.size > 10_000) isoCache.clear();
    isoCache.set(days, iso);
  }
  return iso;
}

/** Same as business-day.ts's addDays, through the cache. */
export function shiftDays(iso: string, days: number): string {
  return days === 0 ? iso : fromDays(toDays(iso) + days);
}

/** 0 = Sunday; 1970-01-01 was a Thursday. */
function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** Whether year/month/day is a real calendar day (no 2月30日). */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1)
    return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Month/day without a year: this year's, or last year's when that would be in the future. */
export function pastMonthDay(
  calendarToday: string,
  month: number,
  day: number,
): string | undefined {
  const year = Number(calendarToday.slice(0, 4));
  if (isRealDay(year, month, day)) {
    const iso = isoDay(year, month, day);
    if (iso <= calendarToday) return iso;
  }
  return isRealDay(year - 1, month, day) ? isoDay(year - 1, month, day) : undefined;
}

/** Day of month only (21号): this month's, or the latest earlier month that has it. */
export function pastDayOfMonth(
  calendarToday: string,
  day: number,
  monthShift = 0,
): string | undefined {
  let year = Number(calendarToday.slice(0, 4));
  let month = Number(calendarToday.slice(5, 7)) + monthShift;
  for (let tries = 0; tries < 3; tries++) {
    while (month < 1) {
      month += 12;
      year--;
    }
    if (isRealDay(year, month, day)) {
      const iso = isoDay(year, month, day);
      if (monthShift !== 0 || iso <= calendarToday) return iso;
    }
    month--;
  }
  return undefined;
}

/** Day number of the Monday of the week `days` is in (Chinese weeks start on Monday). */
function mondayOf(days: number): number {
  return days - ((weekdayOfDays(days) + 6) % 7);
}

const WEEK_SHIFT: ReadonlyMap<string, number> = new Map([
  ['上', -7],
  ['上上', -14],
  ['下', 7],
  ['下下', 14],
]);

/**
 * A weekday named with an optional week prefix. No prefix means the most recent such day (today
 * counts); 上 the previous calendar week's; 这/本 this week's; 下 next week's.
 */
export function weekdayDate(today: string, weekday: number, prefix: string): string {
  const mondayIndex = (weekday + 6) % 7;
  const days = toDays(today);
  if (prefix === '') return fromDays(days - ((weekdayOfDays(days) - weekday + 7) % 7));
  return fromDays(mondayOf(days) + mondayIndex + (WEEK_SHIFT.get(prefix) ?? 0));
}
