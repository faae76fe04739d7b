/**
 * A customer's history (active visits in brief), figures and tier: derived from their visits and
 * opening balance, written together in one guarded write (archive/customer-writes.ts), with the
 * tier index following.
 */
import { Types } from 'mongoose';
import type { Models } from '../model';
import type { Customer, CustomerDoc } from '../model/customer';
import type { StoreDoc } from '../model/store';
import { readCustomer, reviseCustomer } from './customer-writes';
import { keepTierIndex } from './indexes';
import { statsOf, type OpeningBalance, type VisitSummary } from './stats';
import {
  DEFAULT_TIERS,
  tierOf,
  tierSettingsSchema,
  type Tier,
  type TierSettings,
  type TierVerdict,
} from './tiers';

export interface TierChange {
  from: Tier;
  to: TierVerdict;
}

export interface Revised {
  customer: CustomerDoc;
  /** The document the change was applied to. */
  before: CustomerDoc;
  /** For a customer that already had a tier (a brand-new archive has no "change"). */
  change?: TierChange;
}

export function tierSettingsOf(store: StoreDoc): TierSettings {
  const parsed = tierSettingsSchema.safeParse(store.tiers);
  return parsed.success ? parsed.data : DEFAULT_TIERS;
}

export function summariesOf(customer: Pick<Customer, 'history'>): VisitSummary[] {
  return customer.history.map((h) => ({
    visitId: String(h.visitId),
    date: h.date,
    amount: h.amount,
    partySize: h.partySize ?? undefined,
    room: h.room ?? undefined,
  }));
}

/** The imported opening balance, if the customer came in from a sheet. */
export function openingOf(customer: Pick<Customer, 'opening'>): OpeningBalance | undefined {
  const o = customer.opening;
  if (!o) return undefined;
  return {
    visits: o.visits ?? 0,
    spend: o.spend ?? 0,
    firstVisit: o.firstVisit ?? undefined,
    lastVisit: o.lastVisit ?? undefined,
    lastAmount: o.lastAmount ?? undefined,
  };
}

/** The fields derived from a history as of business date `today`. */
export function derivedOf(
  c: Pick<Customer, 'opening'>,
  history: VisitSummary[],
  today: string,
  settings: TierSettings,
) {
  const opening = openingOf(c);
  const verdict = tierOf(history, today, settings, opening);
  return {
    stats: statsOf(history, opening),
    tier: verdict.tier,
    tierReason: verdict.reason,
    verdict,
  };
}

/** A value compared as stored: no undefined or null fields, keys in order. */
export const canonical = (v: unknown): string =>
  JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>)
            .filter(([, y]) => y !== undefined && y !== null)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : x,
  );

const stored = (h: VisitSummary) => ({
  visitId: new Types.ObjectId(h.visitId),
  date: h.date,
  amount: h.amount,
  ...(h.partySize != null && { partySize: h.partySize }),
  ...(h.room != null && { room: h.room }),
});

/** The smallest write turning history `was` into `now`, or null when they are the same. */
export function historyUpdate(
  was: VisitSummary[],
  now: VisitSummary[],
): Record<string, Record<string, unknown>> | null {
  const same = (a: VisitSummary, b: VisitSummary) => canonical(a) === canonical(b);
  if (was.length === now.length && was.every((h, i) => same(h, now[i]))) return null;
  if (now.length === was.length + 1 && was.every((h, i) => same(h, now[i])))
    return { $push: { history: stored(now.at(-1)!) } };
  if (now.length === was.length) {
    const diff = now.flatMap((h, i) => (same(h, was[i]) ? [] : [i]));
    if (diff.length === 1) return { $set: { [`history.${diff[0]}`]: stored(now[diff[0]]) } };
  }
  return { $set: { history: now.map(stored) } };
}

/** The tier a customer is indexed under: none until they have a visit or an opening balance. */
const indexedTier = (c: CustomerDoc): Tier | undefined =>
  c.tierAsOf && (c.history.length > 0 || (c.opening?.visits ?? 0) > 0)
    ? (c.tier as Tier)
    : undefined;

/** What the owner is told when a customer who had a tier is counted under another. */
export function tierChangeOf(
  before: CustomerDoc,
  after: CustomerDoc,
  verdict: TierVerdict,
): TierChange | undefined {
  const from = indexedTier(before);
  const to = indexedTier(after);
  return from && to && from !== to ? { from, to: verdict } : undefined;
}

/**
 * Bring a customer's history to `intended(c)` and their figures and tier in line with it, as of
 * `today`; applied to the document as stored (guarded by rev, computed again on a conflict).
 * Writing what is already there writes nothing, so this is also the repair.
 */
export async function settleHistory(
  models: Models,
  start: CustomerDoc,
  intended: (c: CustomerDoc) => VisitSummary[],
  today: string,
  settings: TierSettings,
): Promise<Revised> {
  const { before, after, changed } = await reviseCustomer(models, start, (c) => {
    const history = intended(c);
    const d = derivedOf(c, history, today, settings);
    const move = historyUpdate(summariesOf(c), history);
    const sameFigures =
      canonical(d.stats) === canonical(c.stats) &&
      d.tier === c.tier &&
      d.tierReason === c.tierReason &&
      !!c.tierAsOf;
    if (!move && sameFigures) return null;
    const set = { stats: d.stats, tier: d.tier, tierReason: d.tierReason, tierAsOf: today };
    return { ...move, $set: { ...move?.$set, ...set } };
  });
  const from = indexedTier(before);
  const to = indexedTier(after);
  if (changed) await keepTierIndex(models, after, from, to);
  const verdict = derivedOf(after, summariesOf(after), today, settings).verdict;
  return { customer: after, before, change: tierChangeOf(before, after, verdict) };
}

/** Recompute one customer's figures and tier from their history as stored. */
export async function refreshCustomer(
  models: Models,
  customer: CustomerDoc | Types.ObjectId,
  today: string,
  settings: TierSettings,
): Promise<Revised | undefined> {
  const c = customer instanceof Types.ObjectId ? await readCustomer(models, customer) : customer;
  return c ? settleHistory(models, c, summariesOf, today, settings) : undefined;
}
