/**
 * 班前会: at the store's brief time (晚市 16:30 on by default, 午市 10:30 off) every team group
 * gets that meal's open bookings of the business day, each with the guest's highlights and who
 * took it; A-class guests are marked 店长接待 and every manager gets those by direct message
 * (seed 001: 店长必须亲身接待). No bookings, no message. One occurrence per store, day and meal
 * (the claim and the outbox keys), so a re-run after a crash, or a time changed after the brief
 * went, sends nothing twice.
 */
import { bookingsOnDays, type Booking } from '../../archive/bookings';
import { staffOfStore } from '../../archive/staff';
import { toTeamGroups } from '../../archive/stores';
import type { StoreDoc } from '../../model/store';
import type { Services } from '../../pipeline/context';
import { directTo } from '../../pipeline/message';
import { maskPhones } from '../../privacy';
import type { Job } from '../../scheduler/jobs';
import { businessDayAt, localParts, minutesOf } from '../../time/business-day';
import { managersOf } from '../command';
import type { BriefTime } from '../settings-table';
import { receivedByManager } from './guest-line';
import { bookingEntry, customersOf } from './query';
import { coversOf, dayWord, inMeal } from './slot';

export type Meal = 'lunch' | 'dinner';

const MEAL_WORD: Record<Meal, string> = { lunch: '午市', dinner: '晚市' };
const DEFAULTS: Record<Meal, BriefTime> = {
  lunch: { time: '10:30', on: false },
  dinner: { time: '16:30', on: true },
};

/** Lines a group brief shows before `…还有N桌`: a busy night on a phone screen or two. */
export const BRIEF_CAP = 30;

/** The store's brief for the meal, defaults filled in (a store saved before briefs existed). */
export function preShiftOf(store: Pick<StoreDoc, 'lunchBrief' | 'dinnerBrief'>, meal: Meal) {
  const set = meal === 'lunch' ? store.lunchBrief : store.dinnerBrief;
  return {
    time: set?.time ?? DEFAULTS[meal].time,
    on: set?.on ?? DEFAULTS[meal].on,
  } satisfies BriefTime;
}

/**
 * A brief that could not go out within this long of its time (the bot was down, or it was
 * turned on later in the day) is dropped: service has begun, and the message would be noise.
 */
export const BRIEF_LATE_MINUTES = 180;

export function tooLate(time: string, now: Date, timeZone: string): boolean {
  const p = localParts(now, timeZone);
  return p.hour * 60 + p.minute - minutesOf(time) > BRIEF_LATE_MINUTES;
}

interface Entry {
  line: string;
  aClass: boolean;
}

async function entries(services: Services, store: StoreDoc, open: Booking[], today: string) {
  const ctx = { services };
  const guests = await customersOf(ctx, open);
  const names = new Map(
    (await staffOfStore(services.models, store._id)).map((s) => [String(s._id), s.name]),
  );
  const out: Entry[] = [];
  for (const b of open) {
    const c = guests.get(String(b.customerId));
    const taker = names.get(String(b.takenBy));
    const line = await bookingEntry(ctx, b, c, today);
    out.push({ line: taker ? `${line} · ${taker}接` : line, aClass: !!c && receivedByManager(c) });
  }
  return out;
}

/** The meal's open bookings of the business day, by time. */
export async function mealBookings(
  services: Services,
  store: StoreDoc,
  day: string,
  meal: Meal,
): Promise<Booking[]> {
  return (await bookingsOnDays(services.models, store._id, [day])).filter(
    (b) => b.state === 'open' && inMeal(b.mealPeriod, meal),
  );
}

export const moreTables = (n: number) => `…还有${n}桌,发「今天预订」看全部`;

export function briefText(day: string, meal: Meal, open: Booking[], lines: string[]): string {
  const head = `【班前会】${dayWord(day)} ${MEAL_WORD[meal]} 预订${open.length}桌 ${coversOf(open)}人`;
  const shown = lines.slice(0, BRIEF_CAP);
  const more = lines.length - shown.length;
  const tail = more > 0 ? [moreTables(more)] : [];
  return maskPhones([head, ...shown, ...tail].join('\n'));
}

async function runBrief(store: StoreDoc, day: string, meal: Meal, services: Services) {
  const open = await mealBookings(services, store, day, meal);
  // Nothing booked: no message (the group hears from the bot only when there is something).
  if (open.length === 0) return [];
  const list = await entries(services, store, open, day);
  const text = briefText(
    day,
    meal,
    open,
    list.map((e) => e.line),
  );
  const out = await toTeamGroups(services.models, store._id, text);
  const managers = await managersOf(services.models, store._id);
  // A store with no team group bound yet: the managers get the whole brief instead.
  if (out.length === 0) return managers.map((m) => directTo(m, text));
  const vip = list.filter((e) => e.aClass).map((e) => e.line);
  if (vip.length === 0) return out;
  const note = maskPhones(
    [
      `【班前会】${dayWord(day)} ${MEAL_WORD[meal]} A类客人${vip.length}桌,请店长接待:`,
      ...vip,
    ].join('\n'),
  );
  for (const m of managers) out.push(directTo(m, note));
  return out;
}

export function preShiftJob(meal: Meal): Job {
  return {
    name: `pre-shift-${meal}`,
    timeOf: (store) => preShiftOf(store, meal).time,
    dueOn: (store) => preShiftOf(store, meal).on,
    oncePerDay: true,
    run: async (store, occ, now, services) => {
      const { time } = preShiftOf(store, meal);
      if (tooLate(time, now, store.timeZone)) return [];
      return runBrief(store, businessDayAt(occ.day, time, store.businessDayCutoff), meal, services);
    },
  };
}

export const dinnerBrief = preShiftJob('dinner');
export const lunchBrief = preShiftJob('lunch');
