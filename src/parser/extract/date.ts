/**
 * The visit's business date, its meal period and a customer's birthday. Matchers run from the most
 * specific (2026-11-20) to the least (21号), each claiming its span; a month/day right next to
 * 生日 is a birthday, not the visit.
 */
import { FESTIVAL_NAMES, lastFestivalDate, lunarToIso } from '../../calendar/festivals';
import { isoDay } from '../../time/business-day';
import { alternation, isHan, skipLeft, skipRight, type ParseContext } from '../context';
import type { DateHit, Draft } from '../draft';
import {
  BIRTHDAY_GATHERING,
  BIRTHDAY_WORDS,
  LUNAR_WORDS,
  MEAL_WORDS,
  RELATIVE_DAYS,
  WEEKDAY_CHARS,
} from '../lexicon/words';
import { evaluate } from '../numerals';
import { WordMatcher } from '../words';
import type { Birthday } from '../reading';
import { inFutureClause, isReported, reportedSpans } from '../future-clause';
import {
  comingWeekday,
  isRealDay,
  nearestDayOfMonth,
  nearestMonthDay,
  shiftDays,
  weekdayDate,
} from './date-resolve';

const LUNAR = `(${alternation(LUNAR_WORDS)})?\\s?`;
const CN_MONTH = '\\d{1,2}|十[一二]?|[一二三四五六七八九十]|正|腊|冬';
const CN_DAY =
  '\\d{1,2}|初[一二三四五六七八九十]|[一二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|[一二三四五六七八九]';
const ISO = /(?<!\d)((?:19|20)\d{2})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})[日号]?/g;
const MONTH_DAY = new RegExp(`${LUNAR}(${CN_MONTH})月份?(${CN_DAY})[日号]?`, 'g');
/**
 * 11.18 / 11-18 / 11/18, not inside a bigger number. A comma on either side is a clause break
 * (王总,11.18,3人; 10/30,176 1011 6713): no figure has a thousands group after its decimals.
 */
const NUMERIC_MD = /(?<![\d.:¥/-])(\d{1,2})([./-])(\d{1,2})(?![\d.%/-]|\s?[kKwW万千元块人位个])/g;
/** 21号, 上个月5号, and the day said in words (二号, 十五号), not inside a bigger numeral. */
const CN_DAY_OF_MONTH = '[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]';
const DAY_ONLY = new RegExp(
  `(?:(上个?月|本月|这个?月)|(?<![\\d月./A-Za-z区一二两三四五六七八九十百千万-]))(\\d{1,2}|${CN_DAY_OF_MONTH})[号日](?!桌|包|房|厅|卡|台|楼|间|座|车|线|机|店|门|位|雅)`,
  'g',
);
const WEEKDAY = new RegExp(
  `(上上|上|这|本|下下|下)?个?(?:周|星期|礼拜)([${[...WEEKDAY_CHARS.keys()].join('')}])`,
  'g',
);
const RELATIVE = new WordMatcher(RELATIVE_DAYS.keys());
const FESTIVAL = new WordMatcher(FESTIVAL_NAMES);
const MEAL = new WordMatcher(MEAL_WORDS.keys());
/** Festival names made of numerals (三八, 五一) count only when no other numeral touches them. */
const NUMERAL_NAME = /^[一二三四五六七八九十]+$/;
const NUMERAL_CHAR = /[0-9一二两三四五六七八九十百千万]/;
/** Solar terms that double as weather or dish words need clear edges (今天大雪 is weather). */
const SAFE_TERMS = new Set([
  '清明',
  '冬至',
  '立春',
  '立夏',
  '立秋',
  '立冬',
  '春分',
  '秋分',
  '夏至',
]);
const CN_MONTH_NAMES: ReadonlyMap<string, number> = new Map([
  ['正', 1],
  ['冬', 11],
  ['腊', 12],
]);

interface Candidate extends DateHit {
  /** Month/day as written (for birthdays), absent for relative words. */
  md?: { month: number; day: number; year?: number; lunar: boolean };
}

