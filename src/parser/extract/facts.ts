/**
 * Everything else worth keeping: occasion, who introduced the customer and who came along,
 * preferences and taboos, notes, stored bottles, company, position, gender.
 */
import { alternation, skipLeft, skipRight, type ParseContext } from '../context';
import type { Draft, NameHit } from '../draft';
import { TITLE_GENDER } from '../lexicon/names';
import {
  BIRTHDAY_WORDS,
  BOTTLE_CUES,
  COMPANION_BEFORE,
  COMPANY_LABELS,
  COMPANY_SUFFIXES,
  NOTE_CUES,
  OCCASIONS,
  POSITION_LABELS,
  PREFERENCE_CUES,
  REFERRAL_AFTER,
  REFERRAL_BEFORE,
} from '../lexicon/words';
import { CueMatcher, WordMatcher } from '../words';

const OCCASION = new WordMatcher(OCCASIONS.keys());
const REF_AFTER = new WordMatcher(REFERRAL_AFTER);
const REF_BEFORE = new WordMatcher(REFERRAL_BEFORE);
const WITH_BEFORE = new WordMatcher(COMPANION_BEFORE);
const PREFS = new WordMatcher(PREFERENCE_CUES);
const NOTES = new WordMatcher(NOTE_CUES);
const BOTTLES = new WordMatcher(BOTTLE_CUES);
const BIRTHDAY = new WordMatcher(BIRTHDAY_WORDS);
const [CLAUSE, COMPANY, BIRTH] = [1, 2, 4];
/** One pass tells which of the slower steps below can find anything at all. */
const HINTS = new CueMatcher([
  [...PREFERENCE_CUES, ...NOTE_CUES, ...BOTTLE_CUES],
  [...COMPANY_LABELS, ...COMPANY_SUFFIXES, ...POSITION_LABELS, '性别'],
  BIRTHDAY_WORDS,
]);
/** Cues that end their clause (海鲜过敏) rather than open it. */
const SUFFIX_CUES = new Set(['过敏']);
const SEGMENT = /[^\s,;!?()【】[\]<>]+/g;
const COMPANY_LABEL = new RegExp(
  `(?:${alternation(COMPANY_LABELS)})\\s*[:=]?\\s*([\\u3400-\\u9fffA-Za-z0-9]{2,20})`,
  'g',
);
const COMPANY_NAME = new RegExp(
  `[\\u3400-\\u9fffA-Za-z0-9]{2,16}?(?:${alternation(COMPANY_SUFFIXES)})`,
  'g',
);
const POSITION = new RegExp(
  `(?:${alternation(POSITION_LABELS)})\\s*[:=]?\\s*([\\u3400-\\u9fffA-Za-z]{2,12})`,
  'g',
);
const GENDER = /性别\s*[:=]?\s*([男女])/;

export function extractFacts(ctx: ParseContext, draft: Draft): void {
  const hints = HINTS.flags(ctx.text);
  occasion(ctx, draft, (hints & BIRTH) !== 0);
  if (draft.names.length) roles(ctx, draft);
  if (hints & CLAUSE) clauses(ctx, draft);
  if (hints & COMPANY) profileLabels(ctx, draft);
  gender(ctx, draft);
}

function occasion(ctx: ParseContext, draft: Draft, birthdayWord: boolean): void {
  const hit = OCCASION.find(ctx.text);
  if (hit) {
    const end = hit.index + hit.word.length;
    draft.occasion = ctx.field(OCCASIONS.get(hit.word) ?? hit.word, hit.index, end);
  } else if (birthdayWord && !draft.birthday && draft.date) {
    // 今天生日 with no birthday date given: the table was a birthday dinner.
    const b = BIRTHDAY.find(ctx.text);
    if (b) draft.occasion = ctx.field('生日宴', b.index, b.index + b.word.length);
  }
}

