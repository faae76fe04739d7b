/**
 * Business-day arithmetic. Bars and late restaurants close after midnight, so a message at 01:30
 * belongs to the business day that began the previous morning. Everything here takes `now`, the
 * store's time zone and its cut-off as arguments, so callers (and tests) control the clock.
 */

export interface StoreClock {
  /** The instant the message was written or the job runs. */
  now: Date;
  /** IANA zone of the store, e.g. Asia/Shanghai. */
  timeZone: string;
  /** Local time the business day rolls over, `HH:mm`, e.g. `05:00`. */
  businessDayCutoff: string;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/**
 * Parts of the minutes asked for lately: a message asks for its business day several times, and
 * formatToParts is the costliest call in it. Exact: local time changes only on whole minutes.
 */
const recent = new Map<string, LocalParts>();

/** Wall-clock parts of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const key = `${timeZone}|${Math.floor(instant.getTime() / 60_000)}`;
  const hit = recent.get(key);
  if (hit) return { ...hit };
  const found = formatParts(instant, timeZone);
  if (recent.size >= 512) recent.clear();
  recent.set(key, found);
  return { ...found };
}

function formatParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday] ?? 0,
  };
}

/** Minutes after midnight of an `HH:mm` string; throws on a malformed value (config validates). */
export function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** `YYYY-MM-DD` of a calendar day. */
export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Day arithmetic runs hundreds of thousands of times a morning (tiers, follow-up rules) on a few
 * hundred distinct days, so both directions are remembered. Bounded: cleared when large.
 */
const MEMO_LIMIT = 20_000;
const numberOfDay = new Map<string, number>();
const dayOfNumber = new Map<number, string>();

function dayNumber(iso: string): number {
  let n = numberOfDay.get(iso);
  if (n === undefined) {
    const [y, m, d] = iso.split('-').map(Number);
    n = Date.UTC(y, m - 1, d) / 86_400_000;
    if (numberOfDay.size >= MEMO_LIMIT) numberOfDay.clear();
    numberOfDay.set(iso, n);
  }
  return n;
}

function dayOf(n: number): string {
  let iso = dayOfNumber.get(n);
  if (iso === undefined) {
    const t = new Date(n * 86_400_000);
    iso = isoDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
    if (dayOfNumber.size >= MEMO_LIMIT) dayOfNumber.clear();
    dayOfNumber.set(n, iso);
  }
  return iso;
}

/** Shift an ISO day by whole days (calendar arithmetic, no time zone involved). */
export function addDays(iso: string, days: number): string {
  return dayOf(dayNumber(iso) + days);
}

/** Weekday (0 = Sunday) of an ISO day. */
export function weekdayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round(dayNumber(b) - dayNumber(a));
}

/** The business date (`YYYY-MM-DD`) that `clock.now` falls in. */
export function businessDate(clock: StoreClock): string {
  const p = localParts(clock.now, clock.timeZone);
  const today = isoDay(p.year, p.month, p.day);
  return p.hour * 60 + p.minute < minutesOf(clock.businessDayCutoff) ? addDays(today, -1) : today;
}

/**
 * The business day local `time` on calendar day `day` belongs to: that day, unless the time is
 * before the cut-off (a bar's 01:00 is still the night before).
 */
export function businessDayAt(day: string, time: string, cutoff: string): string {
  return minutesOf(time) < minutesOf(cutoff) ? addDays(day, -1) : day;
}
