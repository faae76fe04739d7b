/**
 * 客户分级 A/B/C/D (DOMAIN.md "Tiers"): every threshold is a store setting, and every tier comes
 * with the reason in words, because staff will only trust a tier they can explain to themselves.
 */
import { z } from 'zod';
import { yuan } from '../format/text';
import { daysBetween } from '../time/business-day';
import {
  openingVisits,
  windowFigures,
  weeksInARow,
  type OpeningBalance,
  type VisitSummary,
} from './stats';

export type Tier = 'A' | 'B' | 'C' | 'D';

/** The longest `连续N周` rule a store may set; follow-up cards keep that many weeks of visits. */
export const TIER_MAX_WEEKS_IN_ROW = 8;

/** The `近30天` of every spend and visit-count rule. */
export const TIER_WINDOW_DAYS = 30;

const ladder = z.object({
  spend30: z.number().positive(),
  visits30: z.number().int().positive(),
  weeksInRow: z.number().int().min(1).max(TIER_MAX_WEEKS_IN_ROW),
  lastVisit: z.number().positive(),
});

export const tierSettingsSchema = z
  .object({ A: ladder, B: ladder, newCustomerDays: z.number().int().min(1).max(365) })
  .refine((s) => s.A.spend30 >= s.B.spend30 && s.A.lastVisit >= s.B.lastVisit, {
    message: 'A thresholds must not be below B thresholds',
  });

export type TierSettings = z.infer<typeof tierSettingsSchema>;

export const DEFAULT_TIERS: TierSettings = {
  A: { spend30: 5000, visits30: 4, weeksInRow: 3, lastVisit: 3000 },
  B: { spend30: 2000, visits30: 2, weeksInRow: 2, lastVisit: 2000 },
  newCustomerDays: 30,
};

export interface TierVerdict {
  tier: Tier;
  /** Why, in words staff read: `近30天消费¥6,200`. */
  reason: string;
}

function meets(visits: VisitSummary[], today: string, l: TierSettings['A']): string | undefined {
  const w = windowFigures(visits, today, TIER_WINDOW_DAYS);
  if (w.spend >= l.spend30) return `近30天消费${yuan(w.spend)}`;
  if (w.visits >= l.visits30) return `近30天来了${w.visits}次`;
  if (weeksInARow(visits, today, l.weeksInRow) >= l.weeksInRow)
    return `连续${l.weeksInRow}周都来了`;
  const last = visits.reduce<VisitSummary | undefined>(
    (a, v) => (!a || v.date >= a.date ? v : a),
    undefined,
  );
  if (last && last.amount >= l.lastVisit) return `最近一次消费${yuan(last.amount)}`;
  return undefined;
}

/** When the customer first came, as far as anyone knows; `undefined` when never. */
function firstSeen(past: VisitSummary[], opening?: OpeningBalance): string | undefined {
  const dates = past.map((v) => v.date);
  if (opening?.firstVisit) dates.push(opening.firstVisit);
  // A sheet with visits but no dates: an old customer, seen before anything the bot knows.
  if (opening?.visits && !opening.firstVisit && !opening.lastVisit) dates.push('0000-01-01');
  return dates.sort()[0];
}

/** The tier of a customer with these visits (and imported opening balance), as of `today`. */
export function tierOf(
  visits: VisitSummary[],
  today: string,
  s: TierSettings = DEFAULT_TIERS,
  opening?: OpeningBalance,
): TierVerdict {
  const past = [...openingVisits(opening), ...visits].filter((v) => v.date <= today);
  const a = meets(past, today, s.A);
  if (a) return { tier: 'A', reason: a };
  const b = meets(past, today, s.B);
  if (b) return { tier: 'B', reason: b };
  const first = firstSeen(past, opening);
  if (first && daysBetween(first, today) < s.newCustomerDays) {
    return { tier: 'D', reason: `新客户,${s.newCustomerDays}天内首次到店` };
  }
  if (!first) return { tier: 'D', reason: '新客户,还没有消费记录' };
  const w = windowFigures(past, today);
  return { tier: 'C', reason: `近30天消费${yuan(w.spend)}、来了${w.visits}次,未达B类` };
}

/**
 * The ages (days) at which a visit can change a tier with time alone, under these settings: each
 * week of the longest 连续N周 rule, the end of the 30-day window, the end of 新客户.
 */
export function tierEdges(s: TierSettings): number[] {
  const weeks = Math.max(s.A.weeksInRow, s.B.weeksInRow);
  const edges = [...Array.from({ length: weeks }, (_, w) => (w + 1) * 7), TIER_WINDOW_DAYS];
  return [...new Set([...edges, s.newCustomerDays])].sort((a, b) => a - b);
}

const RANK: Record<Tier, number> = { A: 0, B: 1, D: 2, C: 3 };

/** `张总 升为A类: 近30天消费¥6,200` / `张总 降为B类: …` */
export function tierChangeText(name: string, from: Tier, to: TierVerdict): string {
  const verb = RANK[to.tier] < RANK[from] ? '升为' : '降为';
  return `${name} ${verb}${to.tier}类: ${to.reason}`;
}
