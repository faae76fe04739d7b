/**
 * Birthdays and wedding / company anniversaries, solar or lunar: listed from a week before, a gift
 * to prepare 3 days before for A customers, a greeting on the day for every opted-in customer.
 */
import { shortDate } from '../format/text';
import { lunarLabel, nextYearlyDate } from '../calendar/yearly';
import { addDays, daysBetween } from '../time/business-day';
import { openTask } from './records';
import { OCCASION_GIFTS, type ScriptKind } from './scripts';
import type { FollowUpSettings } from './settings';
import type { FollowUpCustomer, ScriptContext, Task, Upcoming, YearlyDate } from './types';
import { customerSlots, scriptFor, type Slots } from './wording';

type OccasionKind = Upcoming['kind'];

interface Occasion {
  kind: OccasionKind;
  date: YearlyDate;
}

const NAMES: Record<OccasionKind, string> = {
  birthday: '生日',
  wedding: '结婚纪念日',
  company: '公司周年庆',
};

const GREETING: Record<OccasionKind, ScriptKind> = {
  birthday: 'birthdayGreeting',
  wedding: 'weddingGreeting',
  company: 'companyGreeting',
};

function occasionsOf(c: FollowUpCustomer): Occasion[] {
  const out: Occasion[] = c.birthday ? [{ kind: 'birthday', date: c.birthday }] : [];
  for (const a of c.anniversaries ?? []) out.push({ kind: a.kind, date: a });
  return out;
}

/**
 * The occurrences that can still matter today: the next one, and the last one in case a task of
 * it was moved past the day (`李姐 明天再联系` on her birthday).
 */
function occurrencesAround(date: YearlyDate, today: string): string[] {
  const next = nextYearlyDate(date, today);
  const recent = nextYearlyDate(date, addDays(today, -60));
  return recent === next ? [next] : [recent, next];
}

/** Birthdays and anniversaries from today to `listDaysBefore` days ahead, for lists. */
export function upcomingOccasions(
  c: FollowUpCustomer,
  today: string,
  s: FollowUpSettings,
): Upcoming[] {
  const horizon = addDays(today, s.occasions.listDaysBefore);
  return occasionsOf(c).flatMap((o) => {
    const date = nextYearlyDate(o.date, today);
    if (date > horizon) return [];
    const daysAway = daysBetween(today, date);
    const lunar = o.date.calendar === 'lunar';
    return [
      {
        customerId: c.id,
        customerName: c.name,
        ownerId: c.ownerId,
        kind: o.kind,
        date,
        lunar,
        daysAway,
      },
    ];
  });
}

/** `农历腊月初八` or nothing: shown beside a lunar date so staff trust the solar one. */
function detailOf(o: Occasion): string | undefined {
  return o.date.calendar === 'lunar' ? lunarLabel(o.date.month, o.date.day) : undefined;
}

function yearsSlot(o: Occasion, date: string): string | undefined {
  if (o.date.year === undefined) return undefined;
  const n = Number(date.slice(0, 4)) - o.date.year;
  return n > 0 ? `${n}周年` : undefined;
}

interface Occurrence {
  o: Occasion;
  date: string;
  slots: Slots;
}

function taskBase(c: FollowUpCustomer, { o }: Occurrence) {
  const detail = detailOf(o);
  return {
    customerId: c.id,
    customerName: c.name,
    tier: c.tier,
    ownerId: c.ownerId,
    notifyManagers: false,
    priority: 0,
    ...(detail ? { detail } : {}),
  };
}

function giftTask(c: FollowUpCustomer, x: Occurrence, today: string, s: FollowUpSettings) {
  const key = `${x.o.kind}:${x.date}:gift`;
  const due = addDays(x.date, -s.occasions.giftDaysBefore);
  const open = openTask(c.followUpLog, key, due, today, x.date);
  if (!open) return [];
  const task: Task = {
    ...taskBase(c, x),
    ...open,
    key,
    kind: 'gift',
    title: `${NAMES[x.o.kind]}备礼`,
    channel: 'prepare',
    optedOut: c.optOut,
    script: scriptFor('gift', x.slots, `${c.id}|${today}|${key}`),
  };
  return [task];
}

function greetingTask(c: FollowUpCustomer, x: Occurrence, today: string) {
  // Opted out means no messages at all, greetings included (seed 004 "请回复:不").
  if (c.optOut) return [];
  const key = `${x.o.kind}:${x.date}:greet`;
  const open = openTask(c.followUpLog, key, x.date, today, x.date);
  if (!open) return [];
  const task: Task = {
    ...taskBase(c, x),
    ...open,
    key,
    kind: 'greeting',
    title: `${NAMES[x.o.kind]}祝福`,
    channel: 'message',
    optedOut: false,
    script: scriptFor(GREETING[x.o.kind], x.slots, `${c.id}|${today}|${key}`),
  };
  return [task];
}

/** Gift and greeting tasks of this customer's occasions due today. */
export function occasionTasks(
  c: FollowUpCustomer,
  today: string,
  s: FollowUpSettings,
  ctx: ScriptContext,
): Task[] {
  const base = customerSlots(c, today, ctx);
  const giftFor = s.occasions.giftTiers.includes(c.tier);
  return occasionsOf(c).flatMap((o) =>
    occurrencesAround(o.date, today).flatMap((date) => {
      const lunar = o.date.calendar === 'lunar';
      const slots = {
        ...base,
        date: shortDate(date, today),
        occasion: o.kind === 'birthday' && lunar ? '农历生日' : NAMES[o.kind],
        gift: OCCASION_GIFTS[o.kind],
        years: yearsSlot(o, date),
      };
      const x = { o, date, slots };
      return [...(giftFor ? giftTask(c, x, today, s) : []), ...greetingTask(c, x, today)];
    }),
  );
}