export function extractDates(ctx: ParseContext, draft: Draft): void {
  const found: Candidate[] = [];
  const t = ctx.text;
  // Cheap character checks skip the patterns that cannot match (most messages have no 月 or 号).
  if (/\d{4}/.test(t)) scan(ctx, ISO, found, fromIso);
  if (t.includes('月')) scan(ctx, MONTH_DAY, found, fromMonthDay);
  if (/\d[./-]\d/.test(t)) scan(ctx, NUMERIC_MD, found, fromNumeric);
  if (t.includes('号') || t.includes('日')) scan(ctx, DAY_ONLY, found, fromDayOnly);
  if (t.includes('周') || t.includes('星期') || t.includes('礼拜'))
    scan(ctx, WEEKDAY, found, fromWeekday);
  words(ctx, RELATIVE, found, fromRelative);
  words(ctx, FESTIVAL, found, fromFestival);
  assign(ctx, draft, found);
  extractMeal(ctx, draft);
}

type Resolved = Omit<Candidate, 'start' | 'end'> | undefined;
type Resolver = (m: RegExpExecArray, ctx: ParseContext, start: number, end: number) => Resolved;

function fromIso(m: RegExpExecArray, ctx: ParseContext): Resolved {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDay(y, mo, d)) return undefined;
  const iso = isoDay(y, mo, d);
  return {
    iso,
    future: iso > ctx.clock.calendarToday,
    md: { month: mo, day: d, year: y, lunar: false },
  };
}

function fromMonthDay(m: RegExpExecArray, ctx: ParseContext): Resolved {
  const month = CN_MONTH_NAMES.get(m[2]) ?? evaluate(m[2]);
  const day = dayValue(m[3]);
  const lunar = Boolean(m[1]) || CN_MONTH_NAMES.has(m[2]) || /[初廿]/.test(m[3]);
  if (month === undefined || day === undefined || !isRealDay(2024, month, day)) return undefined;
  // A lunar month/day is resolved lazily (assign): it is usually a birthday, never looked up then.
  const iso = lunar ? '' : nearestMonthDay(ctx.clock.calendarToday, month, day);
  return {
    iso: iso ?? '',
    future: !!iso && iso > ctx.clock.calendarToday,
    md: { month, day, lunar },
  };
}

function fromNumeric(m: RegExpExecArray, ctx: ParseContext): Resolved {
  const [month, day] = [Number(m[1]), Number(m[3])];
  const iso = nearestMonthDay(ctx.clock.calendarToday, month, day);
  const future = !!iso && iso > ctx.clock.calendarToday;
  return iso ? { iso, future, md: { month, day, lunar: false } } : undefined;
}

function fromDayOnly(m: RegExpExecArray, ctx: ParseContext): Resolved {
  const shift = m[1]?.startsWith('上') ? -1 : 0;
  const iso = nearestDayOfMonth(ctx.clock.calendarToday, dayValue(m[2]) ?? 0, shift);
  return iso ? { iso, future: iso > ctx.clock.calendarToday } : undefined;
}

/** A weekday alone is the one just gone, unless its clause books a table or reports a plan. */
function fromWeekday(m: RegExpExecArray, ctx: ParseContext, start: number, end: number): Resolved {
  const weekday = WEEKDAY_CHARS.get(m[2]) ?? 0;
  const iso =
    !m[1] && inFutureClause(ctx.text, start, end)
      ? comingWeekday(ctx.clock.today, weekday)
      : weekdayDate(ctx.clock.today, weekday, m[1] ?? '');
  return { iso, future: iso > ctx.clock.today };
}

/** 昨晚 said after midnight but before the cut-off is the shift that has just ended. */
const LAST_NIGHT = new Set(['昨晚', '昨夜']);

function fromRelative(word: string, ctx: ParseContext): Resolved {
  const afterMidnight = ctx.clock.calendarToday !== ctx.clock.today;
  const offset = afterMidnight && LAST_NIGHT.has(word) ? 0 : (RELATIVE_DAYS.get(word) ?? 0);
  return { iso: shiftDays(ctx.clock.today, offset), future: offset > 0 };
}

function fromFestival(word: string, ctx: ParseContext, start: number, end: number): Resolved {
  if (!festivalEdgesOk(ctx.text, word, start, end)) return undefined;
  const iso = lastFestivalDate(word, ctx.clock.today);
  return iso ? { iso, future: false } : undefined;
}

function scan(ctx: ParseContext, re: RegExp, out: Candidate[], resolve: Resolver): void {
  re.lastIndex = 0;
  for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (!ctx.isFree(start, end)) continue;
    const hit = resolve(m, ctx, start, end);
    if (hit) keep(ctx, out, hit, start, end);
  }
}

