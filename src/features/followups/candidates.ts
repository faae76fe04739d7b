/**
 * Which customers can have a task on a business day, found without scanning the archive: the day
 * books of the days whose visits a rule counts from (1, 30, 120 days back; churn thresholds), the
 * birthday index for the coming week, tier A for holiday calls, customers whose follow-up was
 * closed a quarter ago or moved to today, and yesterday's still-open list. The rules then decide
 * exactly, from each customer's own record.
 */
import { SolarDay } from 'tyme4ts';
import type { Types } from 'mongoose';
import { keys, lookupIds } from '../../db/lookup';
import type { FollowUpSettings } from '../../followup/settings';
import { holidaysInRange } from '../../followup/holidays';
import type { Models } from '../../model';
import { customersOnDays } from '../../archive/day-book';
import { addDays, daysBetween } from '../../time/business-day';

async function idsOf(models: Models, key: string): Promise<string[]> {
  return (await lookupIds(models, key)).map(String);
}

/** Solar and lunar birthday keys of the days from `today` to `days` ahead. */
function birthdayKeys(storeId: Types.ObjectId, today: string, days: number): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= days; i++) {
    const [y, m, d] = addDays(today, i).split('-').map(Number);
    out.add(keys.solarBirthday(storeId, m, d));
    const lunar = SolarDay.fromYmd(y, m, d).getLunarDay();
    const lm = Math.abs(lunar.getLunarMonth().getMonthWithLeap());
    out.add(keys.lunarBirthday(storeId, lm, lunar.getDay()));
    // 三十 falls back to 廿九 in a 29-day month: those birthdays are kept on the 29th.
    if (lunar.getDay() === 29 && lunar.getLunarMonth().getDayCount() === 29)
      out.add(keys.lunarBirthday(storeId, lm, 30));
  }
  return [...out];
}

export interface CandidateSources {
  storeId: Types.ObjectId;
  today: string;
  /** The last day already covered: days in between are caught up (at most `catchUpDays`). */
  lastDay?: string;
  settings: FollowUpSettings;
}

export const CATCH_UP_DAYS = 14;

export async function candidateIds(models: Models, src: CandidateSources): Promise<Set<string>> {
  const { storeId, today, settings: s } = src;
  const ids = new Set<string>(await idsOf(models, keys.openFollowUps(storeId)));
  const span = src.lastDay
    ? Math.min(CATCH_UP_DAYS, Math.max(1, daysBetween(src.lastDay, today)))
    : 1;
  const anchors = new Set<number>([
    ...s.postVisit.steps,
    s.churn.A,
    s.churn.B,
    s.churn.C,
    s.churn.D,
  ]);
  const visitDays = new Set<string>();
  for (let back = 0; back < span; back++)
    for (const a of anchors) visitDays.add(addDays(today, -back - a));
  // Every anchor day's visitors in one read of the day books.
  for (const id of await customersOnDays(models, storeId, [...visitDays])) ids.add(id);
  for (let back = 0; back < span; back++) {
    const day = addDays(today, -back);
    for (const id of await idsOf(
      models,
      keys.followUpClosed(storeId, addDays(day, -s.postVisit.thenEveryDays)),
    ))
      ids.add(id);
    for (const id of await idsOf(models, keys.followUpMoved(storeId, day))) ids.add(id);
  }
  for (const key of birthdayKeys(storeId, today, s.occasions.listDaysBefore))
    for (const id of await idsOf(models, key)) ids.add(id);
  const callsSoon = holidaysInRange(today, addDays(today, s.holidays.callDaysBefore + 1)).some(
    (h) => s.holidays.callFor.includes(h.name),
  );
  if (callsSoon)
    for (const t of s.holidays.callTiers)
      for (const id of await idsOf(models, keys.tier(storeId, t))) ids.add(id);
  return ids;
}
