import { parseMessage, type ParseOptions, type Reading } from '../../src/parser';

/** A fixed store clock: Asia/Shanghai, cut-off 05:00, `now` as an ISO string with offset. */
export function at(now: string, cutoff = '05:00'): ParseOptions {
  return { now: new Date(now), timeZone: 'Asia/Shanghai', businessDayCutoff: cutoff };
}

/** Sunday 2026-11-22, 21:40 — the evening most dev-corpus messages were written. */
export const SUNDAY_EVENING = at('2026-11-22T21:40:00+08:00');

export function parse(text: string, opts: ParseOptions = SUNDAY_EVENING): Reading {
  return parseMessage(text, opts);
}

/** The flat values a test usually cares about. */
export function values(r: Reading): Record<string, unknown> {
  return {
    intent: r.intent,
    customer: r.customer?.value,
    phone: r.phone?.value,
    date: r.date?.value,
    partySize: r.partySize?.value,
    amount: r.amount?.value,
    room: r.room?.value,
  };
}
