/**
 * When a daily job at a store's local `HH:mm` is due. Pure: `now` and the zone are arguments.
 * Only today's occurrence is ever due: a briefing missed while the bot was down is sent when it
 * comes back the same day, never for past days.
 */
import { isoDay, localParts, minutesOf } from '../time/business-day';

export interface Occurrence {
  /** Stable key of the occurrence, e.g. `2026-11-22 09:30`: what a claim is stored under. */
  key: string;
  /** Local calendar day of the occurrence. */
  day: string;
}

/**
 * A job that runs every `minutes` through the day: the slot `now` falls in (`2026-11-22 21:45`
 * for every 15 minutes at 21:52). Each slot is one occurrence, claimed and run once.
 */
export function slotOccurrence(minutes: number, now: Date, timeZone: string): Occurrence {
  const p = localParts(now, timeZone);
  const at = Math.floor((p.hour * 60 + p.minute) / minutes) * minutes;
  const day = isoDay(p.year, p.month, p.day);
  const hhmm = `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
  return { key: `${day} ${hhmm}`, day };
}

/** Today's occurrence once `time` has come; keyed by the day alone when `oncePerDay`. */
export function dueOccurrence(
  time: string,
  now: Date,
  timeZone: string,
  oncePerDay = false,
): Occurrence | undefined {
  const p = localParts(now, timeZone);
  if (p.hour * 60 + p.minute < minutesOf(time)) return undefined;
  const day = isoDay(p.year, p.month, p.day);
  return { key: oncePerDay ? day : `${day} ${time}`, day };
}
