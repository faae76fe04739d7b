/**
 * Turning what a date expression says into an ISO business date. A date without a year is the
 * nearest such day: 12月28日 said on 3 January is last year's, 11月25日 said on 21 November is in
 * four days (a booking), never a year back. A weekday alone is the one just gone.
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

/** Of real days [year, month, day], the one nearest today; the earlier one when two tie. */
function nearest(
  calendarToday: string,
  candidates: [number, number, number][],
): string | undefined {
  const today = toDays(calendarToday);
  let best: string | undefined;
  let bestGap = Infinity;
  for (const [y, m, d] of candidates) {
    if (!isRealDay(y, m, d)) continue;
    const iso = isoDay(y, m, d);
    const gap = Math.abs(toDays(iso) - today);
    if (gap < bestGap || (gap === bestGap && best !== undefined && iso < best)) {
      best = iso;
      bestGap = gap;
    }
  }
  return best;
}

/** Month/day without a year: last year's, this year's or next year's, whichever is nearest. */
export function nearestMonthDay(
  calendarToday: string,
  month: number,
  day: number,
): string | undefined {
  const year = Number(calendarToday.slice(0, 4));
  return nearest(
    calendarToday,
    [year - 1, year, year + 1].map((y) => [y, month, day]),
  );
}

/**
 * Day of month only (21号): the nearest month that has it; 上月21号 (`monthShift` -1) last
 * month's.
 */
export function nearestDayOfMonth(
  calendarToday: string,
  day: number,
  monthShift = 0,
): string | undefined {
  const year = Number(calendarToday.slice(0, 4));
  const month = Number(calendarToday.slice(5, 7)) + monthShift;
  const at = (shift: number): [number, number, number] => {
    const m = month + shift;
    return [year + Math.floor((m - 1) / 12), ((((m - 1) % 12) + 12) % 12) + 1, day];
  };
  return nearest(calendarToday, monthShift !== 0 ? [at(0)] : [at(-1), at(0), at(1)]);
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

/** A weekday still to come in a booking or a customer's plan (周六过来): today counts. */
export function comingWeekday(today: string, weekday: number): string {
  const days = toDays(today);
  return fromDays(days + ((weekday - weekdayOfDays(days) + 7) % 7));
}
