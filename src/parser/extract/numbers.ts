/**
 * Head count and money. Every number run not explained by an earlier extractor is classified by
 * the words around it: 3人/3位/4pax are people, 消费2800/2800元/¥2,800/2.8k are money, 8点 and
 * 2瓶 are neither, and a bare 2800 is a money candidate the refiner may use.
 */
import { isHan, skipLeft, type ParseContext } from '../context';
import type { AmountKind, Draft } from '../draft';
import {
  AMOUNT_CUES,
  COUNTER_LIKE_VERBS,
  CURRENCY_SUFFIXES,
  NOT_BILL_CUES,
  ORIGINAL_CUES,
  OTHER_COUNTERS,
  PAID_CUES,
  PARTY_LABELS,
  PARTY_SUFFIXES,
  PARTY_WORDS,
  PER_PERSON_CUES,
} from '../lexicon/numbers';
import { readNumberAt, startsNumber, type NumberToken } from '../numerals';
import { WordMatcher } from '../words';

const CUES = new WordMatcher([...AMOUNT_CUES, ...ORIGINAL_CUES, ...PER_PERSON_CUES]);
const ORIGINAL = new Set(ORIGINAL_CUES);
const PER_PERSON = new Set(PER_PERSON_CUES);
const CURRENCY = new WordMatcher(CURRENCY_SUFFIXES);
const PARTY_AFTER = new WordMatcher(PARTY_SUFFIXES);
const PARTY_BEFORE = new WordMatcher(PARTY_LABELS);
const COUNTERS = new WordMatcher(OTHER_COUNTERS);
const NOT_BILL = new WordMatcher(NOT_BILL_CUES);
const VERB_NOT_COUNTER = new WordMatcher(COUNTER_LIKE_VERBS);
const PARTY_WORD = new WordMatcher(PARTY_WORDS.keys());
/** 4+2人, 4加2位: people joined by + (two who came later) are one party. */
const JOINED_PARTY = /^(\d{1,3})\s?(?:[+＋]|加)\s?(\d{1,3})\s?(?=人|位|个人|pax)/;
/** 3大1小 → 4, 6男2女 → 8, 两个大人一个小孩 → 3, 2位大人和1个孩子 → 3. */
const MIXED_PARTY =
  /^(\d{1,3}|[一二两三四五六七八九十]{1,2})\s?[个位]?[大男](?:人)?\s?(?:[+＋加和带]\s?)?(\d{1,3}|[一二两三四五六七八九十]{1,2})\s?[个位]?(?:小孩子|小孩|小朋友|孩子|小|女)/;
/** What may follow the first figure of a mixed party: 3大, 6男, 两个大人. */
const MIXED_OPENS = /^[个位]?[大男]/;
/** 俩 / 仨 after a word (哥俩, 姐妹仨) or standing alone (今晚 仨), when the list did not cover it. */
const LIANG_SA = /(?<=[\u3400-\u9fff]|^|\s)[俩仨](?![\u3400-\u9fff])/g;
const MAX_PARTY = 500;
const MAX_AMOUNT = 10_000_000;
/** Bare numbers above this are more likely IDs or part of a phone than a bill. */
const MAX_BARE = 1_000_000;

export function extractNumbers(ctx: ParseContext, draft: Draft): void {
  partyWords(ctx, draft);
  const text = ctx.text;
  for (let i = 0; i < text.length;) {
    if (
      ctx.claimed[i] ||
      !(startsNumber(text, i) || (text[i] === '¥' && startsNumber(text, skipSpace(text, i + 1))))
    ) {
      i++;
      continue;
    }
    const yen = text[i] === '¥';
    const tok = readNumberAt(text, yen ? skipSpace(text, i + 1) : i);
    if (!tok) {
      i++;
      continue;
    }
    if (ctx.isFree(tok.start, tok.end) && Number.isFinite(tok.value))
      classify(ctx, draft, tok, yen ? i : tok.start);
    i = Math.max(tok.end, i + 1);
  }
  if (draft.amounts.length > 1 && /[+＋加]/.test(text)) sumJoined(text, draft);
}

