/**
 * Reading one cell of a store's sheet the way it was typed: phones with spaces, +86 or two numbers
 * in one cell, Excel dates, serial numbers or `1985.3.8`, `农历八月十五`, `¥12,800`, `1.2万`. Pure:
 * each reader returns a value, nothing (empty cell) or a reason in words for the dry-run report.
 */
import { phonesIn } from '../text/phones';
import type { Birthday } from '../parser';
import { parseMessage, readAmount } from '../parser';
import { isoDay } from '../time/business-day';

/** A cell's value as exceljs hands it over, reduced to what a reader needs. */
export type Cell = string | number | Date | undefined;

export type Read<T> = { value: T } | { error: string } | undefined;

/** exceljs values: rich text, hyperlinks, formulas, errors → a plain value. */
export function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
  if (o.richText) return plainCell(o.richText.map((r) => r.text).join(''));
  if ('result' in o) return plainCell(o.result);
  if (typeof o.text === 'string') return plainCell(o.text);
  return undefined;
}

export const textOf = (c: Cell): string =>
  c === undefined ? '' : c instanceof Date ? isoOfDate(c) : String(c);

/** exceljs gives date cells as UTC midnight of the day shown. */
const isoOfDate = (d: Date) => isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

/** An Excel day number (1900 system): 45000 is 2023-03-15. Only plausible ones are dates. */
function fromSerial(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 1000 || n > 80000) return undefined;
  return isoOfDate(new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86400000));
}

interface Ymd {
  year?: number;
  month: number;
  day: number;
}

const FULL = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_DAY = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/;

function validYmd(d: Ymd): Ymd | undefined {
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return undefined;
  if (d.year !== undefined && (d.year < 1900 || d.year > 2100)) return undefined;
  return d;
}

/** `1985-03-08`, `1985/3/8`, `1985.3.8`, `1985年3月8日`, `19850308`, `3月8日`, `03-08`. */
function numericDate(text: string): Ymd | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  const full = FULL.exec(t) ?? COMPACT.exec(t);
  if (full) return validYmd({ year: +full[1], month: +full[2], day: +full[3] });
  const md = MONTH_DAY.exec(t);
  return md ? validYmd({ month: +md[1], day: +md[2] }) : undefined;
}

const iso = (d: Ymd & { year: number }) => isoDay(d.year, d.month, d.day);

/** A day with a year (visit dates): `2024-03-08`. */
export function readDay(c: Cell): Read<string> {
  if (c === undefined) return undefined;
  if (c instanceof Date) return { value: isoOfDate(c) };
  const serial = typeof c === 'number' ? fromSerial(c) : undefined;
  if (serial) return { value: serial };
  const d = numericDate(textOf(c));
  if (d?.year !== undefined) return { value: iso({ ...d, year: d.year }) };
  return { error: `日期「${textOf(c)}」看不懂` };
}

/** Every dated day in a cell listing several (`2024-01-05;2024/2/10 、3月1日` keeps the dated ones). */
export function readDays(c: Cell): string[] {
  if (c === undefined) return [];
  if (c instanceof Date || typeof c === 'number') {
    const one = readDay(c);
    return one && 'value' in one ? [one.value] : [];
  }
  const found = c.match(/\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{8}/g) ?? [];
  return found.flatMap((s) => {
    const d = readDay(s);
    return d && 'value' in d ? [d.value] : [];
  });
}

const LUNAR_MARK = /农历|阴历|农|阴|\(农\)|lunar/i;

/** A birthday, solar or lunar (marked in the cell, or by a `农历生日` header). */
export function readBirthday(c: Cell, lunarColumn = false): Read<Birthday> {
  if (c === undefined) return undefined;
  const text = textOf(c);
  const lunar = lunarColumn || LUNAR_MARK.test(text);
  const calendar = lunar ? 'lunar' : 'solar';
  const serial = typeof c === 'number' ? fromSerial(c) : undefined;
  const plain = text
    .replace(LUNAR_MARK, '')
    .replace(/[()()]/g, '')
    .replace(/生日/g, '');
  const d = serial ? numericDate(serial) : numericDate(plain.trim());
  if (d)
    return { value: { calendar, month: d.month, day: d.day, ...(d.year && { year: d.year }) } };
  // Chinese numerals (八月十五, 正月初八, 腊月廿三): the message parser knows them.
  const said = parseMessage(`${lunar ? '农历' : ''}${plain.trim()}生日`, {
    now: new Date(0),
    timeZone: 'Asia/Shanghai',
    businessDayCutoff: '05:00',
  }).birthday?.value;
  if (said) return { value: { ...said, calendar: lunar ? 'lunar' : said.calendar } };
  return { error: `生日「${text}」看不懂` };
}

const LANDLINE = /^0\d{2,3}[\s-]?\d{7,8}$/;

/** Phones as text/phones.ts keeps them (several in one cell allowed); a landline keeps its digits. */
export function readPhones(c: Cell): Read<string[]> {
  if (c === undefined) return undefined;
  const text = typeof c === 'number' ? String(Math.round(c)) : textOf(c);
  const found = phonesIn(text).map((p) => p.value);
  if (found.length) return { value: [...new Set(found)] };
  const fixed = text.replace(/[()()]/g, '').trim();
  if (LANDLINE.test(fixed)) return { value: [fixed.replace(/\D/g, '')] };
  return { error: `电话「${text}」不是手机号` };
}

/** Money: `12800`, `¥12,800`, `1.2万`, `两千八`, `12800元`. Zero is a value, not an error. */
export function readMoney(c: Cell, what: string): Read<number> {
  if (c === undefined) return undefined;
  if (typeof c === 'number') return c >= 0 ? { value: Math.round(c) } : { error: `${what}是负数` };
  const text = textOf(c).replace(/^[¥¥]\s*/, '');
  if (/^0+(\.0+)?\s*元?$/.test(text)) return { value: 0 };
  const n = readAmount(text)?.value;
  return n !== undefined ? { value: Math.round(n) } : { error: `${what}「${textOf(c)}」看不懂` };
}

/** A count: `12`, `12次`, `十二次`. */
export function readCount(c: Cell, what: string): Read<number> {
  if (c === undefined) return undefined;
  const n = typeof c === 'number' ? c : Number(textOf(c).replace(/[次回\s]/g, ''));
  if (Number.isInteger(n) && n >= 0 && n < 100000) return { value: n };
  const money = readMoney(c, what);
  return money && 'value' in money ? money : { error: `${what}「${textOf(c)}」看不懂` };
}

/** The amounts in a 每次消费明细 cell (`1/5 800;2/10 1,200` → [800, 1200]), dates left out. */
export function readAmounts(c: Cell): number[] {
  if (c === undefined) return [];
  if (typeof c === 'number') return [c];
  return textOf(c)
    .replace(
      /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}[日号]?|\d{1,2}[/月]\d{1,2}[日号]?/g,
      ' ',
    )
    .split(/[;;、\n|]+|[,,](?!\d{3}(?!\d))/)
    .flatMap((part) => {
      const n = readAmount(part.trim())?.value;
      return n !== undefined ? [n] : [];
    });
}

export function readGender(c: Cell): string | undefined {
  const t = textOf(c);
  if (/^(男|先生|m|male)$/i.test(t)) return '男';
  if (/^(女|女士|小姐|f|female)$/i.test(t)) return '女';
  return undefined;
}
