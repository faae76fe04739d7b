/**
 * JSONL in, JSONL out: one {"id","now","text"} per stdin line, one reading per stdout line, in
 * order. Used by the acceptance scorer. A bad line still gets a line back (with an "error").
 * Store zone and cut-off come from TZ_STORE / BUSINESS_DAY_CUTOFF (default Asia/Shanghai, 05:00).
 */
import { createInterface } from 'node:readline';
import { parseMessage, type Field, type ParseOptions, type Reading } from '../src/parser';

const timeZone = process.env.TZ_STORE || 'Asia/Shanghai';
const businessDayCutoff = process.env.BUSINESS_DAY_CUTOFF || '05:00';

const value = <T>(f: Field<T> | undefined): T | null => (f ? f.value : null);
const values = <T>(fs: Field<T>[] | undefined): T[] => (fs ?? []).map((f) => f.value);

export function toRow(id: unknown, r: Reading): Record<string, unknown> {
  return {
    id,
    intent: r.intent,
    customer: value(r.customer),
    phone: value(r.phone),
    phoneTail: value(r.phoneTail),
    date: value(r.date),
    partySize: value(r.partySize),
    amount: value(r.amount),
    room: value(r.room),
    mealPeriod: value(r.mealPeriod),
    occasion: value(r.occasion),
    referrer: value(r.referrer),
    companions: values(r.companions),
    preferences: values(r.preferences),
    notes: values(r.notes),
    bottles: values(r.bottles),
    birthday: value(r.birthday),
    company: value(r.company),
    position: value(r.position),
    gender: value(r.gender),
    missing: r.missing,
    confidence: r.confidence,
    command: r.command ?? null,
    complaint: value(r.complaint),
  };
}

function handle(line: string): string {
  let id: unknown = null;
  try {
    const input: unknown = JSON.parse(line);
    if (!input || typeof input !== 'object') throw new Error('not a JSON object');
    const o = input as Record<string, unknown>;
    id = o.id ?? null;
    const now = new Date(typeof o.now === 'string' || typeof o.now === 'number' ? o.now : NaN);
    if (isNaN(now.getTime())) throw new Error('missing or invalid "now"');
    const opts: ParseOptions = { now, timeZone, businessDayCutoff };
    return JSON.stringify(toRow(id, parseMessage(typeof o.text === 'string' ? o.text : '', opts)));
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return JSON.stringify({ ...toRow(id, { intent: 'none', missing: [], confidence: 0 }), error });
  }
}

function main(): void {
  const out: string[] = [];
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => {
    out.push(handle(line)); // even a blank or broken line gets its row back
    if (out.length >= 256) process.stdout.write(out.splice(0).join('\n') + '\n');
  });
  rl.on('close', () => {
    if (out.length) process.stdout.write(out.join('\n') + '\n');
  });
}

main();
