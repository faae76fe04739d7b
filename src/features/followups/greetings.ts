/**
 * On a holiday's eve every opted-in customer with an owner is to be greeted. Listing thousands of
 * identical tasks helps nobody (and would mean reading the whole archive every eve), so each owner
 * gets one task: how many customers to greet and the words to send them, from their own phone.
 */
import { Types } from 'mongoose';
import { customersOwnedBy } from '../../archive/customers';
import { holidaysInRange, type HolidayOnDate } from '../../followup/holidays';
import { HOLIDAY_WISHES } from '../../followup/scripts';
import type { FollowUpSettings } from '../../followup/settings';
import type { Task } from '../../followup/types';
import type { Models } from '../../model';
import type { StoreDoc } from '../../model/store';
import { addDays } from '../../time/business-day';

/** The holidays whose greeting is due today: on the eve, still open on the day itself. */
export function greetingHolidays(today: string, s: FollowUpSettings): HolidayOnDate[] {
  return holidaysInRange(addDays(today, -1), addDays(today, 2)).filter(
    (h) => s.holidays.greet.includes(h.name) && (h.eve === today || h.date === today),
  );
}

export function greetingScript(storeName: string, staffName: string, h: HolidayOnDate): string {
  const wish = HOLIDAY_WISHES[h.name] ?? `${h.name}快乐`;
  return `您好,我是${storeName}的${staffName},${h.date === h.eve ? '' : `${h.name}到了,`}祝您${wish}!`;
}

/** One greeting task per owner with customers to greet today. */
export async function ownerGreetings(
  models: Models,
  store: StoreDoc,
  today: string,
  s: FollowUpSettings,
  staffNames: Record<string, string>,
  complained: ReadonlySet<string> = new Set(),
): Promise<Task[]> {
  const [h] = greetingHolidays(today, s);
  if (!h) return [];
  const tasks: Task[] = [];
  for (const [ownerId, name] of Object.entries(staffNames)) {
    // The archives themselves, not the owner's list: a merged-away or moved archive stays listed
    // (lookups are written first and may keep extra ids) and would be counted twice.
    const owned = await customersOwnedBy(models, new Types.ObjectId(ownerId));
    const quiet = owned.filter((c) => !c.optOut).length;
    // No wishes before the apology: a customer whose complaint is open gets that call instead.
    const count = owned.filter((c) => !c.optOut && !complained.has(String(c._id))).length;
    if (count === 0) continue;
    tasks.push({
      key: `holiday:${h.name}:${h.date.slice(0, 4)}:greet`,
      kind: 'holidayGreeting',
      title: `${h.name}祝福`,
      customerId: '',
      customerName: `你的客户${count}位`,
      tier: 'C',
      ownerId,
      notifyManagers: false,
      dueDate: h.eve,
      overdue: today > h.eve,
      channel: 'message',
      optedOut: false,
      script: greetingScript(store.name, name, h),
      detail: excluded(owned.length - quiet, quiet - count),
      priority: 30,
    });
  }
  return tasks;
}

function excluded(optedOut: number, complained: number): string | undefined {
  const parts = [
    optedOut ? `不接受消息的${optedOut}位` : '',
    complained ? `投诉未处理的${complained}位` : '',
  ].filter(Boolean);
  return parts.length ? `不含${parts.join('、')}` : undefined;
}