/** 张总介绍的 / 由李姐介绍 make a referrer; 和王总一起 a companion. */
function roles(ctx: ParseContext, draft: Draft): void {
  const text = ctx.text;
  for (const n of draft.names) {
    const right = skipRight(text, n.end, ' ');
    const left = skipLeft(text, n.start, ' ');
    const before = REF_BEFORE.endingAt(text, left);
    if (
      REF_AFTER.startingAt(text, right) ||
      (before && /介绍|推荐/.test(text.slice(n.end, n.end + 4)))
    ) {
      n.role = 'referrer';
    } else if (WITH_BEFORE.endingAt(text, left) && n !== primary(draft)) {
      n.role = 'companion';
      draft.companions.push(ctx.field(n.name, n.start, n.end));
    } else if (
      text.startsWith('离职', right) ||
      /(转给|交给|转交给|移交给|交接给)$/.test(text.slice(0, left))
    ) {
      n.role = 'other'; // staff in a transfer, not a customer
    }
  }
}

function primary(draft: Draft): NameHit | undefined {
  return draft.names.find((n) => n.role === 'customer');
}

/** Space/punctuation separated clauses that open with a preference, note or bottle cue. */
function clauses(ctx: ParseContext, draft: Draft): void {
  SEGMENT.lastIndex = 0;
  for (let m = SEGMENT.exec(ctx.text); m; m = SEGMENT.exec(ctx.text)) {
    let s = m.index;
    const end = s + m[0].length;
    while (s < end && ctx.claimed[s]) s++; // 陈总不吃香菜 → 不吃香菜
    if (s < end) clause(ctx, draft, s, end);
  }
}

function clause(ctx: ParseContext, draft: Draft, start: number, end: number): void {
  const text = ctx.text;
  // 不吃香菜喜欢靠窗 is two preferences: cut before every opening cue.
  const cuts = [start];
  for (let i = start; i < end;) {
    const w = PREFS.startingAt(text, i);
    if (w && !SUFFIX_CUES.has(w)) {
      if (i > start) cuts.push(i);
      i += w.length;
    } else i++;
  }
  cuts.push(end);
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k], cuts[k + 1]];
    const piece = text.slice(a, b);
    if (BOTTLES.startingAt(text, a)) draft.bottles.push(ctx.field(piece, a, b));
    else if (PREFS.has(piece)) draft.preferences.push(ctx.field(piece, a, b));
    else if (NOTES.startingAt(text, a) && b - a > 2) draft.notes.push(ctx.field(piece, a, b));
  }
}

function profileLabels(ctx: ParseContext, draft: Draft): void {
  for (const re of [COMPANY_LABEL, POSITION]) {
    re.lastIndex = 0;
    const m = re.exec(ctx.text);
    if (!m) continue;
    const start = m.index + m[0].length - m[1].length;
    const f = ctx.field(m[1], start, start + m[1].length);
    if (re === POSITION) draft.position = f;
    else draft.company = f;
  }
  if (draft.company) return;
  COMPANY_NAME.lastIndex = 0;
  for (let m = COMPANY_NAME.exec(ctx.text); m; m = COMPANY_NAME.exec(ctx.text)) {
    let s = m.index;
    const end = s + m[0].length;
    while (s < end && ctx.claimed[s]) s++;
    if (end - s > 2 && ctx.isFree(s, end)) {
      draft.company = ctx.field(ctx.text.slice(s, end), s, end);
      return;
    }
  }
}

function gender(ctx: ParseContext, draft: Draft): void {
  const m = ctx.text.includes('性别') ? GENDER.exec(ctx.text) : null;
  if (m) {
    const i = m.index + m[0].length - 1;
    draft.gender = ctx.field(m[1] as '男' | '女', i, i + 1);
    return;
  }
  const n = primary(draft);
  const g = n?.title ? TITLE_GENDER.get(n.title) : undefined;
  if (n && g) draft.gender = ctx.field(g, n.end - (n.title?.length ?? 0), n.end, true);
}
