/**
 * 回头客's message parser. Shaped like chrono-node: extractors each find one kind of field and
 * claim the text they explain, refiners choose between competing findings, and a combiner decides
 * the intent. Pure: the clock and the store's zone come in through `opts`.
 */
import { clockOf, ParseContext } from './context';
import { combine } from './combine';
import { emptyDraft, type Draft } from './draft';
import { extractCommand } from './extract/command';
import { extractComplaint } from './extract/complaint';
import { extractNames, extractLooseNames } from './extract/customer';
import { extractClockTime } from './extract/clock-time';
import { extractDates } from './extract/date';
import { extractFacts } from './extract/facts';
import { extractNumbers } from './extract/numbers';
import { extractPhone } from './extract/phone';
import { extractNamedRoom, extractRoom } from './extract/room';
import { normalise } from './normalize';
import { severalVisits } from './several';
import { chooseAmount, chooseCustomer } from './refine';
import type { Field, ParseOptions, Reading } from './reading';

export type * from './reading';

type Extractor = (ctx: ParseContext, draft: Draft) => void;

/** Most specific first: a phone's digits are not money, 3号包厢 is not three people. */
const EXTRACTORS: readonly Extractor[] = [
  extractPhone,
  extractDates,
  extractNames,
  extractRoom,
  extractClockTime,
  extractNumbers,
  extractNamedRoom,
  extractLooseNames,
  extractFacts,
  extractCommand,
  extractComplaint,
];

/** Fallback for options a caller got wrong: a message must still get a reading. */
const DEFAULT_OPTIONS: ParseOptions = {
  now: new Date(0),
  timeZone: 'Asia/Shanghai',
  businessDayCutoff: '05:00',
};

/** For callers that cannot tell anyone (a sheet cell): a parser bug reads as no record. */
export function parseMessage(text: string, opts: ParseOptions): Reading {
  try {
    return readMessage(text, opts);
  } catch {
    return { intent: 'none', missing: [], confidence: 0 };
  }
}

/** The bot's reading: a parser bug throws, so the bot can log it, count it and say sorry. */
export function readMessage(text: string, opts: ParseOptions): Reading {
  const [ctx, draft] = run(text, opts, EXTRACTORS);
  const reading = combine(ctx, draft);
  if (reading.intent !== 'visit' || !mayHoldTwo(draft)) return reading;
  const several = severalVisits(text, (t) => combine(...run(t, opts, EXTRACTORS)));
  if (!several) return reading;
  // The fields of the whole message mix the tables (张总's name, 李总's bill): a reader of the
  // top-level fields sees the first table, and `several` holds them all.
  return 'tangled' in several
    ? { ...reading, tangled: true }
    : { ...several.records[0], several: several.records };
}

/**
 * Two tables need two customers, or two bills when the second name is one only a clause alone
 * reveals (a loose name is looked for once per message): anything less is one table, and its
 * clauses are not parsed again. A referrer (张总介绍的) stays one in its clause, so it is no table;
 * a companion (和李总一起) is the first name of its clause, so it may be.
 */
function mayHoldTwo(draft: Draft): boolean {
  if (draft.amounts.length > 1) return true;
  const names = new Set<string>();
  for (const n of draft.names)
    if (n.role === 'customer' || n.role === 'companion') names.add(n.name);
  return names.size > 1;
}

function run(
  text: string,
  opts: ParseOptions,
  extractors: readonly Extractor[],
): [ParseContext, Draft] {
  const original = typeof text === 'string' ? text : '';
  const ctx = new ParseContext(original, normalise(original), safeClock(opts));
  const draft = emptyDraft();
  for (const extract of extractors) extract(ctx, draft);
  return [ctx, draft];
}

function safeClock(opts: ParseOptions): ReturnType<typeof clockOf> {
  try {
    return clockOf(opts);
  } catch {
    return clockOf({
      ...DEFAULT_OPTIONS,
      now: opts?.now instanceof Date && !isNaN(+opts.now) ? opts.now : DEFAULT_OPTIONS.now,
    });
  }
}

/** Readers for completing a half-finished visit from a follow-up answer ("2800", "3位", "张总"). */
const AMOUNT_PASS: readonly Extractor[] = [
  extractPhone,
  extractDates,
  extractNames,
  extractRoom,
  extractNumbers,
  extractNamedRoom,
];

export function readAmount(text: string): Field<number> | undefined {
  return attempt(() => {
    const [ctx, draft] = run(text, DEFAULT_OPTIONS, AMOUNT_PASS);
    const a = chooseAmount(draft);
    return a ? ctx.field(a.value, a.start, a.end) : undefined;
  });
}

/** A lone number ("3") answers 几位? too. */
const LONE_COUNT = /^\s*(\d{1,3})\s*$/;

export function readPartySize(text: string): Field<number> | undefined {
  return attempt(() => {
    const [ctx, draft] = run(text, DEFAULT_OPTIONS, AMOUNT_PASS);
    if (draft.partySize) return draft.partySize;
    const m = LONE_COUNT.exec(ctx.text);
    const n = m ? Number(m[1]) : 0;
    if (!m || n < 1 || n > 500) return undefined;
    const start = m.index + m[0].indexOf(m[1]);
    return ctx.field(n, start, start + m[1].length);
  });
}

export function readCustomer(text: string): Field<string> | undefined {
  return attempt(() => {
    const [ctx, draft] = run(text, DEFAULT_OPTIONS, [...AMOUNT_PASS, extractLooseNames]);
    const n = chooseCustomer(draft);
    return n ? ctx.field(n.name, n.start, n.end) : undefined;
  });
}

export function readDate(text: string, opts: ParseOptions): Field<string> | undefined {
  return attempt(() => {
    const [ctx, draft] = run(text, opts, [extractPhone, extractDates]);
    const d = draft.date;
    return d ? ctx.field(d.iso, d.start, d.end) : undefined;
  });
}

function attempt<T>(f: () => T | undefined): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
