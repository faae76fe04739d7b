/**
 * The time of day a table is expected (18:30, 7点, 七点半, 晚上7点) and how many tables
 * (两桌, 3桌). Read for bookings; a visit ignores both. The hour is kept as written: which half of
 * the day it is in needs the meal period, so booking code resolves it (booking/slot.ts).
 */
import type { ParseContext } from '../context';
import type { Draft } from '../draft';
import { evaluate } from '../numerals';

/** 18:30, 7:00 (not inside a bigger figure or a date). */
const COLON_TIME = /(?<![\d.:/-])([01]?\d|2[0-3])[:：]([0-5]\d)(?![\d:])/g;
/** 7点, 7点半, 七点, 19点30, 7点15分; not 点了/点菜 (ordering). */
const HOUR_TIME =
  /(?<![\d号])(\d{1,2}|[一二两三四五六七八九十]{1,3})\s?点(半|[0-5]?\d分?|[一二三四五]十[一二三四五六七八九]?分?)?(?![了菜单餐酒个些心钟])/g;
/** 两桌 / 3桌: a count before 桌, not a table's number (8号桌). Chinese numerals, or digits
 *  with a space or nothing before them that is no other figure. */
const TABLES = /(?<![\d号第])(\d|[一两二三四五六七八九十])\s?桌(?![号子])/g;

export function extractClockTime(ctx: ParseContext, draft: Draft): void {
  const t = ctx.text;
  if (t.includes(':') || t.includes('：')) take(ctx, draft, COLON_TIME, (m) => [+m[1], +m[2]]);
  if (!draft.time && t.includes('点')) take(ctx, draft, HOUR_TIME, hourOf);
  if (t.includes('桌')) tables(ctx, draft);
}

type Reader = (m: RegExpExecArray) => [number, number] | undefined;

function take(ctx: ParseContext, draft: Draft, re: RegExp, read: Reader): void {
  re.lastIndex = 0;
  for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
    const [start, end] = [m.index, m.index + m[0].length];
    const hm = read(m);
    if (!hm || !ctx.isFree(start, end)) continue;
    const [h, min] = hm;
    if (h > 24 || min > 59) continue;
    ctx.claim(start, end);
    draft.time = ctx.field(`${pad(h)}:${pad(min)}`, start, end);
    return;
  }
}

function hourOf(m: RegExpExecArray): [number, number] | undefined {
  const h = evaluate(m[1]);
  if (h === undefined || h < 1) return undefined;
  const rest = m[2] ?? '';
  if (rest === '半') return [h, 30];
  const min = rest ? evaluate(rest.replace(/分$/, '')) : 0;
  return min === undefined ? undefined : [h, min];
}

function tables(ctx: ParseContext, draft: Draft): void {
  TABLES.lastIndex = 0;
  for (let m = TABLES.exec(ctx.text); m; m = TABLES.exec(ctx.text)) {
    const [start, end] = [m.index, m.index + m[0].length];
    const n = evaluate(m[1]);
    if (!n || n < 1 || !ctx.isFree(start, end)) continue;
    ctx.claim(start, end);
    draft.tables = ctx.field(n, start, end);
    return;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
