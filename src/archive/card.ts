/**
 * A customer's follow-up card: the few fields the follow-up rules read, with only the visits that
 * can still decide a tier. Every morning reads thousands of customers, and the local database
 * decodes a whole customer document (visit history, notes, aliases…) in Go at ~0.8 ms each; a
 * card is one string field and reads ~6× faster. Cards are kept by src/model/card-upkeep.ts.
 */
import { openingOf } from './refresh';
import type { OpeningBalance } from './stats';
import { TIER_MAX_WEEKS_IN_ROW } from './tiers';
import type { Customer } from '../model/customer';
import { addDays } from '../time/business-day';

export interface CardVisit {
  visitId: string;
  date: string;
  amount: number;
  /** What a thank-you for the visit may mention. */
  room?: string;
  partySize?: number;
}

export interface FollowUpCard {
  id: string;
  storeId: string;
  name: string;
  ownerId?: string;
  optOut: boolean;
  gender?: string;
  birthday?: { calendar: 'solar' | 'lunar'; month: number; day: number; year?: number };
  preferences: string[];
  followUps: {
    key: string;
    action: 'done' | 'skipped' | 'moved' | 'missed' | 'sent' | 'expired';
    on: string;
    to?: string;
    also?: string[];
  }[];
  /** The first visit, and every visit close enough to the last one to count for a tier. */
  history: CardVisit[];
  /** Totals brought in from the store's old spreadsheet (src/import). */
  opening?: OpeningBalance;
  stats: {
    visits: number;
    totalSpend: number;
    lastVisit?: string;
    usualRoom?: string;
    usualPartySize?: number;
  };
}

/**
 * How far back from the last visit a visit can still matter for a tier as of any later day: the
 * 30-day window and the longest weeks-in-a-row rule. Later days only look at fewer of them.
 */
export const TIER_RELEVANT_DAYS = Math.max(30, TIER_MAX_WEEKS_IN_ROW * 7);

type CardSource = Pick<
  Customer,
  | 'storeId'
  | 'name'
  | 'ownerId'
  | 'optOut'
  | 'gender'
  | 'birthday'
  | 'preferences'
  | 'followUps'
  | 'history'
  | 'stats'
  | 'mergedInto'
  | 'removedAt'
  | 'opening'
> & { _id: unknown };

function relevantVisits(history: CardSource['history'], lastVisit?: string | null): CardVisit[] {
  if (history.length === 0) return [];
  const from = lastVisit ? addDays(lastVisit, -TIER_RELEVANT_DAYS) : '';
  const first = history.reduce((a, h) => (h.date < a.date ? h : a));
  return history
    .filter((h) => h === first || h.date >= from)
    .map((h) => ({
      visitId: String(h.visitId),
      date: h.date,
      amount: h.amount,
      room: orUndefined(h.room),
      partySize: orUndefined(h.partySize),
    }));
}

const orUndefined = <T>(v: T | null | undefined): T | undefined => v ?? undefined;

/** The card of a customer; none for an archive merged into another or removed (no tasks of its own). */
export function cardOf(c: CardSource): FollowUpCard | null {
  if (c.mergedInto || c.removedAt) return null;
  const s = c.stats;
  return {
    id: String(c._id),
    storeId: String(c.storeId),
    name: c.name,
    ownerId: c.ownerId ? String(c.ownerId) : undefined,
    optOut: Boolean(c.optOut),
    gender: orUndefined(c.gender),
    birthday: c.birthday
      ? {
          calendar: c.birthday.calendar,
          month: c.birthday.month,
          day: c.birthday.day,
          year: orUndefined(c.birthday.year),
        }
      : undefined,
    preferences: [...c.preferences],
    followUps: c.followUps.map((f) => ({
      key: f.key,
      action: f.action,
      on: f.on,
      to: orUndefined(f.to),
      also: f.also?.length ? [...f.also] : undefined,
    })),
    history: relevantVisits(c.history, s?.lastVisit),
    opening: openingOf(c),
    stats: {
      visits: s?.visits ?? 0,
      totalSpend: s?.totalSpend ?? 0,
      lastVisit: orUndefined(s?.lastVisit),
      usualRoom: orUndefined(s?.usualRoom),
      usualPartySize: orUndefined(s?.usualPartySize),
    },
  };
}
