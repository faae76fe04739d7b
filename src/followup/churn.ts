/**
 * 流失预警: an A customer unseen for 30 days, B for 45, C for 60 → one alert to the owner and the
 * managers. One per lapse: the lapse is named by the last visit date, so the alert cannot repeat
 * until a new visit starts a new lapse.
 */
import { shortDate, yuan } from '../format/text';
import { addDays, daysBetween } from '../time/business-day';
import { openTask, type OpenTask } from './records';
import type { ChurnSettings } from './settings';
import type { FollowUpCustomer } from './types';

export interface ChurnDue extends OpenTask {
  key: string;
  /** Days since the last visit, today. */
  daysAway: number;
}

export function churnKey(lastVisit: string): string {
  return `churn:${lastVisit}`;
}

/**
 * The churn alert of the customer's current lapse if it is to go out today. It is due on the day
 * the threshold is crossed and stays until the bot records it as sent, within `alertWindowDays`.
 */
export function churnDue(
  c: FollowUpCustomer,
  today: string,
  s: ChurnSettings,
): ChurnDue | undefined {
  if (!c.lastVisit) return undefined;
  const threshold = s[c.tierAtLastVisit ?? c.tier];
  const due = addDays(c.lastVisit, threshold);
  const key = churnKey(c.lastVisit);
  const open = openTask(c.followUpLog, key, due, today, addDays(due, s.alertWindowDays));
  return open && { ...open, key, daysAway: daysBetween(c.lastVisit, today) };
}

/**
 * `张总(C·原A类) 上次11月2日 共8次 ¥32,000 常坐牡丹厅`: what a manager needs to decide who calls.
 * The tier is today's (the one every other list shows); the one he lapsed from follows it.
 */
export function historyLine(c: FollowUpCustomer, today: string): string {
  const was = c.tierAtLastVisit && c.tierAtLastVisit !== c.tier ? `·原${c.tierAtLastVisit}类` : '';
  const parts = [`${c.name}(${c.tier}${was})`];
  if (c.lastVisit) parts.push(`上次${shortDate(c.lastVisit, today)}`);
  parts.push(`共${c.visits}次`, yuan(c.totalSpend));
  if (c.usualRoom) parts.push(`常坐${c.usualRoom}`);
  return parts.join(' ');
}
