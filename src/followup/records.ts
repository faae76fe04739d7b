/**
 * Reading a customer's follow-up log. What is due is computed from the log at the time it is
 * asked (no nightly job marks anything), so these few questions are all the rules need.
 */
import type { FollowUpRecord } from './types';

/** The record that closed `key` (done, skipped or sent), the earliest if staff repeated it. */
export function closingRecord(log: FollowUpRecord[], key: string): FollowUpRecord | undefined {
  return log
    .filter((r) => r.key === key && r.action !== 'moved')
    .reduce<FollowUpRecord | undefined>((a, r) => (!a || r.on < a.on ? r : a), undefined);
}

/** Where the latest `moved` record put `key`; later records (by date, then by order) win. */
export function movedTo(log: FollowUpRecord[], key: string): string | undefined {
  let last: FollowUpRecord | undefined;
  for (const r of log) {
    if (r.key === key && r.action === 'moved' && r.to && (!last || r.on >= last.on)) last = r;
  }
  return last?.to;
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
