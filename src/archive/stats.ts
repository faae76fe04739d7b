/**
 * A customer's figures, derived from the short visit summaries kept on the customer record. Pure:
 * "today" is an argument, so the 30-day window slides with the clock, not with a nightly job.
 */
import { addDays, daysBetween } from '../time/business-day';

export interface VisitSummary {
  visitId: string;
  date: string;
  amount: number;
  partySize?: number | null;
  room?: string | null;
}

export interface CustomerStats {
  visits: number;
  totalSpend: number;
  averageSpend: number;
  firstVisit?: string;
  lastVisit?: string;
  lastAmount?: number;
  usualPartySize?: number;
  usualRoom?: string;
}

/** 期初: history before the bot, from an imported sheet (model/customer.ts `opening`). */
export interface OpeningBalance {
  visits: number;
  spend: number;
  firstVisit?: string;
  lastVisit?: string;
  lastAmount?: number;
}

export interface WindowFigures {
  visits: number;
  spend: number;
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  // Later values win ties: the customer's recent habit matters more than an old one.
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n >= bestCount) [best, bestCount] = [v, n];
  }
  return best;
}

/** Visits in chronological order (by business date, then by insertion). */
export function chronological(visits: VisitSummary[]): VisitSummary[] {
  return visits
    .map((v, i) => ({ v, i }))
    .sort((a, b) => a.v.date.localeCompare(b.v.date) || a.i - b.i)
    .map((x) => x.v);
}

export function statsOf(visits: VisitSummary[], opening?: OpeningBalance): CustomerStats {
  const ordered = chronological(visits);
  const count = ordered.length + (opening?.visits ?? 0);
  const total = ordered.reduce((n, v) => n + v.amount, 0) + (opening?.spend ?? 0);
  const last = ordered.at(-1);
  // The sheet's last visit wins only when it is later than anything the bot recorded.
  const openingIsLast = !!opening?.lastVisit && (!last || opening.lastVisit > last.date);
  const firsts = [ordered[0]?.date, opening?.firstVisit ?? opening?.lastVisit].filter(Boolean);
  return {
    visits: count,
    totalSpend: total,
    averageSpend: count ? Math.round(total / count) : 0,
    firstVisit: firsts.sort()[0],
    lastVisit: openingIsLast ? opening.lastVisit : last?.date,
    lastAmount: openingIsLast ? opening.lastAmount : last?.amount,
    usualPartySize: mostCommon(ordered.flatMap((v) => (v.partySize ? [v.partySize] : []))),
    usualRoom: mostCommon(ordered.flatMap((v) => (v.room ? [v.room] : []))),
  };
}

/**
 * The opening balance as the tier rules see it: its last visit, when the sheet dates it, is one
 * more visit (of its amount, when known). Totals without dates say nothing about the last 30 days.
 */
export function openingVisits(opening?: OpeningBalance): VisitSummary[] {
  if (!opening?.lastVisit) return [];
  return [{ visitId: 'opening', date: opening.lastVisit, amount: opening.lastAmount ?? 0 }];
}

/** Visits and spend in the `days` business days ending `today` (inclusive). */
export function windowFigures(visits: VisitSummary[], today: string, days = 30): WindowFigures {
  const from = addDays(today, -(days - 1));
  const inWindow = visits.filter((v) => v.date >= from && v.date <= today);
  return { visits: inWindow.length, spend: inWindow.reduce((n, v) => n + v.amount, 0) };
}

/** How many of the last `weeks` 7-day periods ending today each had a visit, counting back from now. */
export function weeksInARow(visits: VisitSummary[], today: string, weeks: number): number {
  let streak = 0;
  for (let w = 0; w < weeks; w++) {
    const hit = visits.some((v) => {
      const age = daysBetween(v.date, today);
      return age >= w * 7 && age < (w + 1) * 7;
    });
    if (!hit) break;
    streak += 1;
  }
  return streak;
}
