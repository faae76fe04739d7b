/**
 * Is the message addressed to the bot? Rules live in lexicon/commands.ts; this file compiles them
 * once and applies them, first match wins. One pass over the message finds every keyword present,
 * so each rule is a few set lookups.
 */
import type { ParseContext } from '../context';
import type { Draft } from '../draft';
import {
  COMMAND_RULES,
  MAX_COMMAND_LENGTH,
  PERIOD_WORDS,
  type CommandRule,
} from '../lexicon/commands';
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
/** Characters every rule pattern needs (A类, B级, VIP客户, 大客户). */
const PATTERN_HINT = /[类级客]/;
const PERIODS = new WordMatcher(PERIOD_WORDS);
/** Reused between calls: the parser is synchronous, so a list is never shared by two messages. */
const found: string[] = [];
const opened: string[] = [];

export function extractCommand(ctx: ParseContext, draft: Draft): void {
  let t = ctx.text.trim();
  if (t[0] === '@') t = t.replace(MENTION, '').trim();
  if (!t || t.length > MAX_COMMAND_LENGTH) return;
  const lower = t.length <= 12 ? t.toLowerCase() : '';
  found.length = 0;
  opened.length = 0;
  KEYWORDS.collect(t, found);
  if (found.length) COMPANIONS.collect(t, found);
  OPENERS.collectAt(t, 0, opened);
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
    if (!matches(c, t, lower)) continue;
    if ((rule.needsName && !hasName) || (rule.noName && hasName) || (rule.noPhone && draft.phone))
      continue;
    if (rule.terse && !isTerse(ctx, rule)) continue;
    draft.command = { name: rule.name, text: ctx.original.trim() };
    return;
  }
}

function matches(c: Compiled, t: string, lower: string): boolean {
  if (c.exact.has(lower)) return true;
  if (opened.length) for (const w of c.starts) if (opened.includes(w)) return true;
  if (c.rule.pattern?.test(t)) return true;
  let word: string | undefined;
  if (!found.length) return false;
  for (const w of found) {
    if (c.contains.has(w)) {
      word = w;
      break;
    }
  }
  if (!word) return false;
  if (!c.with) return true;
  for (const w of found) if (w !== word && c.with.has(w)) return true;
  return Boolean(c.rule.bare) && isBare(t, word);
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
