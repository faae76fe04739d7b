/**
 * A store's follow-up tasks for one business day, computed from the data as it is when asked: the
 * morning briefing, `我的待回访` and the commands all call this, so nothing depends on a job having
 * run. The morning run also remembers who is still open, so an overdue task carries over.
 */
import { Types } from 'mongoose';
import { rememberOpenFollowUps } from '../../archive/indexes';
import { tierSettingsOf } from '../../archive/refresh';
import { upsertOnce } from '../../db/lookup';
import { followUpSettingsSchema, type FollowUpSettings } from '../../followup/settings';
import { dayTaskOf } from '../../followup/day-task';
import { pendingPostVisit } from '../../followup/post-visit';
import { tasksFor, upcomingFor } from '../../followup/tasks';
import type { FollowUpCustomer, Task, Upcoming } from '../../followup/types';
import { jobStateId } from '../../model/job-state';
import type { StoreDoc } from '../../model/store';
import type { Services } from '../../pipeline/context';
import { openComplaints, type Complaint } from '../../archive/complaints';
import { candidateIds } from './candidates';
import { ownerGreetings } from './greetings';
import type { FollowUpCard } from '../../archive/card';
import { loadCards, toFollowUpCustomer } from './customers';

const POST_VISIT = new Set<Task['kind']>(['thanks', 'revisit', 'quarterly']);
const JOB = 'followups';

export function followUpSettingsOf(store: StoreDoc): FollowUpSettings {
  const parsed = followUpSettingsSchema.safeParse(store.get('followUps') ?? {});
  return parsed.success ? parsed.data : followUpSettingsSchema.parse({});
}

export async function staffNamesOf(
  services: Services,
  store: StoreDoc,
): Promise<Record<string, string>> {
  const staff = await services.models.Staff.find({ storeId: store._id }).lean();
  return Object.fromEntries(staff.map((s) => [String(s._id), s.name]));
}

/** Post-visit steps that ran out undone by today: the morning records them as expired. */
export interface Expired {
  customerId: string;
  ownerId: string | null;
  keys: string[];
}

export interface DayTasks {
  today: string;
  /** One line per customer (day-task.ts), plus each owner's holiday greeting. */
  tasks: Task[];
  expired: Expired[];
  upcoming: Upcoming[];
  staffNames: Record<string, string>;
  settings: FollowUpSettings;
  /** The store's open complaint cases, oldest first: their customers get no holiday wishes. */
  complaints: Complaint[];
}

async function customersOfDay(
  services: Services,
  store: StoreDoc,
  today: string,
  s: FollowUpSettings,
): Promise<FollowUpCard[]> {
  const { models } = services;
  const state = await models.JobState.findById(jobStateId(JOB, store._id)).lean();
  const ids = await candidateIds(models, {
    storeId: store._id,
    today,
    lastDay: state?.lastDay ?? undefined,
    settings: s,
  });
  return loadCards(models, store._id, ids);
}

/** Every task of the store on `today`; with `remember`, the open ones carry over to tomorrow. */
export async function dayTasks(
  services: Services,
  store: StoreDoc,
  today: string,
  remember = false,
): Promise<DayTasks> {
  const settings = followUpSettingsOf(store);
  const tiers = tierSettingsOf(store);
  const staffNames = await staffNamesOf(services, store);
  const tasks: Task[] = [];
  const expired: Expired[] = [];
  const upcoming: Upcoming[] = [];
  const open: FollowUpCard[] = [];
  const complaints = await openComplaints(services.models, store._id);
  const complained = new Set(complaints.map((k) => String(k.customerId)));
  for (const c of await customersOfDay(services, store, today, settings)) {
    const fc = toFollowUpCustomer(c, today, tiers, staffNames);
    const line = customerLine(fc, today, settings, store.name, complained.has(fc.id));
    if (line) tasks.push(line);
    if (line && [line, ...(line.also ?? [])].some((t) => POST_VISIT.has(t.kind))) open.push(c);
    const lapsed = fc.lastVisit
      ? pendingPostVisit(fc.lastVisit, fc.followUpLog, today, settings.postVisit).expired
      : [];
    if (lapsed.length) expired.push({ customerId: fc.id, ownerId: fc.ownerId, keys: lapsed });
    upcoming.push(...upcomingFor(fc, today, settings));
  }
  if (remember) {
    const { models } = services;
    const openIds = open.map((c) => new Types.ObjectId(c.id));
    await rememberOpenFollowUps(models, store._id, openIds);
    await upsertOnce(() =>
      models.JobState.updateOne(
        { _id: jobStateId(JOB, store._id) },
        { $set: { lastDay: today } },
        { upsert: true },
      ),
    );
  }
  tasks.push(
    ...(await ownerGreetings(services.models, store, today, settings, staffNames, complained)),
  );
  tasks.sort((a, b) => b.priority - a.priority || a.customerName.localeCompare(b.customerName));
  return { today, tasks, expired, upcoming, staffNames, settings, complaints };
}

/**
 * The customer's one line today. Holiday greetings are one task per owner (greetings.ts), not
 * one per customer. A customer with an open complaint gets no holiday call either: the call to
 * make is the complaint's, at the top of the manager's list.
 */
export function customerLine(
  fc: FollowUpCustomer,
  today: string,
  settings: FollowUpSettings,
  storeName: string,
  complained = false,
): Task | undefined {
  const all = tasksFor(fc, today, settings, { storeName }).filter(
    (t) => t.kind !== 'holidayGreeting' && !(complained && t.kind === 'holidayCall'),
  );
  return dayTaskOf(all, fc.followUpLog);
}

/** What one staff member sees: their customers' tasks; managers also the ownerless and alerts. */
export function tasksOfStaff(
  day: DayTasks,
  staffId: string,
  manager: boolean,
): { tasks: Task[]; upcoming: Upcoming[] } {
  const mine = (owner: string | null) => owner === staffId || (manager && owner === null);
  return {
    tasks: day.tasks.filter((t) => mine(t.ownerId) || (manager && t.notifyManagers)),
    upcoming: day.upcoming.filter((u) => mine(u.ownerId)),
  };
}
