/** Stats and tier follow the customer's visits: recomputed from the archive's own history. */
import type { Types } from 'mongoose';
import type { Models } from '../model';
import type { Customer, CustomerDoc } from '../model/customer';
import type { StoreDoc } from '../model/store';
import { CARD_FROM_CALLER, writeCards } from '../model/follow-up-card';
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

export function tierSettingsOf(store: StoreDoc): TierSettings {
  const parsed = tierSettingsSchema.safeParse(store.tiers);
  return parsed.success ? parsed.data : DEFAULT_TIERS;
}

export function summariesOf(customer: Pick<Customer, 'history'>): VisitSummary[] {
  return customer.history.map((h) => ({
    visitId: String(h.visitId),
    date: h.date,
    amount: h.amount,
    partySize: h.partySize,
    room: h.room,
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

/**
 * Set a customer's figures and tier from `history` as of business date `today`. Returns the tier
 * change, if any, for a customer that already had a tier (a brand-new archive has no "change").
 */
export async function applyHistory(
  models: Models,
  customer: CustomerDoc,
  history: VisitSummary[],
  today: string,
  settings: TierSettings,
  /** Pushed in the same write, so adding a visit and its figures is one atomic update. */
  push?: Record<string, unknown>,
): Promise<{ customer: CustomerDoc; change?: TierChange }> {
  const opening = openingOf(customer);
  const verdict = tierOf(history, today, settings, opening);
  const before = customer.tierAsOf ? (customer.tier as Tier) : undefined;
  const set = {
    stats: statsOf(history, opening),
    tier: verdict.tier,
    tierReason: verdict.reason,
    tierAsOf: today,
  };
  customer.set(set);
  // The follow-up card is written from the copy in hand (saves the hook's read of the archive).
  await models.Customer.updateOne(
    { _id: customer._id },
    { $set: set, ...(push && { $push: push }) },
    { [CARD_FROM_CALLER]: true } as never,
  );
  await writeCards(models.Customer.db, [{ ...customer.toObject(), history } as never]);
  const known = history.length > 0 || !!opening?.visits;
  await keepTierIndex(models, customer, before, known ? verdict.tier : undefined);
  // An archive left with no visits (all undone) has no tier worth announcing.
  const changed = before && before !== verdict.tier && known;
  return { customer, change: changed ? { from: before, to: verdict } : undefined };
}

/** Recompute one customer's figures and tier from the archive as stored. */
export async function refreshCustomer(
  models: Models,
  customerId: Types.ObjectId,
  today: string,
  settings: TierSettings,
): Promise<{ customer: CustomerDoc; change?: TierChange } | undefined> {
  const customer = await models.Customer.findById(customerId);
  return customer
    ? applyHistory(models, customer, summariesOf(customer), today, settings)
    : undefined;
}
