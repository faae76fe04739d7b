/**
 * 早报: each morning every team group of the store gets one message (yesterday in numbers,
 * today's follow-ups per staff member, birthdays and holidays ahead, churn alerts), and each staff
 * member with tasks gets their own full list with the suggested wording.
 */
import { groupBriefingText, type DayNumbers } from '../followup/briefing';
import { holidaysAhead } from '../followup/holidays';
import { personalListText } from '../followup/personal-list';
import type { Task } from '../followup/types';
import { Types } from 'mongoose';
import { updateCustomer } from '../archive/customer-writes';
import { readDayBooks, recordDue } from '../archive/day-book';
import { noteWork } from '../archive/work-list';
import { storeWriter } from '../archive/writer';
import type { StoreDoc } from '../model/store';
import type { Services } from '../pipeline/context';
import { directTo, type OutgoingMessage } from '../pipeline/message';
import type { Occurrence } from '../scheduler/daily';
import type { Job } from '../scheduler/jobs';
import { addDays } from '../time/business-day';
import { dayTasks, tasksOfStaff, type DayTasks } from './followups/day-tasks';
import { canManage } from './command';

/** A personal list longer than this ends with how many more: a phone screen, not a report. */
export const PERSONAL_LIST_MAX = 30;

/** Figures of one business day, from its day book (one read, whatever the store's size). */
export async function dayFigures(
  services: Services,
  store: StoreDoc,
  day: string,
): Promise<DayNumbers> {
  const [book] = await readDayBooks(services.models, store._id, [day]);
  return {
    tables: book?.tables ?? 0,
    covers: book?.covers ?? 0,
    revenue: book?.revenue ?? 0,
    newCustomers: book?.newCustomers ?? 0,
    returningCustomers: Math.max(0, (book?.visitors ?? 0) - (book?.newCustomers ?? 0)),
  };
}

/** One staff member's list, capped for a phone. */
export function personalText(
  day: DayTasks,
  staffName: string,
  tasks: Task[],
  upcoming: DayTasks['upcoming'],
): string {
  const shown = tasks.slice(0, PERSONAL_LIST_MAX);
  const text = personalListText({ staffName, today: day.today, tasks: shown, upcoming });
  return tasks.length > shown.length
    ? `${text}\n…还有${tasks.length - shown.length}项,先完成上面的`
    : text;
}

/**
 * Churn alerts go out once per lapse: record that they went. The same record on a re-run of the
 * morning (after a crash) is not added twice, and a record of today does not hide today's alert
 * (day-tasks.ts), so a re-run produces it again and the outbox's keys send it once.
 */
async function markAlertsSent(services: Services, store: StoreDoc, tasks: Task[], today: string) {
  const { models } = services;
  const alerts = tasks.filter((x) => x.kind === 'churn');
  if (alerts.length === 0) return;
  const ids = alerts.map((t) => new Types.ObjectId(t.customerId));
  await storeWriter(models).run(store._id, async () => {
    // The store itself is the one making the change: its work list lets the sweeper check it.
    await noteWork(models, store._id, today, ids);
    for (const [i, t] of alerts.entries())
      await updateCustomer(models, ids[i], {
        $addToSet: { followUps: { key: t.key, action: 'sent', on: today } },
      });
  });
}

async function personalLists(
  services: Services,
  store: StoreDoc,
  day: DayTasks,
): Promise<OutgoingMessage[]> {
  const staff = await services.models.Staff.find({ storeId: store._id, active: true }).sort({
    _id: 1,
  });
  const out: OutgoingMessage[] = [];
  for (const s of staff) {
    const { tasks, upcoming } = tasksOfStaff(day, String(s._id), canManage(s.role));
    if (tasks.length === 0) continue;
    out.push(directTo(s, personalText(day, s.name, tasks, upcoming)));
  }
  return out;
}

/** How many follow-ups each staff member had on their list this morning (for 本月业绩). */
async function noteDue(services: Services, store: StoreDoc, day: DayTasks): Promise<void> {
  const due: Record<string, number> = {};
  for (const t of day.tasks)
    if (t.ownerId && t.kind !== 'churn') due[t.ownerId] = (due[t.ownerId] ?? 0) + 1;
  await storeWriter(services.models).run(store._id, () =>
    recordDue(services.models, store._id, day.today, due),
  );
}

export async function buildBriefing(services: Services, store: StoreDoc, today: string) {
  const day = await dayTasks(services, store, today, true);
  await noteDue(services, store, day);
  const yesterday = addDays(today, -1);
  const text = groupBriefingText(
    {
      storeName: store.name,
      today,
      yesterday: await dayFigures(services, store, yesterday),
      sameDayLastWeek: await dayFigures(services, store, addDays(yesterday, -7)),
      tasks: day.tasks,
      upcoming: day.upcoming,
      holidays: holidaysAhead(today, day.settings),
      staffNames: day.staffNames,
    },
    day.settings.briefing,
  );
  return { day, text };
}

export const morningBriefing: Job = {
  name: 'morning-briefing',
  timeOf: (store) => store.briefingTime,
  async run(
    store: StoreDoc,
    occ: Occurrence,
    _now: Date,
    services: Services,
  ): Promise<OutgoingMessage[]> {
    const groups = await services.models.TeamGroup.find({ storeId: store._id })
      .sort({ _id: 1 })
      .lean();
    const { day, text } = await buildBriefing(services, store, occ.day);
    const out: OutgoingMessage[] = groups.map((g) => ({
      platform: g.platform,
      chatId: g.chatId,
      chatType: 'group',
      to: null,
      text,
    }));
    out.push(...(await personalLists(services, store, day)));
    await markAlertsSent(services, store, day.tasks, occ.day);
    return out;
  },
};