/** 1200+酒水800, 菜金2000加酒水1000: parts of one bill joined by + are added up. */
const JOINED = /^\s*(?:[+＋]|加上?)\s*[\u4e00-\u9fff]{0,3}[::]?\s*$/;

function sumJoined(text: string, draft: Draft): void {
  const a = draft.amounts;
  for (let i = a.length - 1; i > 0; i--) {
    const [x, y] = [a[i - 1], a[i]];
    if (
      x.kind === 'perPerson' ||
      y.kind === 'perPerson' ||
      !JOINED.test(text.slice(x.end, y.start))
    )
      continue;
    a.splice(i - 1, 2, {
      start: x.start,
      end: y.end,
      value: x.value + y.value,
      kind: x.kind === 'bare' ? y.kind : x.kind,
    });
  }
}

function skipSpace(text: string, i: number): number {
  while (text[i] === ' ') i++;
  return i;
}

function partyWords(ctx: ParseContext, draft: Draft): void {
  for (const { index, word } of PARTY_WORD.all(ctx.text)) partyWord(ctx, draft, index, word);
  if (!ctx.text.includes('俩') && !ctx.text.includes('仨')) return;
  LIANG_SA.lastIndex = 0;
  for (let m = LIANG_SA.exec(ctx.text); m; m = LIANG_SA.exec(ctx.text))
    partyWord(ctx, draft, m.index, m[0]);
}

function partyWord(ctx: ParseContext, draft: Draft, index: number, word: string): void {
  const end = index + word.length;
  if (!ctx.isFree(index, end)) return;
  // 十一个人 / 二十两人: the word's numeral ends a bigger number, read as a count below.
  if (startsNumber(ctx.text, index) && index > 0 && startsNumber(ctx.text, index - 1)) return;
  ctx.claim(index, end);
  const value = PARTY_WORDS.get(word) ?? (word === '仨' ? 3 : 2);
  draft.partySize ??= ctx.field(value, index, end);
}

function classify(ctx: ParseContext, draft: Draft, tok: NumberToken, from: number): void {
  const text = ctx.text;
  if (from === tok.start && negative(ctx, draft, tok)) return;
  const after = skipSpace(text, tok.end);
  const next = text[after];
  const mixed = MIXED_OPENS.test(text.slice(after, after + 2))
    ? MIXED_PARTY.exec(text.slice(tok.start, tok.start + 16))
    : null;
  if (mixed) {
    const total = mixedTotal(mixed);
    if (total) return setParty(ctx, draft, total, tok.start, tok.start + mixed[0].length);
  }
  const joined = next === '+' || next === '加' ? JOINED_PARTY.exec(text.slice(tok.start)) : null;
  if (joined) {
    const end = tok.start + joined[0].length;
    const suffix = PARTY_AFTER.startingAt(text, end)?.length ?? 0;
    return setParty(ctx, draft, Number(joined[1]) + Number(joined[2]), tok.start, end + suffix);
  }
  // 2800 人均933: 人 there starts the next figure, it does not count people.
  const partyWord =
    text.startsWith('人均', after) || text.startsWith('人民币', after)
      ? undefined
      : PARTY_AFTER.startingAt(text, after);
  const left = skipLeft(text, from, ' :=');
  const label = partyWord ? undefined : PARTY_BEFORE.endingAt(text, left);
  if (partyWord) return setParty(ctx, draft, tok.value, tok.start, after + partyWord.length);
  // 来了8个 at the end of a clause; 点了3个菜 counts dishes.
  if (text[after] === '个' && !isHan(text[after + 1]))
    return setParty(ctx, draft, tok.value, tok.start, after + 1);
  if (label) return setParty(ctx, draft, tok.value, left - label.length, tok.end);
  // 花了七八千 is a guess at the bill: left for the bot to ask, never recorded as paid.
  if (tok.approximate) return;
  const unit = CURRENCY.startingAt(text, after);
  const cue = CUES.endingAt(text, left);
  const end = unit ? after + unit.length : tok.end;
  if (!cue && NOT_BILL.endingAt(text, left)) return ctx.claim(from, end);
  if (cue) return addAmount(ctx, draft, tok.value, cueKind(cue), from, end);
  if (unit || from !== tok.start) return addAmount(ctx, draft, tok.value, 'currency', from, end);
  // 8点, 2瓶, 30天: something else; but 2800 张总 is money followed by a name (张 is claimed).
  // 一万三 两个人: a numeral (两) after a space starts the next figure, it is no unit of weight.
  // 2600 点了佛跳墙 orders a dish; 11点了 is the time (no hour is above 24).
  const verb = tok.value > 24 && VERB_NOT_COUNTER.startingAt(text, after);
  const counter = !ctx.claimed[after] && !verb && COUNTERS.startingAt(text, after);
  if (counter && !(after > tok.end && startsNumber(text, after))) return;
  if (tok.scaled && tok.value >= 100) return addAmount(ctx, draft, tok.value, 'scaled', from, end);
  if (tok.arabic && tok.value >= 10 && tok.value <= MAX_BARE)
    addAmount(ctx, draft, tok.value, 'bare', from, end);
}

