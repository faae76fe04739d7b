/**
 * Is the message addressed to the bot? Rules live in lexicon/commands.ts; this file compiles them
 * once and applies them, first match wins. One pass over the message finds every keyword present,
 * so each rule is a few set lookups.
 */
import type { ParseContext } from '../context';
import type { Draft } from '../draft';
import {
  COMMAND_RULES,
  FRAME_WORDS,
  MAX_COMMAND_LENGTH,
  PERIOD_WORDS,
  type CommandRule,
} from '../lexicon/commands';
import { COMPOUND_SURNAMES, SURNAMES } from '../lexicon/names';
import { WordMatcher } from '../words';

/** A leading @mention (@回头客, @所有人) is who the message is for, not what it says. */
const MENTION = /^@\S+\s*/;

interface Compiled {
  rule: CommandRule;
  exact: ReadonlySet<string>;
  starts: readonly string[];
  contains: ReadonlySet<string>;
  with: ReadonlySet<string> | undefined;
}

const COMPILED: readonly Compiled[] = COMMAND_RULES.map((rule) => ({
  rule,
  exact: new Set((rule.exact ?? []).map((w) => w.toLowerCase())),
  starts: (rule.starts ?? []).map((w) => w.toLowerCase()),
  contains: new Set(rule.contains ?? []),
  with: rule.with ? new Set(rule.with) : undefined,
}));
const KEYWORDS = new WordMatcher(COMMAND_RULES.flatMap((r) => r.contains ?? []));
const COMPANIONS = new WordMatcher(COMMAND_RULES.flatMap((r) => r.with ?? []));
/** Openers in their written and lower case, so the message itself need not be lower-cased. */
const OPENERS = new WordMatcher(
  COMMAND_RULES.flatMap((r) => (r.starts ?? []).flatMap((w) => [w, w.toLowerCase()])),
);
const EXACT = new Set(COMPILED.flatMap((c) => [...c.exact]));
const PATTERNS = COMPILED.filter((c) => c.rule.pattern);
/** Characters every rule pattern needs (A类, B级, VIP客户, 大客户, 今晚预订, 没接, 打不通, 关机, 占线). */
const PATTERN_HINT = /[类级客订定接通机线]/;
const PERIODS = new WordMatcher(PERIOD_WORDS);
const FRAME = new WordMatcher([...PERIOD_WORDS, ...FRAME_WORDS]);
/** What the own form of a command may hold besides words: digits, Latin letters, punctuation. */
const NOT_WORDS = /[\s\d\p{P}\p{S}A-Za-z]/gu;
/** 30天没来的, 近3个月: a span of time said in figures. */
const SPAN_OF_TIME = /\d+\s*(?:天|日|周|个月|月|年|次)/g;
/** Reused between calls: the parser is synchronous, so a list is never shared by two messages. */
const found: string[] = [];
const opened: string[] = [];

export function extractCommand(ctx: ParseContext, draft: Draft): void {
  let t = ctx.text.trim();
  const lead = ctx.text.length - ctx.text.trimStart().length;
  if (t[0] === '@') t = t.replace(MENTION, '').trim();
  // Where t starts in ctx.text: claims are indexed on the whole message.
  const offset = ctx.text.indexOf(t, lead);
  if (!t || t.length > MAX_COMMAND_LENGTH) return;
  const lower = t.length <= 12 ? t.toLowerCase() : '';
  found.length = 0;
  opened.length = 0;
  KEYWORDS.collect(t, found);
  if (found.length) COMPANIONS.collect(t, found);
  // 查先生 爱喝茅台, 查霞 喜欢靠窗: a command word that is a customer's surname opens no command.
  if (!insideName(draft, offset)) OPENERS.collectAt(t, 0, opened);
  for (let i = opened.length - 1; i >= 0; i--) opened.push(opened[i].toLowerCase());
  // Most messages carry no command word at all: skip the rule walk.
  if (
    !found.length &&
    !opened.length &&
    !EXACT.has(lower) &&
    !(PATTERN_HINT.test(t) && PATTERNS.some((c) => c.rule.pattern?.test(t)))
  ) {
    return;
  }
  const hasName = draft.names.some((n) => n.role !== 'other');
  for (const c of COMPILED) {
    const { rule } = c;
    const words = matches(c, t, lower);
    if (!words) continue;
    const named = hasName || (rule.customer && !!draft.phone);
    const opens = c.starts.some((w) => opened.includes(w));
    if (
      (rule.needsName && !named) ||
      (rule.noName && hasName) ||
      (rule.noPhone && draft.phone && !opens)
    )
      continue;
    if (rule.terse && !isTerse(ctx, rule)) continue;
    if (rule.customer) phoneTail(ctx, draft, offset);
    const standalone = words === true || ownForm(ctx, draft, rule, t, offset, words);
    draft.command = { name: rule.name, text: ctx.original.trim(), standalone };
    if (rule.customer) draft.command.aboutCustomer = true;
    return;
  }
}

