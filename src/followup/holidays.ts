/**
 * Holidays (DOMAIN.md "Holidays"): a greeting on the eve for every opted-in customer with an
 * owner, and for the big ones a call a week ahead to A customers asking whether to keep a room.
 * Lunar dates come from src/calendar (tyme4ts); official adjustments from holiday-overrides.ts.
 */
import { festivalDate } from '../calendar/festivals';
import { shortDate } from '../format/text';
import { addDays, daysBetween } from '../time/business-day';
import { HOLIDAY_OVERRIDES, type HolidayOverride } from './holiday-overrides';
import { HOLIDAYS, type HolidayDef, type HolidayName } from './holiday-table';
import { openTask } from './records';
import { HOLIDAY_MEALS, HOLIDAY_WISHES } from './scripts';
import type { FollowUpSettings } from './settings';
import type { FollowUpCustomer, ScriptContext, Task } from './types';
import { customerSlots, scriptFor, type Slots } from './wording';

export interface HolidayOnDate {
  name: HolidayName;
  /** The day itself. */
  date: string;
  /** The day before: when greetings go out. */
  eve: string;
  /** 除夕 / 平安夜 when the eve has a name of its own. */
  eveName?: string;
  /** The evening a room is wanted: 除夕 for 春节 (年夜饭), the day itself otherwise. */
  roomDate: string;
  /** From the override table: days off, 调休 workdays, 除夕不放假. */
  note?: string;
}

function sameMonthShort(from: string, to: string): string {
  const end = from.slice(0, 7) === to.slice(0, 7) ? `${Number(to.slice(8))}日` : shortDate(to);
  return `${shortDate(from)}至${end}`;
}

/** `放假2月10日至17日,2月4日、2月18日上班,除夕不放假`: short enough for a phone line. */
export function overrideNote(o: HolidayOverride, def: HolidayDef): string | undefined {
  const parts: string[] = [];
  if (o.daysOff) parts.push(`放假${sameMonthShort(o.daysOff.from, o.daysOff.to)}`);
  if (o.workdays?.length) parts.push(`${o.workdays.map((d) => shortDate(d)).join('、')}上班`);
  if (o.eveIsDayOff === false) parts.push(`${def.eveName ?? '前一天'}不放假`);
  if (o.note) parts.push(o.note);
  return parts.length ? parts.join(',') : undefined;
}

/** `name` in Gregorian `year`, with the override for that year applied. */
export function holidayInYear(
  def: HolidayDef,
  year: number,
  overrides: readonly HolidayOverride[] = HOLIDAY_OVERRIDES,
): HolidayOnDate | undefined {
  const o = overrides.find((x) => x.year === year && x.holiday === def.name);
  const date = o?.date ?? festivalDate(def.festival, year);
  if (!date) return undefined;
  const eve = addDays(date, -1);
  const note = o ? overrideNote(o, def) : undefined;
  return {
    name: def.name,
    date,
    eve,
    ...(def.eveName ? { eveName: def.eveName } : {}),
    roomDate: def.roomOnEve ? eve : date,
    ...(note ? { note } : {}),
  };
}

// Every customer asks for the same window on the same day: compute it once per table and window.
const rangeCache = new WeakMap<readonly HolidayOverride[], Map<string, HolidayOnDate[]>>();

/** Holidays whose eve or day falls within [from, to], in date order. */
export function holidaysInRange(
  from: string,
  to: string,
  overrides: readonly HolidayOverride[] = HOLIDAY_OVERRIDES,
): HolidayOnDate[] {
  let byWindow = rangeCache.get(overrides);
  if (!byWindow) rangeCache.set(overrides, (byWindow = new Map()));
  let hit = byWindow.get(`${from}|${to}`);
  if (!hit) {
    hit = computeRange(from, to, overrides);
    if (byWindow.size > 1_000) byWindow.clear();
    byWindow.set(`${from}|${to}`, hit);
  }
  return hit.map((h) => ({ ...h }));
}

