/**
 * 下周有哪些节日 / 最近有什么节日 / 本月的节日: the holidays the restaurant greets customers on,
 * with the eve (除夕, 平安夜), official days off, and which ones call for a room-booking call.
 */
import { followUpSettingsOf } from '../../archive/stores';
import { holidaysInRange, type HolidayOnDate } from '../../followup/holidays';
import { shortDate } from '../../format/text';
import { staffOf } from '../../pipeline/context';
import { addDays } from '../../time/business-day';
import { commandFeature, READ_ONLY } from '../command';
import { ahead, periodIn, periodLabel, weekdayName } from './period';
import { todayOf } from './shared';

const day = (d: string, today: string) => `${shortDate(d, today)} ${weekdayName(d)}`;

export function holidayLine(h: HolidayOnDate, today: string): string {
  const eve = h.eveName ? `(${day(h.eve, today)} ${h.eveName})` : '';
  return `${day(h.date, today)} ${h.name}${eve}${h.note ? `\n  ${h.note}` : ''}`;
}

export const holidays = commandFeature(
  ['query.holidays'],
  async (ctx) => {
    const { store } = staffOf(ctx);
    const today = todayOf(ctx);
    const period = periodIn(ctx.msg.text, today) ?? ahead('最近30天', today, 30);
    const within = (d: string) => d >= period.from && d <= period.to;
    // A holiday counts by its day, or by its eve when the eve is a day of its own (除夕, 平安夜).
    const found = holidaysInRange(period.from, period.to).filter(
      (h) => within(h.date) || (h.eveName !== undefined && within(h.eve)),
    );
    const label = periodLabel(period, today);
    if (found.length === 0) {
      const next = holidaysInRange(addDays(period.to, 1), addDays(period.to, 400))[0];
      ctx.reply(
        [`${label}没有节日`, ...(next ? [`下一个:${holidayLine(next, today)}`] : [])].join('\n'),
      );
      return;
    }
    const s = followUpSettingsOf(store).holidays;
    const lines = [`${label}的节日:`, ...found.map((h) => holidayLine(h, today))];
    const calls = found.filter((h) => s.callFor.includes(h.name)).map((h) => h.name);
    if (calls.length) {
      lines.push(
        `${calls.join('、')}:提前${s.callDaysBefore}天给${s.callTiers.join('/')}类客户打电话,问要不要留位`,
      );
    }
    ctx.reply(lines.join('\n'));
  },
  READ_ONLY,
);
