/**
 * Names of people as staff write them: surname + title (张总, 欧阳总, 李娜女士), nicknames (老孟,
 * 小熊), English names (Tony, Kevin王) and full names in a name position (张伟 at the start of a
 * line or after 客户:). Roles (referrer, companion) are decided later from the words around them.
 */
import { isHan, skipRight, wordEndingAt, longestFirst, type ParseContext } from '../context';
import type { Draft, NameKind } from '../draft';
import {
  COMPOUND_SURNAMES,
  FULL_NAME_TITLES,
  GIVEN_WHEN_DELIMITED,
  NAME_PREFIXES,
  NOT_ENGLISH_NAMES,
  NOT_FULL_NAMES,
  NOT_GIVEN,
  NOT_NICKNAMES,
  FUNCTION_SURNAMES,
  SURNAMES,
  SURNAME_ONLY_TITLES,
  TITLE_MODIFIERS,
  TITLES,
  TITLE_VETO_NEXT,
} from '../lexicon/names';
import { AMOUNT_CUES, PARTY_LABELS, PARTY_OPENERS } from '../lexicon/numbers';
import {
  BIRTHDAY_WORDS,
  BOTTLE_CUES,
  NOTE_CUES,
  PHONE_LABELS,
  PREFERENCE_CUES,
} from '../lexicon/words';
import { NAMED_ROOM_SUFFIXES } from '../lexicon/rooms';
import { WordMatcher } from '../words';

