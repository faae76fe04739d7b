/**
 * The state extractors share while reading one message: the normalised text, which characters an
 * earlier extractor already explained (so 3号包厢 is not also 3 people), and the store's clock.
 */
import type { Field, ParseOptions } from './reading';
import { businessDate, isoDay, localParts } from '../time/business-day';

export interface Clock {
  /** Business date the message was written in. */
  today: string;
  /** Calendar date of `now` in the store's zone (differs from `today` before the cut-off). */
  calendarToday: string;
}

export class ParseContext {
  readonly claimed: Uint8Array;

  constructor(
    readonly original: string,
    readonly text: string,
    readonly clock: Clock,
  ) {
    this.claimed = new Uint8Array(text.length);
  }

  claim(start: number, end: number): void {
    this.claimed.fill(1, start, end);
  }

  isFree(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.claimed[i]) return false;
    return true;
  }

  /** A Field whose span points into the original (un-normalised) text. */
  field<T>(value: T, start: number, end: number, implied = false): Field<T> {
    return { value, span: { index: start, text: this.original.slice(start, end) }, implied };
  }
}

export function clockOf(opts: ParseOptions): Clock {
  const today = businessDate(opts);
  const p = localParts(opts.now, opts.timeZone);
  return { today, calendarToday: isoDay(p.year, p.month, p.day) };
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/** Start of text, whitespace, punctuation, a digit or Latin letter: a word can begin after it. */
export function isBoundaryChar(ch: string | undefined): boolean {
  return ch === undefined || !isHan(ch);
}

/** Whether `text` has `word` ending exactly at `end`. */
export function endsWithAt(text: string, end: number, word: string): boolean {
  return end >= word.length && text.startsWith(word, end - word.length);
}

/** Longest word of `words` that ends at `end`, or undefined. `words` must be longest-first. */
export function wordEndingAt(text: string, end: number, words: readonly string[]): string | undefined {
  for (const w of words) if (endsWithAt(text, end, w)) return w;
  return undefined;
}

/** Longest word of `words` that starts at `start`, or undefined. `words` must be longest-first. */
export function wordStartingAt(text: string, start: number, words: readonly string[]): string | undefined {
  for (const w of words) if (text.startsWith(w, start)) return w;
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
