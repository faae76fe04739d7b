/**
 * Festival and solar-term dates, pure: every function takes the year or dates it needs. Results
 * are cached because tyme4ts's lunar conversion is far slower than the message parser around it.
 */
import { LunarDay, SolarTerm } from 'tyme4ts';
import { addDays, isoDay, weekdayOf } from '../time/business-day';
import {
  FESTIVALS,
  FESTIVAL_ALIASES,
  NEW_YEAR_DAYS,
  SOLAR_TERMS,
  type FestivalRule,
} from './rules';

export { FESTIVALS, FESTIVAL_ALIASES, SOLAR_TERMS } from './rules';

const RULES = new Map<string, FestivalRule>();
for (const f of FESTIVALS) RULES.set(f.name, f.rule);
for (const [alias, name] of FESTIVAL_ALIASES) RULES.set(alias, RULES.get(name) as FestivalRule);
for (const [word, day] of NEW_YEAR_DAYS) {
  RULES.set(word, { kind: 'lunar', month: 1, day });
  RULES.set(`大年${word}`, { kind: 'lunar', month: 1, day });
  RULES.set(`正月${word}`, { kind: 'lunar', month: 1, day });
}
for (const t of SOLAR_TERMS) if (!RULES.has(t)) RULES.set(t, { kind: 'term', term: t });

/** Every name festivalDate understands (canonical, aliases, 初二…, solar terms). */
export const FESTIVAL_NAMES: readonly string[] = [...RULES.keys()];

const cache = new Map<string, string | null>();

/** ISO date of `name` in Gregorian `year`, or undefined for an unknown name or year. */
export function festivalDate(name: string, year: number): string | undefined {
  const key = `${name}|${year}`;
  let hit = cache.get(key);
  if (hit === undefined) {
    const rule = RULES.get(name);
    hit = rule && Number.isInteger(year) && year > 1 && year < 9999 ? resolve(rule, year) : null;
    if (cache.size > 20_000) cache.clear();
    cache.set(key, hit);
  }
  return hit ?? undefined;
}

/** The most recent date of `name` on or before `iso` (a visit is in the past). */
export function lastFestivalDate(name: string, iso: string): string | undefined {
  const year = Number(iso.slice(0, 4));
  const same = festivalDate(name, year);
  if (same && same <= iso) return same;
  return festivalDate(name, year - 1);
}

/** The next date of `name` on or after `iso` (reminders look ahead). */
export function nextFestivalDate(name: string, iso: string): string | undefined {
  const year = Number(iso.slice(0, 4));
  const same = festivalDate(name, year);
  if (same && same >= iso) return same;
  return festivalDate(name, year + 1);
}

export interface FestivalOnDay {
  name: string;
  date: string;
}

/** Canonical festivals dated within [fromIso, toIso], in date order. */
export function festivalsBetween(fromIso: string, toIso: string): FestivalOnDay[] {
  const out: FestivalOnDay[] = [];
  const first = Number(fromIso.slice(0, 4));
  const last = Number(toIso.slice(0, 4));
  for (let y = first; y <= last; y++) {
    for (const f of FESTIVALS) {
      const date = festivalDate(f.name, y);
      if (date && date >= fromIso && date <= toIso) out.push({ name: f.name, date });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function resolve(rule: FestivalRule, year: number): string | null {
  try {
    switch (rule.kind) {
      case 'solar':
        return isoDay(year, rule.month, rule.day);
      case 'lunar':
        // Lunar 腊月 days of lunar year Y-1 fall in January/February of Gregorian year Y.
        return inYear(year, [
          lunarToIso(year, rule.month, rule.day),
          lunarToIso(year - 1, rule.month, rule.day),
        ]);
      case 'lunarEve':
        return inYear(year, [lunarToIso(year + 1, 1, 1, -1), lunarToIso(year, 1, 1, -1)]);
      case 'term':
        return inYear(year, [termToIso(year, rule.term), termToIso(year + 1, rule.term)]);
      case 'nthWeekday':
        return nthWeekday(year, rule.month, rule.weekday, rule.nth);
    }
  } catch {
    return null;
  }
}

function inYear(year: number, candidates: string[]): string | null {
  return candidates.find((c) => Number(c.slice(0, 4)) === year) ?? null;
}

const lunarCache = new Map<string, string>();

/**
 * Solar ISO date of a lunar day, optionally shifted by whole days. Throws for a day the lunar
 * month does not have (腊月三十 in a 29-day month). Cached: the conversion is astronomy.
 */
export function lunarToIso(lunarYear: number, month: number, day: number, shift = 0): string {
  const key = `${lunarYear}-${month}-${day}`;
  let iso = lunarCache.get(key);
  if (iso === undefined) {
    try {
      const s = LunarDay.fromYmd(lunarYear, month, day).getSolarDay();
      iso = isoDay(s.getYear(), s.getMonth(), s.getDay());
    } catch {
      iso = '';
    }
    if (lunarCache.size > 20_000) lunarCache.clear();
    lunarCache.set(key, iso);
  }
  if (!iso) throw new RangeError(`no lunar day ${key}`);
  return shift ? addDays(iso, shift) : iso;
}

/** tyme4ts counts a solar-term year from the previous 冬至, so the same name can land in Y-1. */
function termToIso(year: number, name: string): string {
  const s = SolarTerm.fromName(year, name).getSolarDay();
  return isoDay(s.getYear(), s.getMonth(), s.getDay());
}

function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
  const first = isoDay(year, month, 1);
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return addDays(first, offset + (nth - 1) * 7);
}
