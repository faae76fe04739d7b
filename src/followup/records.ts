/**
 * Reading a customer's follow-up log. What is due is computed from the log at the time it is
 * asked (no nightly job marks anything), so these few questions are all the rules need.
 */
import type { FollowUpRecord } from './types';

/** Does `r` act on `key`: its own task, or one folded into the line staff acted on? */
export const covers = (r: FollowUpRecord, key: string) =>
  r.key === key || (r.also?.includes(key) ?? false);

/** Records that only put a task off: it stays open. */
const PUTS_OFF = new Set<FollowUpRecord['action']>(['moved', 'missed']);

/** The record that closed `key` (done, skipped, expired or sent), the earliest if repeated. */
export function closingRecord(log: FollowUpRecord[], key: string): FollowUpRecord | undefined {
  return log
    .filter((r) => covers(r, key) && !PUTS_OFF.has(r.action))
    .reduce<FollowUpRecord | undefined>((a, r) => (!a || r.on < a.on ? r : a), undefined);
}

/**
 * Where the latest `moved` record (or missed call, which moves it to the next try) put `key`;
 * later records (by date, then by order) win.
 */
export function movedTo(log: FollowUpRecord[], key: string): string | undefined {
  let last: FollowUpRecord | undefined;
  for (const r of log) {
    if (covers(r, key) && PUTS_OFF.has(r.action) && r.to && (!last || r.on >= last.on)) last = r;
  }
  return last?.to;
}

/** Calls that went unanswered for `key`. */
export function missedCalls(log: FollowUpRecord[], key: string): number {
  return log.filter((r) => covers(r, key) && r.action === 'missed').length;
}

/** Tasks staff put off to a later day and have not closed: a call made early closes them too. */
export function putOffKeys(log: FollowUpRecord[], today: string): string[] {
  const keys = new Set<string>();
  for (const r of log)
    if (PUTS_OFF.has(r.action) && r.to && r.to > today)
      for (const k of [r.key, ...(r.also ?? [])]) keys.add(k);
  return [...keys].filter((k) => !closingRecord(log, k) && (movedTo(log, k) ?? '') > today);
}

export interface OpenTask {
  dueDate: string;
  overdue: boolean;
}

/**
 * Whether the task `key`, naturally due on `due`, is on the list `today`. An open task stays,
 * overdue, until closed; `lastDay` ends it unrecorded (a birthday greeting means nothing the week
 * after), except when staff moved it: a date they chose themselves is kept.
 */
export function openTask(
  log: FollowUpRecord[],
  key: string,
  due: string,
  today: string,
  lastDay?: string,
): OpenTask | undefined {
  if (closingRecord(log, key)) return undefined;
  const moved = movedTo(log, key);
  const dueDate = moved ?? due;
  if (dueDate > today) return undefined;
  if (!moved && lastDay !== undefined && today > lastDay) return undefined;
  return { dueDate, overdue: today > dueDate };
}
