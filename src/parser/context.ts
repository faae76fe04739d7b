/**
 * The state extractors share while reading one message: the normalised text, which characters an
 * earlier extractor already explained (so 3号包厢 is not also 3 people), and the store's clock.
 */
import type { Field, ParseOptions } from './reading';
import { addDays, isoDay, localParts, minutesOf } from '../time/business-day';
import { widthNormalised } from './normalize';

export interface Clock {
  /** Business date the message was written in. */
  today: string;
  /** Calendar date of `now` in the store's zone (differs from `today` before the cut-off). */
  calendarToday: string;
}

/**
 * One claim buffer for all messages: parsing is synchronous and never re-entrant, and allocating
 * a typed array per message costs more than the rest of a short message's parse.
 */
let shared = new Uint8Array(256);

export class ParseContext {
  /** Claimed flags; only indexes below `text.length` belong to this message. */
  readonly claimed: Uint8Array;

  constructor(
    readonly original: string,
    readonly text: string,
    readonly clock: Clock,
  ) {
    if (shared.length < text.length + 1)
      shared = new Uint8Array(Math.max(text.length + 1, shared.length * 2));
    shared.fill(0, 0, text.length + 1);
    this.claimed = shared;
  }

  claim(start: number, end: number): void {
    this.claimed.fill(1, start, end);
  }

  isFree(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.claimed[i]) return false;
    return true;
  }

  /** The text as typed, in its own script, with full-width digits and letters narrowed. */
  typed(start: number, end: number): string {
    // normalise hands back the very string when it changed nothing (most messages).
    if (this.text === this.original) return this.text.slice(start, end);
    return widthNormalised(this.original.slice(start, end));
  }

  /** A Field whose span points into the original (un-normalised) text. */
  field<T>(value: T, start: number, end: number, implied = false): Field<T> {
    return { value, span: { index: start, text: this.original.slice(start, end) }, implied };
  }
}

const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();
const cutoffs = new Map<string, number>();

/**
 * The store's UTC offset at `ms`. Intl is slow (microseconds per call), and zone offsets only
 * change on quarter-hour boundaries, so one lookup per zone and quarter hour is exact.
 */
function offsetAt(ms: number, timeZone: string): number {
  // Most zones keep one offset all day: one answer per zone and UTC day, unless the offset at the
  // day's start and end differ (a DST change), when the quarter hour decides.
  const day = Math.floor(ms / DAY);
  const start = cachedOffset(`${timeZone}|d${day}`, day * DAY, timeZone);
  const end = cachedOffset(`${timeZone}|d${day}e`, (day + 1) * DAY - QUARTER_HOUR, timeZone);
  if (start === end) return start;
  const quarter = Math.floor(ms / QUARTER_HOUR);
  return cachedOffset(`${timeZone}|${quarter}`, quarter * QUARTER_HOUR, timeZone);
}

const DAY = 86_400_000;

function cachedOffset(key: string, ms: number, timeZone: string): number {
  let offset = offsets.get(key);
  if (offset === undefined) {
    const p = localParts(new Date(ms), timeZone);
    offset =
      Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(ms / 60_000) * 60_000;
    if (offsets.size > 4096) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

let last: { minute: number; timeZone: string; cutoff: string; clock: Clock } | undefined;

/** Same answer as business-day.ts's businessDate, without an Intl call per message. */
export function clockOf(opts: ParseOptions): Clock {
  const ms = opts.now.getTime();
  const minute = Math.floor(ms / 60_000);
  // Messages arrive in bursts from the same minute; the previous answer usually still holds.
  if (
    last &&
    last.minute === minute &&
    last.timeZone === opts.timeZone &&
    last.cutoff === opts.businessDayCutoff
  ) {
    return last.clock;
  }
  const clock = computeClock(ms, opts);
  last = { minute, timeZone: opts.timeZone, cutoff: opts.businessDayCutoff, clock };
  return clock;
}

function computeClock(ms: number, opts: ParseOptions): Clock {
  if (!Number.isFinite(ms)) throw new RangeError('invalid now');
  const local = new Date(ms + offsetAt(ms, opts.timeZone));
  const calendarToday = isoDay(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
  let cutoff = cutoffs.get(opts.businessDayCutoff);
  if (cutoff === undefined) {
    cutoff = minutesOf(opts.businessDayCutoff);
    cutoffs.set(opts.businessDayCutoff, cutoff);
  }
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  return { today: minutes < cutoff ? addDays(calendarToday, -1) : calendarToday, calendarToday };
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/** Whether `text` has `word` ending exactly at `end`. */
export function endsWithAt(text: string, end: number, word: string): boolean {
  return end >= word.length && text.startsWith(word, end - word.length);
}

/** Longest word of `words` that ends at `end`, or undefined. `words` must be longest-first. */
export function wordEndingAt(
  text: string,
  end: number,
  words: readonly string[],
): string | undefined {
  for (const w of words) if (endsWithAt(text, end, w)) return w;
  return undefined;
}

/** Copy sorted longest first, the order every word matcher here relies on. */
export function longestFirst(words: Iterable<string>): readonly string[] {
  return [...words].sort((a, b) => b.length - a.length);
}

/** Escape for building a RegExp alternation out of lexicon data. */
export function alternation(words: Iterable<string>): string {
  return longestFirst(words)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/** Skip spaces and light punctuation (":", "：" already normalised) leftwards from `end`. */
export function skipLeft(text: string, end: number, chars = ' :=\n'): number {
  let i = end;
  while (i > 0 && chars.includes(text[i - 1])) i--;
  return i;
}

/** Skip spaces and light punctuation rightwards from `start`. */
export function skipRight(text: string, start: number, chars = ' :=\n'): number {
  let i = start;
  while (i < text.length && chars.includes(text[i])) i++;
  return i;
}