/**
 * 消费-2800, ¥-2800, a lone -2800: a minus sign on a bill, which no table pays. A dash between
 * words (张总-3人-2800) is a separator, so it only counts after a space, a cue or ¥.
 */
function negative(ctx: ParseContext, draft: Draft, tok: NumberToken): boolean {
  const text = ctx.text;
  const minus = tok.start - 1;
  if (text[minus] !== '-' || !ctx.isFree(minus, tok.end)) return false;
  const left = skipLeft(text, minus, ' :=');
  const signed =
    left === 0 || text[minus - 1] === ' ' || text[left - 1] === '¥' || !!CUES.endingAt(text, left);
  if (!signed || !Number.isFinite(tok.value)) return false;
  const end = tok.end + (CURRENCY.startingAt(text, skipSpace(text, tok.end))?.length ?? 0);
  ctx.claim(minus, end);
  draft.outOfRange.amount ??= ctx.field(-tok.value, minus, end);
  return true;
}

function cueKind(cue: string): AmountKind {
  if (PAID_CUES.has(cue)) return 'paid';
  if (ORIGINAL.has(cue)) return 'original';
  if (PER_PERSON.has(cue)) return 'perPerson';
  return 'cued';
}

function mixedTotal(m: RegExpExecArray): number | undefined {
  const a = readNumberAt(m[1], 0)?.value ?? Number.NaN;
  const b = readNumberAt(m[2], 0)?.value ?? Number.NaN;
  const total = a + b;
  return Number.isFinite(total) && total > 0 && total <= MAX_PARTY ? total : undefined;
}

function setParty(
  ctx: ParseContext,
  draft: Draft,
  value: number,
  start: number,
  end: number,
): void {
  const s = Math.max(0, start);
  if (!Number.isInteger(value) || value < 1 || value > MAX_PARTY) {
    // 0人 / 600人 was said as a head count: remembered to be questioned, never read as money.
    if (Number.isInteger(value) && value >= 0) {
      ctx.claim(s, end);
      draft.outOfRange.partySize ??= ctx.field(value, s, end);
    }
    return;
  }
  ctx.claim(s, end);
  draft.partySize ??= ctx.field(value, s, end);
}

function addAmount(
  ctx: ParseContext,
  draft: Draft,
  value: number,
  kind: AmountKind,
  start: number,
  end: number,
): void {
  if (!(value > 0) || value > MAX_AMOUNT) {
    // 消费0 / 消费2000万 was said as money: questioned later; a bare 0 is just a digit.
    if (kind !== 'bare' && Number.isFinite(value)) {
      ctx.claim(start, end);
      draft.outOfRange.amount ??= ctx.field(value, start, end);
    }
    return;
  }
  ctx.claim(start, end);
  draft.amounts.push({ start, end, value, kind });
}