const TITLE = new WordMatcher(TITLES);
const SORTED_TITLES = longestFirst(TITLES);
const PREFIXES = longestFirst(NAME_PREFIXES);
/** The words that introduce a name are never one (查一下 刘总 is not a Mr 查). */
const INTRODUCERS: ReadonlySet<string> = new Set(NAME_PREFIXES);
const ENGLISH = /(?<![A-Za-z0-9])[A-Z][A-Za-z]{1,14}(?![A-Za-z0-9])/g;
const NICKNAME = /[老小]([\u3400-\u9fff])/g;
const LOOSE = /(?<=^|[\s,;:!?()【】[\]<>"'])[\u3400-\u9fff]{2,4}(?=$|[\s,;:!?()【】[\]<>"'])/g;
/** Where a message's subject sits: its very start, after brackets or a 客户: label. */
/**
 * Where an English word is a name: message start, after a 客户: label, or right after a command
 * that takes a customer (撤销 Tony must not undo someone else's last record).
 */
const NAME_POSITION =
  /^[\s【[(<"']*(?:(?:客户|客人|顾客|姓名|名字|贵宾)[\s:=]*|(?:撤销|撤回|查|跳过|已回访|合并|把)\s*)?$/;
const LABEL = /(?:客户|客人|顾客|姓名|名字|贵宾)[\s:=]*/g;
const LABEL_HINT = /[客姓名贵]/;
/** What may follow a nickname: 老孟今晚…, 小熊 3人; not 小龙虾, 小黄鱼. */
const NICK_FOLLOWERS = new Set(
  '今昨前上刚来带的说在和跟也又电手生不喜爱是一两三四五六七八九十介过请',
);

export function extractNames(ctx: ParseContext, draft: Draft): void {
  const t = ctx.text;
  titled(ctx, draft);
  if (/[A-Z]/.test(t)) english(ctx, draft);
  if (t.includes('老') || t.includes('小')) nicknames(ctx, draft);
  fullNames(ctx, draft);
  draft.names.sort((a, b) => a.start - b.start);
}

/** Last pass, after rooms and numbers: a lone 2–3 character token such as 今晚 张伟 3人. */
export function extractLooseNames(ctx: ParseContext, draft: Draft): void {
  if (draft.names.length || leadingFullName(ctx, draft)) return;
  LOOSE.lastIndex = 0;
  for (let m = LOOSE.exec(ctx.text); m; m = LOOSE.exec(ctx.text)) {
    const s = m.index;
    if (m[0].length > 3 || !ctx.isFree(s, s + m[0].length)) continue;
    const sl = surnameLength(ctx, s);
    if (sl && givenOk(ctx, s + sl, s + m[0].length, true) && !NOT_FULL_NAMES.has(m[0])) {
      push(ctx, draft, s, s + m[0].length, 'loose');
      return;
    }
  }
}

/** Room suffixes no given name ends with. */
const ROOM_ENDINGS: ReadonlySet<string> = new Set('厅阁');

/** Words that open a field (消费, 电话, 不吃, 存了 …): a name running into one ends there. */
const FIELD_START = new WordMatcher([
  ...AMOUNT_CUES,
  ...PHONE_LABELS,
  ...PREFERENCE_CUES,
  ...NOTE_CUES,
  ...BOTTLE_CUES,
  ...PARTY_LABELS,
  ...PARTY_OPENERS,
]);

/**
 * 仇子涵三个人, 融静电话…, 利桂英口味偏淡: a full name at the start that runs straight into what
 * the other extractors read (a claimed figure) or into a word that opens a field. A field word
 * decides where the name ends (王伟花了3000 is 王伟); otherwise the two-character given name.
 */
function leadingFullName(ctx: ParseContext, draft: Draft): boolean {
  const s = skipRight(ctx.text, 0, ' \n【[(<"\'');
  const sl = surnameLength(ctx, s);
  if (!sl) return false;
  const fits = (given: number): boolean => {
    const e = s + sl + given;
    const word = ctx.text.slice(s, e);
    // Delimited: the field after it ends the name as a space would.
    return givenOk(ctx, s + sl, e, true) && !NOT_FULL_NAMES.has(word) && !INTRODUCERS.has(word);
  };
  const end = (given: number) => s + sl + given;
  const opens = (g: number) =>
    fits(g) ? (FIELD_START.startingAt(ctx.text, end(g))?.length ?? 0) : 0;
  // The longer field word decides: 蒲勇一共1890 is 蒲勇 + 一共, not 蒲勇一 + 共.
  const byField = opens(1) > opens(2) ? 1 : opens(2) > 0 ? 2 : undefined;
  const given = byField ?? [2, 1].find((g) => fits(g) && ctx.claimed[end(g)] === 1);
  if (!given) return false;
  push(ctx, draft, s, end(given), 'full');
  return true;
}

function push(
  ctx: ParseContext,
  draft: Draft,
  start: number,
  end: number,
  kind: NameKind,
  title?: string,
): void {
  ctx.claim(start, end);
  draft.names.push({
    start,
    end,
    name: ctx.original.slice(start, end),
    kind,
    title,
    role: 'customer',
  });
}

function titled(ctx: ParseContext, draft: Draft): void {
  const text = ctx.text;
  for (const { index: p, word: t } of TITLE.all(text)) {
    const q = p + t.length;
    const veto = TITLE_VETO_NEXT.get(t);
    // 总和 is a sum, but 张总和李总 / 张总和夫人 join two people: a name or a bare title follows.
    const joins = nameFollows(text, q + 1) || TITLE.startingAt(text, q + 1) !== undefined;
    const vetoed = veto && text[q] && veto.includes(text[q]) && !joins;
    if (vetoed || !ctx.isFree(p, q)) continue;
    const s = SURNAME_ONLY_TITLES.has(t) ? cantonese(ctx, p, q) : surnameStart(ctx, p, t);
    if (s !== undefined) push(ctx, draft, s, q, 'titled', t);
  }
}

/** 陈生, 欧阳太: a table surname right before, the pair a word of its own (not 花生, 卫生间). */
function cantonese(ctx: ParseContext, p: number, q: number): number | undefined {
  const sl =
    p >= 2 && surnameLength(ctx, p - 2) === 2
      ? 2
      : p >= 1 && surnameLength(ctx, p - 1) === 1
        ? 1
        : 0;
  const s = p - sl;
  if (!sl || NOT_FULL_NAMES.has(ctx.text.slice(s, q))) return undefined;
  // A word of its own on one side at least: 程生 ending a message (…15+3人程生) is one too.
  const after =
    rightBoundary(ctx, q) ||
    NICK_FOLLOWERS.has(ctx.text[q]) ||
    !!FIELD_START.startingAt(ctx.text, q);
  return leftBoundary(ctx, s) ? (after ? s : undefined) : q === ctx.text.length ? s : undefined;
}

/** 吴总和李总: after 和 comes another titled name, so 总和 is not "the sum". */
function nameFollows(text: string, i: number): boolean {
  return isHan(text[i]) && TITLE.startingAt(text, i + 1) !== undefined;
}

/** Where the name before a title starts, or undefined when no surname precedes it. */
function surnameStart(ctx: ParseContext, p: number, title: string): number | undefined {
  if (FULL_NAME_TITLES.has(title)) {
    for (const given of [2, 1]) {
      for (const sl of [2, 1]) {
        const s = p - given - sl;
        if (
          s >= 0 &&
          surnameLength(ctx, s) === sl &&
          givenOk(ctx, s + sl, p) &&
          leftBoundary(ctx, s)
        )
          return s;
      }
    }
  }
  if (p >= 2 && COMPOUND_SURNAMES.has(ctx.text.slice(p - 2, p)) && ctx.isFree(p - 2, p))
    return p - 2;
  if (p >= 1 && SURNAMES.has(ctx.text[p - 1]) && ctx.isFree(p - 1, p)) return p - 1;
  return p >= 1 && anySurname(ctx, p - 1) ? p - 1 : undefined;
}

/**
 * A surname the table lacks: any Han character standing on its own right before a title (洪总,
 * 庹姐, 𠮷总) is a name, unless it is a function, time or number word or a title's modifier (和总经理,
 * 副总, 老总). Standing on its own: at the start, after a space, a figure or a date.
 */
function anySurname(ctx: ParseContext, s: number): boolean {
  const c = ctx.text[s];
  if (!isHan(c) || !ctx.isFree(s, s + 1) || !leftBoundary(ctx, s)) return false;
  return !FUNCTION_SURNAMES.has(c) && !NOT_GIVEN.has(c) && !TITLE_MODIFIERS.has(c);
}

/** A field word (花了, 生日, 电话 …) starts at i. */
function opensField(text: string, i: number): boolean {
  return !!FIELD_START.startingAt(text, i) || BIRTHDAY_WORDS.some((w) => text.startsWith(w, i));
}

/** 2 for a compound surname at s, 1 for a single one, 0 for none. */
function surnameLength(ctx: ParseContext, s: number): number {
  if (COMPOUND_SURNAMES.has(ctx.text.slice(s, s + 2)) && ctx.isFree(s, s + 2)) return 2;
  return SURNAMES.has(ctx.text[s]) && ctx.isFree(s, s + 1) ? 1 : 0;
}

/** `delimited`: the name is a token of its own, so name-like time characters are allowed. */
function givenOk(ctx: ParseContext, from: number, to: number, delimited = false): boolean {
  for (let i = from; i < to; i++) {
    const c = ctx.text[i];
    const banned = NOT_GIVEN.has(c) && !(delimited && GIVEN_WHEN_DELIMITED.has(c));
    if (!isHan(c) || banned || ctx.claimed[i]) return false;
  }
  return to > from;
}

/** A name may start here: start of text, after a non-Han character, a claimed span or 客户/把/和. */
function leftBoundary(ctx: ParseContext, s: number): boolean {
  // 2030元乔董事长: 元 and 块 after a figure are its unit, not a surname.
  if ((ctx.text[s] === '元' || ctx.text[s] === '块') && /\d/.test(ctx.text[s - 1] ?? ''))
    return false;
  return (
    s === 0 ||
    !isHan(ctx.text[s - 1]) ||
    ctx.claimed[s - 1] === 1 ||
    wordEndingAt(ctx.text, s, PREFIXES) !== undefined
  );
}

function rightBoundary(ctx: ParseContext, e: number): boolean {
  return e >= ctx.text.length || !isHan(ctx.text[e]) || ctx.claimed[e] === 1;
}

function english(ctx: ParseContext, draft: Draft): void {
  const text = ctx.text;
  ENGLISH.lastIndex = 0;
  for (let m = ENGLISH.exec(text); m; m = ENGLISH.exec(text)) {
    const s = m.index;
    let e = s + m[0].length;
    if (NOT_ENGLISH_NAMES.has(m[0].toLowerCase()) || !ctx.isFree(s, e)) continue;
    // Kevin王 (a surname after the English name), but not David花了 or Linda生日.
    if (SURNAMES.has(text[e]) && ctx.isFree(e, e + 1) && !opensField(text, e)) e++;
    const title = SORTED_TITLES.find(
      (t) => text.startsWith(t, e) && !SURNAME_ONLY_TITLES.has(t) && !opensField(text, e),
    );
    if (title) e += title.length;
    if (title || NAME_POSITION.test(text.slice(0, s))) push(ctx, draft, s, e, 'english', title);
  }
}

function nicknames(ctx: ParseContext, draft: Draft): void {
  const text = ctx.text;
  NICKNAME.lastIndex = 0;
  for (let m = NICKNAME.exec(text); m; m = NICKNAME.exec(text)) {
    const s = m.index;
    if (!SURNAMES.has(m[1]) || NOT_NICKNAMES.has(m[0]) || !ctx.isFree(s, s + 2)) continue;
    const next = text[s + 2];
    if (leftBoundary(ctx, s) && (rightBoundary(ctx, s + 2) || NICK_FOLLOWERS.has(next))) {
      push(ctx, draft, s, s + 2, 'nickname');
    }
  }
}

/** Surname + given name where a name is expected: message start or after a 客户: label. */
function fullNames(ctx: ParseContext, draft: Draft): void {
  const starts = [skipRight(ctx.text, 0, ' \n【[(<"\'')];
  LABEL.lastIndex = 0;
  if (LABEL_HINT.test(ctx.text)) {
    for (let m = LABEL.exec(ctx.text); m; m = LABEL.exec(ctx.text))
      starts.push(m.index + m[0].length);
  }
  for (const s of starts) {
    // 阿杰, 阿强: the southern way of calling someone by the given name.
    if (ctx.text[s] === '阿' && givenOk(ctx, s + 1, s + 2, true) && rightBoundary(ctx, s + 2)) {
      push(ctx, draft, s, s + 2, 'nickname');
      continue;
    }
    const sl = surnameLength(ctx, s);
    if (!sl) continue;
    for (const given of [2, 1]) {
      const e = s + sl + given;
      const word = ctx.text.slice(s, e);
      const delimited = rightBoundary(ctx, e);
      // 富贵阁, 聚贤厅 (or 富贵 before 阁): a room's name. 轩 ends given names too (王子轩).
      const room = ROOM_ENDINGS.has(ctx.text[e - 1]) || NAMED_ROOM_SUFFIXES.includes(ctx.text[e]);
      const plain = !NOT_FULL_NAMES.has(word) && !INTRODUCERS.has(word) && !room;
      if (delimited && givenOk(ctx, s + sl, e, true) && plain) {
        push(ctx, draft, s, e, 'full');
        break;
      }
    }
  }
}
