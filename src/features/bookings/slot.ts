/** A booking's table as staff read it: pure, the clock comes in as the business date. */
import type { Slot } from '../../archive/bookings';
import { addDays, weekdayOf } from '../../time/business-day';

/**
 * 7点 said of dinner is 19:00; a restaurant's 1–9点 without a period word is the evening too
 * (lunch is 11点 or 12点, breakfast is said 早上). Afternoon 2点 at lunch is 14:00.
 */
export function resolveTime(time: string, meal?: string): string {
  const [h, m] = time.split(':').map(Number);
  let hour = h;
  if ((meal === '晚市' || meal === '夜场') && h < 12) hour = h + 12;
  else if (meal === '午市' && h < 6) hour = h + 12;
  else if (!meal && h >= 1 && h <= 9) hour = h + 12;
  return `${String(hour % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The meal a table at this time is in. */
export function mealOfTime(time: string): string {
  const h = Number(time.slice(0, 2));
  if (h < 5 || h >= 21) return '夜场';
  if (h < 10) return '早市';
  if (h < 16) return '午市';
  return '晚市';
}

/** Dinner's brief lists the evening (and a table with no period said); lunch's the daytime. */
export function inMeal(meal: string | undefined, brief: 'lunch' | 'dinner'): boolean {
  const day = meal === '早市' || meal === '午市';
  return brief === 'lunch' ? day : !day;
}

export function dayWord(iso: string): string {
  const [, m, d] = iso.split('-').map(Number);
  return `${m}月${d}日`;
}

/** `王总 | 11月28日 晚市 18:30 | 6人 2桌 | 牡丹厅`. */
export function slotLine(name: string, s: Slot): string {
  const when = [dayWord(s.day), s.mealPeriod, s.time].filter(Boolean).join(' ');
  const people = [
    s.partySize ? `${s.partySize}人` : '',
    s.tables && s.tables > 1 ? `${s.tables}桌` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return [name, when, people, s.room].filter(Boolean).join(' | ');
}

/** `18:30 王总 6人 牡丹厅`: one table in a day's list. */
export function tableLine(name: string, s: Slot): string {
  const people = [
    s.partySize ? `${s.partySize}人` : '',
    s.tables && s.tables > 1 ? `${s.tables}桌` : '',
  ]
    .filter(Boolean)
    .join('');
  return [s.time ?? s.mealPeriod ?? '', name, people, s.room ?? ''].filter(Boolean).join(' ');
}

/** The business days a booking question asks about: 今晚, 明天, 后天, 本周 (to Sunday), 下周. */
export function daysAsked(words: string, today: string): { label: string; days: string[] } {
  const span = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));
  if (/明天|明晚/.test(words)) return { label: '明天', days: [addDays(today, 1)] };
  if (/后天/.test(words)) return { label: '后天', days: [addDays(today, 2)] };
  const toSunday = (7 - weekdayOf(today)) % 7;
  if (/下周/.test(words)) return { label: '下周', days: span(addDays(today, toSunday + 1), 7) };
  if (/本周|这周/.test(words)) return { label: '本周', days: span(today, toSunday + 1) };
  return { label: /今天|今日/.test(words) ? '今天' : '今晚', days: [today] };
}

/** The people booked across these tables (a table with no head count adds none). */
export const coversOf = (tables: Pick<Slot, 'partySize'>[]) =>
  tables.reduce((n, b) => n + (b.partySize ?? 0), 0);
