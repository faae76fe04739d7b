/**
 * When `张总 周五再联系` / `改天` / `下周三` / `3天后` / `12月1日` means, counted forward from
 * today (a follow-up is moved into the future, unlike a visit). Pure.
 */
import { addDays, weekdayOf } from '../../time/business-day';

const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0 };
const DIGITS: Record<string, number> = {
  一: 1,
  两: 2,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

function nextWeekday(today: string, target: number, nextWeek: boolean): string {
  const now = weekdayOf(today);
  let ahead = (target - now + 7) % 7 || 7;
  // 下周X: the X of next Monday-based week.
  if (nextWeek) ahead = ((7 - ((now + 6) % 7)) % 7 || 7) + ((target + 6) % 7);
  return addDays(today, ahead);
}

/** The day a follow-up is moved to, or undefined when the words name none. */
export function laterDate(text: string, today: string): string | undefined {
  if (/明天|改天|回头|晚点|稍后/.test(text)) return addDays(today, 1);
  if (/后天/.test(text)) return addDays(today, 2);
  const n = /(\d+|[一两二三四五六七八九十])\s*天(?:后|以后|之后)/.exec(text);
  if (n) return addDays(today, Number(n[1]) || DIGITS[n[1]]);
  const wk = /(下周|下星期|下礼拜|周|星期|礼拜)([一二三四五六日天])/.exec(text);
  if (wk) return nextWeekday(today, WEEKDAY[wk[2]], wk[1].startsWith('下'));
  if (/下周|下星期/.test(text)) return nextWeekday(today, 1, true);
  const md = /(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*[日号]?/.exec(text);
  if (md) {
    const year = Number(today.slice(0, 4));
    const pad = (x: string) => x.padStart(2, '0');
    const date = `${year}-${pad(md[1])}-${pad(md[2])}`;
    return date > today ? date : `${year + 1}-${pad(md[1])}-${pad(md[2])}`;
  }
  return undefined;
}
