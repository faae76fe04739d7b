/**
 * 早报: each morning every team group of the store gets one message (yesterday in numbers,
 * today's follow-ups per staff member, birthdays and holidays ahead, churn alerts), and each staff
 * member with tasks gets their own full list with the suggested wording.
 */
import { groupBriefingText, type DayNumbers } from '../followup/briefing';
import { holidaysAhead } from '../followup/holidays';
import { personalListActions, personalListText } from '../followup/personal-list';
import type { Task } from '../followup/types';
import { Types } from 'mongoose';
import { updateCustomer } from '../archive/customer-writes';
import { readDayBooks, recordClosed, recordDue } from '../archive/day-book';
import { noteWork } from '../archive/work-list';
import { toTeamGroups } from '../archive/stores';
import { storeWriter } from '../archive/writer';
import type { StoreDoc } from '../model/store';
import type { Services } from '../pipeline/context';
import { directTo, type OutgoingMessage } from '../pipeline/message';
import type { Occurrence } from '../scheduler/daily';
import type { Job } from '../scheduler/jobs';
import { addDays, businessDayAt } from '../time/business-day';
import { dayTasks, tasksOfStaff, type DayTasks } from './followups/day-tasks';
import { canManage } from './command';
import { openSection } from './complaints/lines';
import { todaySection } from './bookings/day-section';
import { noShowLinesOf, noticeNoShows } from './bookings/no-shows';

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

/** A manager's list starts with the open complaints until they are closed. */
export const withComplaints = (lead: string[], text: string) =>
  lead.length ? `${lead.join('\n')}\n\n${text}` : text;

/** One staff member's list, capped for a phone unless they asked for all of it. */
export function personalText(
  day: DayTasks,
  staffName: string,
  tasks: Task[],
  upcoming: DayTasks['upcoming'],
  all = false,
): string {
  return personalListText({ staffName, today: day.today, tasks, upcoming, all });
}

/** The list's message to `to`: its text, and buttons for the first customers on it. */
export function personalMessage(
  to: OutgoingMessage,
  day: DayTasks,
  tasks: Task[],
): OutgoingMessage {
  const actions = personalListActions({ tasks, today: day.today });
  return actions.length ? { ...to, actions } : to;
}

/**
 * Churn alerts go out once per lapse: record that they went. The same record on a re-run of the
 * morning (after a crash) is not added twice, and a record of today does not hide today's alert
 * (day-tasks.ts), so a re-run produces it again and the outbox's keys send it once.
 */
async function markAlertsSent(services: Services, store: StoreDoc, tasks: Task[], today: string) {
  const { models } = services;
  // A lapse folded under another reason (day-task.ts) went out with that line.
  const alerts = tasks.flatMap((t) => [t, ...(t.also ?? [])]).filter((x) => x.kind === 'churn');
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

/**
 * Post-visit steps that ran out undone are recorded as expired (on the owner, for 本月业绩): the
 * rules already stopped listing them; the record is what lets the month count them once.
 */
async function recordExpired(services: Services, store: StoreDoc, day: DayTasks) {
  const { models } = services;
  if (day.expired.length === 0) return;
  await storeWriter(models).run(store._id, async () => {
    const ids = day.expired.map((e) => new Types.ObjectId(e.customerId));
    await noteWork(models, store._id, day.today, ids);
    for (const [i, e] of day.expired.entries()) {
      // The count first (a set member): a crash before the record means a re-run counts it again
      // into the same member, never twice.
      const { ownerId, customerId } = e;
      if (ownerId)
        for (const key of e.keys)
          await recordClosed(
            models,
            store._id,
            day.today,
            ownerId,
            'expired',
            `${customerId}|${key}`,
          );
      const by = ownerId ? { by: new Types.ObjectId(ownerId) } : {};
      const records = e.keys.map((key) => ({ key, action: 'expired', on: day.today, ...by }));
      await updateCustomer(models, ids[i], { $push: { followUps: { $each: records } } });
    }
  });
}

/** Complaints (managers), then the owner's no-shows, each block apart, before the list. */
export function leadOf(complaints: string[], noShows: string[]): string[] {
  return complaints.length && noShows.length
    ? [...complaints, '', ...noShows]
    : [...complaints, ...noShows];
}

async function personalLists(
  services: Services,
  store: StoreDoc,
  day: DayTasks,
  now: Date,
  noShowsOf: (ownerId: Types.ObjectId) => string[],
): Promise<OutgoingMessage[]> {
  const complaints = openSection(day.complaints, now);
  const staff = await services.models.Staff.find({ storeId: store._id, active: true }).sort({
    _id: 1,
  });
  const out: OutgoingMessage[] = [];
  for (const s of staff) {
    const manager = canManage(s.role);
    const { tasks, upcoming } = tasksOfStaff(day, String(s._id), manager);
    const lead = leadOf(manager ? complaints : [], noShowsOf(s._id));
    if (tasks.length === 0 && lead.length === 0) continue;
    const text = withComplaints(lead, personalText(day, s.name, tasks, upcoming));
    out.push(personalMessage(directTo(s, text), day, tasks));
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

export async function buildBriefing(
  services: Services,
  store: StoreDoc,
  today: string,
  now = new Date(),
) {
  const day = await dayTasks(services, store, today, true);
  await noteDue(services, store, day);
  await recordExpired(services, store, day);
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
      complaints: openSection(day.complaints, now),
      bookings: await todaySection(services, store, today),
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
    now: Date,
    services: Services,
  ): Promise<OutgoingMessage[]> {
    // Before the briefing is built: the cards it reads count the no-shows already.
    // The morning's business day: a briefing set before the cut-off still serves last night.
    const since = businessDayAt(occ.day, store.briefingTime, store.businessDayCutoff);
    const noShows = await noticeNoShows(services.models, store, since, now);
    const lines = (ownerId: Types.ObjectId) => noShowLinesOf(noShows, ownerId, since);
    const { day, text } = await buildBriefing(services, store, occ.day, now);
    const out = await toTeamGroups(services.models, store._id, text);
    out.push(...(await personalLists(services, store, day, now, lines)));
    await markAlertsSent(services, store, day.tasks, occ.day);
    return out;
  },
};
