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
import { customerSlots, scriptFor } from './wording';

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

/** Gift and greeting tasks of this customer's occasions due today. */
export function occasionTasks(
  c: FollowUpCustomer,
  today: string,
  s: FollowUpSettings,
  ctx: ScriptContext,
): Task[] {
  const base = customerSlots(c, today, ctx);
  const giftFor = s.occasions.giftTiers.includes(c.tier);
  const tasks: Task[] = [];
  for (const o of occasionsOf(c)) {
    for (const date of occurrencesAround(o.date, today)) {
      const lunar = o.date.calendar === 'lunar';
      const slots = {
        ...base,
        date: shortDate(date, today),
        occasion: o.kind === 'birthday' && lunar ? '农历生日' : NAMES[o.kind],
        gift: OCCASION_GIFTS[o.kind],
        years: yearsSlot(o, date),
      };
      const common = { customerId: c.id, customerName: c.name, tier: c.tier, ownerId: c.ownerId };
      const detail = detailOf(o);
      const giftKey = `${o.kind}:${date}:gift`;
      const gift = giftFor
        ? openTask(c.followUpLog, giftKey, addDays(date, -s.occasions.giftDaysBefore), today, date)
        : undefined;
      if (gift) {
        tasks.push({
          ...common,
          ...gift,
          key: giftKey,
          kind: 'gift',
          title: `${NAMES[o.kind]}备礼`,
          notifyManagers: false,
          channel: 'prepare',
          optedOut: c.optOut,
          script: scriptFor('gift', slots, `${c.id}|${today}|${giftKey}`),
          detail,
          priority: 0,
        });
      }
      const greetKey = `${o.kind}:${date}:greet`;
      // Opted out means no messages at all, greetings included (seed 004 "请回复:不").
      const greet = c.optOut ? undefined : openTask(c.followUpLog, greetKey, date, today, date);
      if (greet) {
        tasks.push({
          ...common,
          ...greet,
          key: greetKey,
          kind: 'greeting',
          title: `${NAMES[o.kind]}祝福`,
          notifyManagers: false,
          channel: 'message',
          optedOut: false,
          script: scriptFor(GREETING[o.kind], slots, `${c.id}|${today}|${greetKey}`),
          detail,
          priority: 0,
        });
      }
    }
  }
  return tasks;
}
