/**
 * Dates that come back every year: birthdays, wedding and company anniversaries, written either
 * on the solar calendar or the lunar one (many customers celebrate their 农历生日). Pure: the
 * reference day is an argument.
 */
import { LunarMonth } from 'tyme4ts';
import { isoDay } from '../time/business-day';
import { lunarToIso } from './festivals';

export interface YearlyDate {
  calendar: 'solar' | 'lunar';
  /** 1–12. A lunar date means the ordinary month: people born in a leap month celebrate in it. */
  month: number;
  day: number;
  /** Year of the original event, when known (a wedding anniversary counts years). */
  year?: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Solar month/day in `year`; 2月29日 is kept on 2月28日 in ordinary years. */
function solarIn(year: number, month: number, day: number): string {
  const fixed = month === 2 && day === 29 && !isLeapYear(year) ? 28 : day;
  return isoDay(year, month, fixed);
}

/**
 * Solar date of lunar month/day in `lunarYear`. A lunar month has 29 or 30 days, so 三十 falls
 * back to the month's last day in a 29-day month (腊月三十 becomes 腊月廿九, which is 除夕).
 */
export function lunarDayInYear(lunarYear: number, month: number, day: number): string {
  return lunarToIso(lunarYear, month, Math.min(day, lunarMonthLength(lunarYear, month)));
}

// Cached like lunarToIso: the briefing asks for every customer's birthday every morning.
const monthLengths = new Map<string, number>();

function lunarMonthLength(lunarYear: number, month: number): number {
  const key = `${lunarYear}-${month}`;
  let n = monthLengths.get(key);
  if (n === undefined) {
    n = LunarMonth.fromYm(lunarYear, month).getDayCount();
    if (monthLengths.size > 5_000) monthLengths.clear();
    monthLengths.set(key, n);
  }
  return n;
}

/**
 * The occurrence of `date` on or after `fromIso`, the nearest one ahead. For a lunar date the
 * lunar year starting in the previous Gregorian year is tried too: 腊月 birthdays of lunar year
 * Y−1 fall in January or February of Y.
 */
export function nextYearlyDate(date: YearlyDate, fromIso: string): string {
  const y = Number(fromIso.slice(0, 4));
  const candidates =
    date.calendar === 'solar'
      ? [y, y + 1].map((year) => solarIn(year, date.month, date.day))
      : [y - 1, y, y + 1].map((year) => lunarDayInYear(year, date.month, date.day));
  const ahead = candidates.filter((c) => c >= fromIso).sort();
  return ahead[0];
}

const LUNAR_MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const LUNAR_DAYS_TENS = ['初', '十', '廿', '三'];
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** `农历腊月初八`, `农历八月十五`, `农历三月廿三`: the way staff and customers say a lunar date. */
export function lunarLabel(month: number, day: number): string {
  let d: string;
  if (day === 10) d = '初十';
  else if (day === 20) d = '二十';
  else if (day === 30) d = '三十';
  else d = `${LUNAR_DAYS_TENS[Math.floor(day / 10)]}${DIGITS[day % 10]}`;
  return `农历${LUNAR_MONTHS[month - 1]}月${d}`;
}