function words(
  ctx: ParseContext,
  matcher: WordMatcher,
  out: Candidate[],
  resolve: (word: string, ctx: ParseContext, start: number, end: number) => Resolved,
): void {
  for (const { index, word } of matcher.all(ctx.text)) {
    const end = index + word.length;
    if (!ctx.isFree(index, end)) continue;
    const hit = resolve(word, ctx, index, end);
    if (hit) keep(ctx, out, hit, index, end);
  }
}

function keep(
  ctx: ParseContext,
  out: Candidate[],
  hit: NonNullable<Resolved>,
  start: number,
  end: number,
): void {
  ctx.claim(start, end);
  const c = hit as Candidate;
  c.start = start;
  c.end = end;
  out.push(c);
}

/** The most recent solar date of lunar month/day on or before `today`. */
function pastLunarDay(today: string, month: number, day: number): string | undefined {
  const year = Number(today.slice(0, 4));
  for (const ly of [year, year - 1, year - 2]) {
    try {
      const iso = lunarToIso(ly, month, day);
      if (iso <= today) return iso;
    } catch {
      // 腊月三十 does not exist in every lunar year; try the one before.
    }
  }
  return undefined;
}

function dayValue(s: string): number | undefined {
  if (s.startsWith('初')) return evaluate(s.slice(1));
  if (s.startsWith('廿')) return 20 + (s.length > 1 ? (evaluate(s.slice(1)) ?? 0) : 0);
  return evaluate(s);
}

function festivalEdgesOk(text: string, name: string, start: number, end: number): boolean {
  if (NUMERAL_NAME.test(name))
    return !NUMERAL_CHAR.test(text[start - 1] ?? '') && !NUMERAL_CHAR.test(text[end] ?? '');
  if (name.length === 2 && !SAFE_TERMS.has(name) && /^[小大雨谷白霜芒处惊寒]/.test(name)) {
    return (
      !isHan(text[start - 1]) &&
      (!isHan(text[end]) || /^(那天|当天|节)/.test(text.slice(end, end + 2)))
    );
  }
  return true;
}

/** Birthdays take the month/day next to 生日; the earliest remaining hit is the visit's date. */
function assign(ctx: ParseContext, draft: Draft, found: Candidate[]): void {
  found.sort((a, b) => a.start - b.start);
  let visit: Candidate | undefined;
  let future: Candidate | undefined;
  for (const hit of found) {
    if (hit.md && !draft.birthday && nextToBirthday(ctx.text, hit.start, hit.end)) {
      const b: Birthday = {
        calendar: hit.md.lunar ? 'lunar' : 'solar',
        month: hit.md.month,
        day: hit.md.day,
      };
      if (hit.md.year) b.year = hit.md.year;
      draft.birthday = ctx.field(b, hit.start, hit.end);
      continue;
    }
    if (hit.md?.lunar && !hit.iso)
      hit.iso = pastLunarDay(ctx.clock.today, hit.md.month, hit.md.day) ?? '';
    if (!hit.iso) continue;
    if (hit.future) future ??= hit;
    else visit ??= hit;
  }
  const chosen = visit ?? future;
  if (!chosen) return;
  draft.date = { start: chosen.start, end: chosen.end, iso: chosen.iso, future: chosen.future };
  if (isReported(reportedSpans(ctx.text), chosen.start, chosen.end)) draft.date.reported = true;
}

function nextToBirthday(text: string, start: number, end: number): boolean {
  const left = skipLeft(text, start, ' :=是为在的');
  for (const w of BIRTHDAY_WORDS)
    if (left >= w.length && text.startsWith(w, left - w.length)) return true;
  const right = skipRight(text, end, ' :=的过是');
  return BIRTHDAY_WORDS.some(
    (w) => text.startsWith(w, right) && !BIRTHDAY_GATHERING.has(text[right + w.length]),
  );
}

function extractMeal(ctx: ParseContext, draft: Draft): void {
  for (let from = 0; ;) {
    const hit = MEAL.find(ctx.text, from);
    if (!hit) return;
    from = hit.index + hit.word.length;
    // A bare 晚 is the evening only when it stands alone (11.18 晚), not in 晚点/晚安.
    if (hit.word === '晚' && isHan(ctx.text[from])) continue;
    const period = MEAL_WORDS.get(hit.word);
    if (period) {
      // Claimed, so 晚上富贵厅 is the evening in 富贵厅, not a room called 晚上富贵.
      if (ctx.isFree(hit.index, from)) ctx.claim(hit.index, from);
      draft.mealPeriod = ctx.field(period, hit.index, from);
      return;
    }
  }
}
