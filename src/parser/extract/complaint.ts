/**
 * A complaint in what a customer said (张总 投诉 菜太咸, 李姐说服务太慢 很不满意, 已回访 张总 说上次
 * 的鱼不新鲜): the rules are in lexicon/complaints.ts. Runs last, after names, figures and
 * commands have claimed their text, so what was said is the unclaimed clause around the hits.
 */
import type { ParseContext } from '../context';
import type { Draft } from '../draft';
import {
  BAD_CLEAR,
  BAD_MORE,
  COMPLAINT_HINT,
  COMPLAINT_WORDS,
  GOOD,
  LEAD_WORDS,
  MILD,
  NEGATORS,
  NOT_QUITE,
  STRONG,
} from '../lexicon/complaints';
import { WordMatcher } from '../words';

const WORDS = new WordMatcher(COMPLAINT_WORDS);
const STRONGS = new WordMatcher(STRONG);
const MILDS = new WordMatcher(MILD);
const CLEAR = new WordMatcher(BAD_CLEAR);
const ANY_BAD = new WordMatcher([...BAD_CLEAR, ...BAD_MORE]);
const GOODS = new WordMatcher(GOOD);
const QUITE = new WordMatcher(NOT_QUITE);
const NEGATING = new WordMatcher(NEGATORS);
const LEADS = new WordMatcher(LEAD_WORDS);
/** Commands that are about complaints themselves (投诉处理, 本月投诉), not one. */
const ABOUT_COMPLAINTS = new Set(['complaint.close', 'query.complaints']);
/** Spaces and punctuation around what was said. */
const EDGE = /^[\s,,。.、::;;!!]+|[\s,,。.、::;;!!]+$/g;

interface Hit {
  start: number;
  end: number;
}

export function extractComplaint(ctx: ParseContext, draft: Draft): void {
  const t = ctx.text;
  if (!COMPLAINT_HINT.test(t) || ABOUT_COMPLAINTS.has(draft.command?.name ?? '')) return;
  let first: Hit | undefined;
  let last: Hit | undefined;
  for (let i = 0; i < t.length; i++) {
    const end = hitAt(t, i);
    if (end === 0 || negated(t, i)) continue;
    first ??= { start: i, end };
    last = { start: i, end };
  }
  if (!first || !last) return;
  const start = saidFrom(ctx, last.start);
  let end = last.end;
  while (end < t.length && !ctx.claimed[end]) end++;
  // 王总那桌 4人 投诉 says nothing of what: talk about a table, no case to open.
  const said = stripLead(ctx.typed(start, end).replace(EDGE, ''));
  if (said) draft.complaint = ctx.field(said, start, end);
}

/** End of a complaint starting at `i` (0: none there). */
function hitAt(t: string, i: number): number {
  const word = WORDS.startingAt(t, i);
  if (word) return i + word.length;
  const strong = STRONGS.startingAt(t, i);
  if (strong) {
    const bad = ANY_BAD.startingAt(t, i + strong.length);
    if (bad) return i + strong.length + bad.length;
  }
  const mild = MILDS.startingAt(t, i);
  if (mild) {
    const bad = CLEAR.startingAt(t, i + mild.length);
    if (bad) return i + mild.length + bad.length;
  }
  if (t[i] === '不') {
    // 不太满意 / 不够新鲜, or 不热 where 热 is also read as the start of 不很…
    const quite = QUITE.startingAt(t, i + 1)?.length ?? 0;
    for (const at of quite ? [i + 1 + quite, i + 1] : [i + 1]) {
      const good = GOODS.startingAt(t, at);
      if (good) return at + good.length;
    }
  }
  return 0;
}

/** 没有不满意, 不是很慢, 不太咸, 并没有投诉: a negator just before the hit (a space between allowed). */
function negated(t: string, i: number): boolean {
  let j = i;
  while (j > 0 && t[j - 1] === ' ') j--;
  for (let k = Math.max(0, j - 3); k < j; k++) {
    const w = NEGATING.startingAt(t, k);
    if (w && k + w.length === j) return true;
  }
  return false;
}

/** What was said starts after the last name, figure or date before the complaint. */
function saidFrom(ctx: ParseContext, hit: number): number {
  let s = hit;
  while (s > 0 && !ctx.claimed[s - 1]) s--;
  return s;
}

function stripLead(said: string): string {
  let out = said;
  for (let lead = LEADS.startingAt(out, 0); lead; lead = LEADS.startingAt(out, 0))
    out = out.slice(lead.length).replace(EDGE, '');
  return out;
}
