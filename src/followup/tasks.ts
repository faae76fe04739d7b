/**
 * One customer's tasks for one business day, from plain data: post-visit follow-up, birthday and
 * anniversaries, holidays, churn. Pure and cheap, so the briefing and `我的待回访` compute what is
 * due when they are asked, from the data as it is then.
 */
import type { Tier } from '../archive/tiers';
import { churnDue, historyLine } from './churn';
import { HOLIDAY_OVERRIDES, type HolidayOverride } from './holiday-overrides';
import { holidayTasks } from './holidays';
import { occasionTasks, upcomingOccasions } from './occasions';
import { duePostVisit, type DuePostVisit } from './post-visit';
import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings } from './settings';
import type { FollowUpCustomer, ScriptContext, Task, TaskKind, Upcoming } from './types';
import { customerSlots, scriptFor, type Slots } from './wording';

// Time-bound tasks first: a greeting is worth nothing tomorrow, a revisit call keeps a day.
const KIND_WEIGHT: Record<TaskKind, number> = {
  churn: 70,
  holidayCall: 60,
  gift: 55,
  greeting: 50,
  thanks: 45,
  revisit: 40,
  holidayGreeting: 30,
  quarterly: 20,
};

const TIER_WEIGHT: Record<Tier, number> = { A: 20, B: 10, D: 5, C: 0 };

export function priorityOf(t: Pick<Task, 'kind' | 'tier' | 'overdue'>): number {
  return KIND_WEIGHT[t.kind] + TIER_WEIGHT[t.tier] + (t.overdue ? 5 : 0);
}

function postVisitTitle(p: DuePostVisit): string {
  if (p.kind === 'thanks') return '致谢回访';
  if (p.kind === 'revisit') return `回访·第${p.daysAfterVisit}天`;
  return '季度问候';
}

/**
 * Wording about "that visit" names only what was recorded of it: no 在牡丹厅用餐 for a visit
 * without a room, though the customer usually sits there. (A revisit's room is the one to keep
 * for him next time: the usual one.)
 */
function visitSlots(c: FollowUpCustomer, slots: Slots, kind: DuePostVisit['kind']): Slots {
  const party = c.lastVisitParty ? `${c.lastVisitParty}位` : undefined;
  return kind === 'thanks' ? { ...slots, room: c.lastVisitRoom, party } : { ...slots, party };
}

function postVisitTask(
  c: FollowUpCustomer,
  today: string,
  s: FollowUpSettings,
  ctx: ScriptContext,
): Task[] {
  if (!c.lastVisit) return [];
  const p = duePostVisit(c.lastVisit, c.followUpLog, today, s.postVisit);
  if (!p) return [];
  const slots = visitSlots(c, customerSlots(c, today, ctx), p.kind);
  return [
    {
      key: p.key,
      kind: p.kind,
      title: postVisitTitle(p),
      customerId: c.id,
      customerName: c.name,
      tier: c.tier,
      ownerId: c.ownerId,
      notifyManagers: false,
      dueDate: p.dueDate,
      overdue: p.overdue,
      channel: 'call',
      optedOut: c.optOut,
      script: scriptFor(p.kind, slots, `${c.id}|${today}|${p.key}`),
      priority: 0,
    },
  ];
}

function churnTask(
  c: FollowUpCustomer,
  today: string,
  s: FollowUpSettings,
  ctx: ScriptContext,
): Task[] {
  const due = churnDue(c, today, s.churn);
  if (!due) return [];
  const slots = customerSlots(c, today, ctx);
  return [
    {
      key: due.key,
      kind: 'churn',
      title: `流失预警·${due.daysAway}天未到店`,
      customerId: c.id,
      customerName: c.name,
      // Today's tier, as every other list shows it; the threshold came from the lapsed one.
      tier: c.tier,
      ownerId: c.ownerId,
      notifyManagers: true,
      dueDate: due.dueDate,
      overdue: due.overdue,
      channel: 'alert',
      optedOut: c.optOut,
      script: scriptFor('churn', slots, `${c.id}|${today}|${due.key}`),
      detail: historyLine(c, today),
      priority: 0,
    },
  ];
}

/** Every task of `c` on the owner's (or, ownerless, the managers') list on business date `today`. */
export function tasksFor(
  c: FollowUpCustomer,
  today: string,
  s: FollowUpSettings = DEFAULT_FOLLOW_UP_SETTINGS,
  ctx: ScriptContext = {},
  overrides: readonly HolidayOverride[] = HOLIDAY_OVERRIDES,
): Task[] {
  return [
    ...churnTask(c, today, s, ctx),
    ...postVisitTask(c, today, s, ctx),
    ...occasionTasks(c, today, s, ctx),
    ...holidayTasks(c, today, s, ctx, overrides),
  ]
    .map((t) => ({ ...t, priority: priorityOf(t) }))
    .sort((a, b) => b.priority - a.priority || a.dueDate.localeCompare(b.dueDate));
}

/** Birthdays and anniversaries of `c` in the coming days, for the briefing and personal list. */
export function upcomingFor(
  c: FollowUpCustomer,
  today: string,
  s: FollowUpSettings = DEFAULT_FOLLOW_UP_SETTINGS,
): Upcoming[] {
  return upcomingOccasions(c, today, s);
}
