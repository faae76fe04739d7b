/**
 * 本周 / 上月 / 昨天 / 近7天 …: the period a question is about, in business dates of the store
 * clock. Weeks start on Monday. Pure: `today` is the store's business date, passed in.
 */
import { shortDate } from '../../format/text';
import { addDays, daysBetween, weekdayOf } from '../../time/business-day';

export type Unit = 'day' | 'week' | 'month' | 'year' | 'span';

export interface Period {
  /** First and last business date, inclusive. */
  from: string;
  to: string;
  /** How the question said it: 本周, 上个月, 近7天. */
  word: string;
  unit: Unit;
}

export function mondayOf(day: string): string {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

function monthStart(day: string, shift = 0): string {
  const [y, m] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + shift, 1));
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

const monthEnd = (day: string) => addDays(monthStart(day, 1), -1);

const days = (word: string, today: string, shift: number): Period => {
  const d = addDays(today, shift);
  return { from: d, to: d, word, unit: 'day' };
};
const week = (word: string, today: string, shift: number): Period => {
  const from = addDays(mondayOf(today), 7 * shift);
  return { from, to: addDays(from, 6), word, unit: 'week' };
};
const month = (word: string, today: string, shift: number): Period => {
  const from = monthStart(today, shift);
  return { from, to: monthEnd(from), word, unit: 'month' };
};
const year = (word: string, today: string, shift: number): Period => {
  const y = Number(today.slice(0, 4)) + shift;
  return { from: `${y}-01-01`, to: `${y}-12-31`, word, unit: 'year' };
};

type Builder = (word: string, today: string, shift: number) => Period;

/** Each way of saying a period, with the word answers use for it (这周 → 本周). */
const WORDS: [RegExp, Builder, number, string][] = [
  [/今天|今日|当天/, days, 0, '今天'],
  [/昨天|昨日/, days, -1, '昨天'],
  [/前天/, days, -2, '前天'],
  [/明天/, days, 1, '明天'],
  [/上个?星期|上一?周|上礼拜/, week, -1, '上周'],
  [/下个?星期|下一?周|下礼拜/, week, 1, '下周'],
  [/本周|这周|这个?星期|本星期|这礼拜|这一周|本礼拜/, week, 0, '本周'],
  [/上个月|上月/, month, -1, '上月'],
  [/下个月|下月/, month, 1, '下月'],
  [/本月|这个?月|当月/, month, 0, '本月'],
  [/去年/, year, -1, '去年'],
  [/今年|本年/, year, 0, '今年'],
];

const SPAN = /(?:近|最近|过去)\s*(\d{1,3})\s*天/;

/** The period the text names, or undefined when it names none (the caller's default applies). */
export function periodIn(text: string, today: string): Period | undefined {
  const span = SPAN.exec(text);
  if (span) {
    const n = Math.max(1, Math.min(366, Number(span[1])));
    return { from: addDays(today, -(n - 1)), to: today, word: `近${n}天`, unit: 'span' };
  }
  for (const [re, build, shift, word] of WORDS) if (re.test(text)) return build(word, today, shift);
  return undefined;
}

/** Named periods for defaults: `named('本周', today)`. */
export function named(word: string, today: string): Period {
  return periodIn(word, today) ?? days('今天', today, 0);
}

/** The days from today on: for questions about what is coming (生日, 节日). */
export function ahead(word: string, today: string, count: number): Period {
  return { from: today, to: addDays(today, count - 1), word, unit: 'span' };
}

/** Only the part that has happened: 本周 asked on a Wednesday is Monday to Wednesday. */
export function soFar(p: Period, today: string): Period {
  return p.to > today ? { ...p, to: today < p.from ? p.from : today } : p;
}

export const lengthOf = (p: Period) => daysBetween(p.from, p.to) + 1;

/**
 * The period before, of the same length: 昨天 → 前天, 本周 so far → the same days last week,
 * 本月 so far → the same days of last month (cut at its end), 近7天 → the 7 days before.
 */
export function previous(p: Period): Period {
  const n = lengthOf(p);
  const word = {
    day: '前一天',
    week: '上周同期',
    month: '上月同期',
    year: '去年同期',
    span: `前${n}天`,
  }[p.unit];
  if (p.unit === 'month' || p.unit === 'year') {
    const from =
      p.unit === 'month' ? monthStart(p.from, -1) : `${Number(p.from.slice(0, 4)) - 1}-01-01`;
    const end = p.unit === 'month' ? monthEnd(from) : `${from.slice(0, 4)}-12-31`;
    const to = addDays(from, n - 1);
    return { from, to: to > end ? end : to, word, unit: p.unit };
  }
  const shift = p.unit === 'week' ? 7 : n;
  return { from: addDays(p.from, -shift), to: addDays(p.to, -shift), word, unit: p.unit };
}

/** Every business date of the period, in order. */
export function daysOf(p: Period): string[] {
  const out: string[] = [];
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** `11月22日`, `11月16日至22日`, `10月27日至11月2日`. */
export function rangeText(p: Pick<Period, 'from' | 'to'>, today?: string): string {
  if (p.from === p.to) return shortDate(p.from, today);
  const sameMonth = p.from.slice(0, 7) === p.to.slice(0, 7);
  const end = sameMonth ? `${Number(p.to.slice(8))}日` : shortDate(p.to, today);
  return `${shortDate(p.from, today)}至${end}`;
}

/** `本周(11月16日至22日)`: the words asked and the dates meant. */
export function periodLabel(p: Period, today?: string): string {
  return `${p.word}(${rangeText(p, today)})`;
}

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
export const weekdayName = (day: string) => WEEKDAY[weekdayOf(day)];
