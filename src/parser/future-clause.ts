/**
 * Clauses about a table still to come. A customer's words reported by staff (张总说周六过来,
 * 李姐讲明天要来, 王总打电话说下周三带客户来) are no table that closed: at most a booking. A
 * booking clause (王总订了周六, 李姐周五要来) is one too. A weekday alone in either is the coming
 * one, not the one just gone.
 */
import { alternation } from './context';
import { PLAN_WORDS, RESERVING_CUES, SPEECH_VERBS } from './lexicon/words';

/** One clause: no sentence or comma break (a space does not end it: 说周六 过来). */
const CLAUSE_CHAR = '[^,;!?。\\n]';
/** A 来 still to come: not 来了/来过/来的/来吃过, not 上次来/以前来/没来/刚来/已来/从来. */
const COMING = `(?:${alternation(PLAN_WORDS)}|(?<![次前没刚已从])来(?![了过的]|[吃喝坐玩][了过的]))`;
/** The speech verb to the last coming word within a few characters of its clause. */
const REPORTED = new RegExp(`(?:${alternation(SPEECH_VERBS)})${CLAUSE_CHAR}{0,16}${COMING}`, 'g');
/** 订了6人 / 订牡丹厅 / 订周六: a table is booked (订了蛋糕 orders a cake for a table that came). */
export const TABLE_BOOKED =
  /订(?:了|个|好|下)?\s*(?:\d|[一两二三四五六七八九十]|包|房|厅|桌|位|座|间|明|后|下|周)/;
const BOOKING_CLAUSE = new RegExp(`${alternation(RESERVING_CUES)}|${TABLE_BOOKED.source}`);
const IN_CLAUSE = new RegExp(`^${CLAUSE_CHAR}$`);

type Span = readonly [number, number];

/** The last message's spans: its dates, weekdays and signals all ask, one scan answers them. */
let last: { text: string; spans: readonly Span[] } | undefined;

/** Spans [start, end) of reported future speech: 说周六过来 in 张总说周六过来 6个人. */
export function reportedSpans(text: string): readonly Span[] {
  if (last?.text === text) return last.spans;
  const spans: Span[] = [];
  REPORTED.lastIndex = 0;
  for (let m = REPORTED.exec(text); m; m = REPORTED.exec(text))
    spans.push([m.index, m.index + m[0].length]);
  last = { text, spans };
  return spans;
}

export function isReported(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some(([s, e]) => start >= s && end <= e);
}

/** Whether [start, end) sits in reported future speech or in a clause that books a table. */
export function inFutureClause(text: string, start: number, end: number): boolean {
  if (isReported(reportedSpans(text), start, end)) return true;
  return BOOKING_CLAUSE.test(clauseAround(text, start, end));
}

function clauseAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && IN_CLAUSE.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && IN_CLAUSE.test(text[e])) e++;
  return text.slice(s, e);
}
