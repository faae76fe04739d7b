/**
 * After a visit (seed 002, 004): a thank-you the next day, then day 30 and day 120 while the
 * customer has not come back, then one every quarter after the last one. Everything hangs off the
 * customer's last visit date: a new visit is a new anchor, so every pending follow-up of the old
 * visit is superseded without anyone deleting it. A step left undone past its own window expires:
 * the next step takes its place on its own date, so nothing is carried for weeks.
 */
import { addDays, daysBetween } from '../time/business-day';
import { closingRecord, movedTo } from './records';
import type { PostVisitSettings } from './settings';
import type { FollowUpRecord } from './types';

export type PostVisitKind = 'thanks' | 'revisit' | 'quarterly';

export interface PendingPostVisit {
  /** 0 = the thank-you; steps past the schedule are the quarterly ones. */
  step: number;
  kind: PostVisitKind;
  key: string;
  /** Days after the visit the step is naturally due. */
  daysAfterVisit: number;
  /** When it is due: the schedule's date, or the date staff moved it to. */
  dueDate: string;
  moved: boolean;
  /** Earlier steps that ran out unrecorded (past their window, or their successor due). */
  expired: string[];
}

export interface DuePostVisit extends PendingPostVisit {
  overdue: boolean;
}

/** Key of step `step` after the visit on `visitDate`; records written under it stay with it. */
export function postVisitKey(visitDate: string, step: number): string {
  return `visit:${visitDate}:${step}`;
}

/**
 * How long a step may stay overdue: a thank-you for "that evening" means little after three days;
 * a revisit call keeps two weeks. Never past the next step's own date.
 */
export const THANKS_WINDOW_DAYS = 3;
export const REVISIT_WINDOW_DAYS = 14;

function windowOf(step: number): number {
  return step === 0 ? THANKS_WINDOW_DAYS : REVISIT_WINDOW_DAYS;
}

function kindOf(step: number, s: PostVisitSettings): PostVisitKind {
  if (step === 0) return 'thanks';
  return step < s.steps.length ? 'revisit' : 'quarterly';
}

/**
 * The first post-visit follow-up of the visit on `lastVisit` not yet done or skipped. A step whose
 * successor's date has arrived is superseded by it: nobody thanks a customer for "yesterday" a
 * month later, and the owner's list keeps one follow-up per customer.
 */
export function pendingPostVisit(
  lastVisit: string,
  log: FollowUpRecord[],
  today: string,
  s: PostVisitSettings,
): PendingPostVisit {
  // The quarterly ones count from when the previous one was actually done, skipped or ran out.
  let previousClosed = lastVisit;
  const expired: string[] = [];
  for (let step = 0; ; step++) {
    const scheduled = step < s.steps.length;
    const natural = scheduled
      ? addDays(lastVisit, s.steps[step])
      : addDays(previousClosed, s.thenEveryDays);
    const key = postVisitKey(lastVisit, step);
    const closed = closingRecord(log, key);
    if (closed) {
      previousClosed = closed.on > previousClosed ? closed.on : previousClosed;
      continue;
    }
    const moved = movedTo(log, key);
    const next = step + 1 < s.steps.length ? addDays(lastVisit, s.steps[step + 1]) : undefined;
    const dueDate = moved ?? natural;
    const lapsed = daysBetween(dueDate, today) > windowOf(step);
    if ((!moved && next !== undefined && next <= today) || lapsed) {
      expired.push(key);
      const end = addDays(dueDate, windowOf(step) + 1);
      previousClosed = end < today ? end : today;
      continue;
    }
    return {
      step,
      kind: kindOf(step, s),
      key,
      daysAfterVisit: daysBetween(lastVisit, natural),
      dueDate,
      moved: moved !== undefined,
      expired,
    };
  }
}

/** The post-visit follow-up on the owner's list `today`, if any, and whether it is overdue. */
export function duePostVisit(
  lastVisit: string,
  log: FollowUpRecord[],
  today: string,
  s: PostVisitSettings,
): DuePostVisit | undefined {
  if (today <= lastVisit) return undefined;
  const p = pendingPostVisit(lastVisit, log, today, s);
  if (p.dueDate > today) return undefined;
  return { ...p, overdue: today > p.dueDate };
}
