/**
 * Two tables in one message (王总今晚3人2800,李总今晚4人3600, or one per line): each clause that
 * reads as a visit starts a record, and clauses after it that do not (消费2800, 和李总一起) belong
 * to it. Several complete records are returned to be recorded one by one; several records of
 * which one lacks something are `tangled`, and the bot asks for one table per message.
 */
import type { Reading } from './reading';

/** Clause breaks: comma, semicolon, a new line (。 was made a space by normalise). */
const BREAK = /[,，;；\n]+/g;

export interface Clause {
  text: string;
  index: number;
}

export function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); ; m = BREAK.exec(text)) {
    const to = m ? m.index : text.length;
    if (text.slice(from, to).trim()) out.push({ text: text.slice(from, to), index: from });
    if (!m) return out;
    from = m.index + m[0].length;
  }
}

export type Several = { records: Reading[] } | { tangled: true } | undefined;

/** `read` parses one clause group; only called for messages that have a clause break. */
export function severalVisits(text: string, read: (t: string) => Reading): Several {
  if (!/[,，;；\n]/.test(text)) return undefined;
  const groups: { start: number; end: number; reading: Reading }[] = [];
  for (const c of clausesOf(text)) {
    const r = read(c.text);
    const end = c.index + c.text.length;
    if (r.intent === 'visit' && r.customer) groups.push({ start: c.index, end, reading: r });
    else if (groups.length) groups[groups.length - 1].end = end;
  }
  if (groups.length < 2) return undefined;
  const names = new Set(groups.map((g) => g.reading.customer?.value));
  if (names.size < groups.length) return undefined; // one customer, said twice: one record
  const records = groups.map((g) => shifted(read(text.slice(g.start, g.end)), g.start));
  const whole = records.every((r) => r.intent === 'visit' && r.missing.length === 0);
  return whole ? { records } : { tangled: true };
}

/** Spans of a clause's reading, pointed back into the whole message. */
function shifted(r: Reading, by: number): Reading {
  const out: Record<string, unknown> = { ...r };
  for (const [k, v] of Object.entries(r)) {
    if (Array.isArray(v)) out[k] = v.map((f) => shiftField(f, by));
    else if (v && typeof v === 'object' && 'span' in v) out[k] = shiftField(v, by);
  }
  return out as unknown as Reading;
}

function shiftField<T>(f: T, by: number): T {
  const field = f as { span?: { index: number; text: string } };
  if (!field?.span || field.span.text === '') return f;
  return { ...field, span: { ...field.span, index: field.span.index + by } } as T;
}