/**
 * Four digits on their own (张总 8000, 尾号8000, 已回访 2222 很满意): the end of a phone, not money,
 * a year, a time or a count, and not a group of a phone typed 138 0013 8000.
 */
const TAIL =
  /(?<![\d.:/+¥￥$-])\d{4}(?![\d.:/%-]|\s*(?:元|块|人|位|年|月|日|号|天|次|个|桌|点|分|万|千|[kKwW]))/g;

function phoneTail(ctx: ParseContext, draft: Draft, offset: number): void {
  const phones = [draft.phone?.span, draft.outOfRange.phone?.span].filter((p) => !!p);
  TAIL.lastIndex = offset;
  for (let m = TAIL.exec(ctx.text); m; m = TAIL.exec(ctx.text)) {
    const inPhone = phones.some((p) => m!.index >= p.index && m!.index < p.index + p.text.length);
    if (inPhone) continue;
    draft.phoneTail = ctx.field(m[0], m.index, m.index + 4);
    return;
  }
}

function insideName(draft: Draft, i: number): boolean {
  return draft.names.some((n) => n.start <= i && i < n.end);
}

/** The command's words as found in `t`, or true when the whole message is one of its forms. */
function matches(c: Compiled, t: string, lower: string): string[] | true | undefined {
  if (c.exact.has(lower)) return true;
  if (opened.length)
    for (const w of c.starts) if (opened.includes(w)) return [t.slice(0, w.length)];
  const m = c.rule.pattern?.exec(t);
  if (m) return [m[0]];
  if (!found.length) return undefined;
  const own = found.filter((w) => c.contains.has(w));
  if (!own.length) return undefined;
  if (!c.with) return own;
  const second = found.filter((w) => !own.includes(w) && c.with?.has(w));
  if (second.length) return [...own, ...second];
  return c.rule.bare && isBare(t, own[0]) ? own : undefined;
}

/**
 * Whether the message is the command and nothing else: its words, names, phones, figures, dates,
 * period and frame words. A room or table before the command word is what the talk is about
 * (8号桌改成12人); one after it is the value (包间改成牡丹厅).
 */
function ownForm(
  ctx: ParseContext,
  draft: Draft,
  rule: CommandRule,
  t: string,
  offset: number,
  words: string[],
): boolean {
  const end = offset + t.length;
  const said = new Uint8Array(end);
  let at = end;
  for (const w of words)
    for (let i = ctx.text.indexOf(w, offset); i >= 0 && i < end; i = ctx.text.indexOf(w, i + 1)) {
      said.fill(1, i, i + w.length);
      at = Math.min(at, i);
    }
  let rest = '';
  for (let i = offset; i < end; i++) {
    const talkedAbout = i < at && draft.roomSpans.some(([s, e]) => i >= s && i < e);
    rest += said[i] || (ctx.claimed[i] && !talkedAbout) ? ' ' : ctx.text[i];
  }
  rest = FRAME.strip(rest.replace(SPAN_OF_TIME, ' ')).replace(NOT_WORDS, ' ').trim();
  if (!rest) return true;
  if (rule.form === 'args') return opensWithArgs(rule, t);
  if (rule.form === 'result')
    return draft.names.some((n) => n.kind !== 'loose') || !!draft.phone || !!draft.phoneTail;
  return rule.form === 'subject' && looksLikeName(rest);
}

/** 设置 截止时间 04:00: the command's longest word opens the message, a space or colon after it. */
function opensWithArgs(rule: CommandRule, t: string): boolean {
  const opening = [...(rule.starts ?? []), ...(rule.contains ?? [])].filter((w) => t.startsWith(w));
  const n = Math.max(0, ...opening.map((w) => w.length));
  return n > 0 && (n === t.length || /[\s::]/.test(t[n]));
}

/** One short Han token that starts with a surname: 张建国, 欧阳娜娜. */
function looksLikeName(token: string): boolean {
  if (!/^[\u3400-\u9fff]{2,4}$/.test(token)) return false;
  return SURNAMES.has(token[0]) || COMPOUND_SURNAMES.has(token.slice(0, 2));
}

/** At most a few characters besides names, dates, the keyword and 再/联系. */
function isTerse(ctx: ParseContext, rule: CommandRule): boolean {
  let rest = '';
  for (let i = 0; i < ctx.text.length; i++) if (!ctx.claimed[i]) rest += ctx.text[i];
  for (const w of [...(rule.contains ?? []), '再', '联系', '回访', '吧'])
    rest = rest.split(w).join('');
  return rest.replace(/\s/g, '').length <= 2;
}

/** 本周营业额: nothing but period words around the keyword. */
function isBare(t: string, word: string): boolean {
  const rest = t.replace(word, '');
  let left = 0;
  for (let i = 0; i < rest.length;) {
    const p = PERIODS.startingAt(rest, i);
    if (p) i += p.length;
    else {
      if (rest[i] !== ' ') left++;
      i++;
    }
  }
  return left === 0;
}