function computeRange(
  from: string,
  to: string,
  overrides: readonly HolidayOverride[],
): HolidayOnDate[] {
  const out: HolidayOnDate[] = [];
  for (let y = Number(from.slice(0, 4)) - 1; y <= Number(to.slice(0, 4)) + 1; y++) {
    for (const def of HOLIDAYS) {
      const h = holidayInYear(def, y, overrides);
      if (h && h.date >= from && h.eve <= to) out.push(h);
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** Holidays for the briefing: from today to the store's `listDaysBefore` days ahead. */
export function holidaysAhead(
  today: string,
  s: FollowUpSettings,
  overrides: readonly HolidayOverride[] = HOLIDAY_OVERRIDES,
): HolidayOnDate[] {
  return holidaysInRange(today, addDays(today, s.holidays.listDaysBefore), overrides);
}

/**
 * Holidays close together get one call and one greeting: in 2025 国庆 and 中秋 were five days
 * apart, and two "shall I keep a room" calls in a week would annoy the customer.
 */
function grouped(hs: HolidayOnDate[], by: (h: HolidayOnDate) => string, days: number) {
  const groups: HolidayOnDate[][] = [];
  for (const h of [...hs].sort((a, b) => by(a).localeCompare(by(b)))) {
    const g = groups.at(-1);
    if (g && daysBetween(by(g[0]), by(h)) <= days) g.push(h);
    else groups.push([h]);
  }
  return groups;
}

const DEF = new Map(HOLIDAYS.map((d) => [d.name, d]));
const FEMALE_TITLE = /(姐|女士|小姐|太太|夫人|阿姨|妹|嫂)$/;

/** Whether a holiday meant for some customers only suits this one; unknown gender reads the title. */
function suits(name: HolidayName, c: FollowUpCustomer): boolean {
  if (DEF.get(name)?.audience !== 'female') return true;
  return c.gender ? c.gender === 'female' : FEMALE_TITLE.test(c.name);
}

function groupName(g: HolidayOnDate[]): string {
  return g.map((h) => h.name).join('');
}

type Common = Pick<Task, 'customerId' | 'customerName' | 'tier' | 'ownerId' | 'optedOut'>;

function commonOf(c: FollowUpCustomer): Common {
  return {
    customerId: c.id,
    customerName: c.name,
    tier: c.tier,
    ownerId: c.ownerId,
    optedOut: c.optOut,
  };
}

function callTask(
  c: FollowUpCustomer,
  g: HolidayOnDate[],
  today: string,
  s: FollowUpSettings,
  base: Slots,
): Task | undefined {
  const first = g[0].roomDate;
  const key = `holiday:${groupName(g)}:${first.slice(0, 4)}:call`;
  const due = addDays(first, -s.holidays.callDaysBefore);
  const open = openTask(c.followUpLog, key, due, today, addDays(g[g.length - 1].roomDate, -1));
  if (!open) return undefined;
  const meal = (g.length === 1 && HOLIDAY_MEALS[g[0].name]) || '聚餐';
  const slots = { ...base, holiday: groupName(g), meal };
  // A call is not a message: an opted-out customer is still called, and the list says so.
  return {
    ...commonOf(c),
    ...open,
    key,
    kind: 'holidayCall',
    title: `${groupName(g)}留位电话`,
    notifyManagers: false,
    channel: 'call',
    script: scriptFor('holidayCall', slots, `${c.id}|${today}|${key}`),
    priority: 0,
  };
}

function greetingTask(
  c: FollowUpCustomer,
  g: HolidayOnDate[],
  today: string,
  base: Slots,
): Task | undefined {
  const { eve, date } = g[0];
  const key = `holiday:${groupName(g)}:${date.slice(0, 4)}:greet`;
  const open = openTask(c.followUpLog, key, eve, today, date);
  if (!open) return undefined;
  const name = groupName(g);
  const soon = today < date ? `明天就是${name}了` : today === date ? `今天是${name}` : undefined;
  const wish = g.length === 1 ? HOLIDAY_WISHES[g[0].name] : '双节快乐,阖家幸福';
  const slots = { ...base, holiday: name, wish, soon };
  return {
    ...commonOf(c),
    ...open,
    key,
    kind: 'holidayGreeting',
    title: `${name}祝福`,
    notifyManagers: false,
    channel: 'message',
    script: scriptFor('holidayGreeting', slots, `${c.id}|${today}|${key}`),
    priority: 0,
  };
}

/** Holiday calls and greetings of this customer due today. */
export function holidayTasks(
  c: FollowUpCustomer,
  today: string,
  s: FollowUpSettings,
  ctx: ScriptContext,
  overrides: readonly HolidayOverride[] = HOLIDAY_OVERRIDES,
): Task[] {
  // Wide enough that a group of holidays is seen whole on every day one of its tasks is open,
  // so its key (国庆中秋) never changes from one day to the next.
  const n = s.holidays.callDaysBefore;
  const around = holidaysInRange(addDays(today, -(n + 7)), addDays(today, 2 * n + 7), overrides);
  const base = customerSlots(c, today, ctx);
  const tasks: Task[] = [];
  if (s.holidays.callTiers.includes(c.tier)) {
    const big = around.filter((h) => s.holidays.callFor.includes(h.name));
    for (const g of grouped(big, (h) => h.roomDate, n)) {
      const t = callTask(c, g, today, s, base);
      if (t) tasks.push(t);
    }
  }
  // Greetings need an owner: hundreds of ownerless greetings would bury the managers' list.
  if (!c.optOut && c.ownerId !== null) {
    const greeted = around.filter((h) => s.holidays.greet.includes(h.name) && suits(h.name, c));
    for (const g of grouped(greeted, (h) => h.eve, 0)) {
      const t = greetingTask(c, g, today, base);
      if (t) tasks.push(t);
    }
  }
  return tasks;
}
