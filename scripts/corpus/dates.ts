/**
 * The day of a visit as staff name it, relative to when they write: today's words, 昨晚/前天,
 * month and day in several notations, 21号, and weekdays of this week or the last. Only days
 * already past (or today), and only namings with one meaning on that day.
 */
import type { Dice } from './generate';

const WEEKDAY = ['一', '二', '三', '四', '五', '六', '日'];

export interface LocalDay {
  year: number;
  month: number;
  day: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
}

function back(today: LocalDay, days: number): { iso: string; month: number; day: number } {
  const t = new Date(Date.UTC(today.year, today.month - 1, today.day - days));
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    iso: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`,
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
  };
}

function weekdayName(d: Dice, w: number): string {
  const c = w === 7 ? d.pick(['日', '天']) : WEEKDAY[w - 1];
  return `${d.pick(['周', '星期', '礼拜'])}${c}`;
}

export function dateForm(d: Dice, today: LocalDay): { text: string; iso: string } {
  const r = d.int(0, 99);
  if (r < 30) {
    return {
      text: d.pick(['', '今晚', '今天', '今天中午', '今天晚上', '中午', '晚上', '刚走']),
      iso: back(today, 0).iso,
    };
  }
  if (r < 45)
    return { text: d.pick(['昨晚', '昨天', '昨天晚上', '昨天中午']), iso: back(today, 1).iso };
  if (r < 50) return { text: d.pick(['前天', '前天晚上']), iso: back(today, 2).iso };
  if (r < 62 && today.weekday > 1) {
    // A weekday earlier in this week (周一 … 周日, weeks start on Monday).
    const w = d.int(1, today.weekday - 1);
    return { text: weekdayName(d, w), iso: back(today, today.weekday - w).iso };
  }
  if (r < 70) {
    const w = d.int(1, 7);
    const text = `上${weekdayName(d, w)}`.replace('上礼拜', '上个礼拜');
    return { text, iso: back(today, today.weekday + 7 - w).iso };
  }
  const ago = d.int(0, 20);
  const day = back(today, ago);
  const forms = [
    `${day.month}月${day.day}日`,
    `${day.month}月${day.day}号`,
    `${day.month}.${day.day}`,
    `${day.month}/${day.day}`,
    `${day.month}-${day.day}`,
  ];
  // 21号 alone names the nearest 21st: only said within the last fortnight or so.
  if (ago <= 14 && day.day !== today.day) forms.push(`${day.day}号`);
  return { text: d.pick(forms), iso: day.iso };
}
