/**
 * Tiers follow time as well as visits: a customer drops from A when the 30-day window slides past
 * their visits. Each morning the customers whose tier can still change with time (a visit in the
 * last weeks) are recomputed as of today, and each owner gets one message listing their changes.
 * Computed from the data at run time, so a missed day is caught up by the next run.
 */
import { keys, lookupIds, removeFromLookup } from '../db/lookup';
import { refreshCustomer, tierSettingsOf } from '../archive/refresh';
import { tierChangeText } from '../archive/tiers';
import type { StoreDoc } from '../model/store';
import type { Services } from '../pipeline/context';
import { directTo, type OutgoingMessage } from '../pipeline/message';
import type { Job } from '../scheduler/jobs';
import { addDays } from '../time/business-day';

/** Past this, windows of 30 days and 3 weeks no longer hold any of the customer's visits. */
const WATCH_DAYS = 35;

export async function refreshTiers(services: Services, store: StoreDoc, today: string) {
  const { models } = services;
  const key = keys.recentlyActive(store._id);
  const settings = tierSettingsOf(store);
  const byOwner = new Map<string, string[]>();
  for (const id of await lookupIds(models, key)) {
    const done = await refreshCustomer(models, id, today, settings);
    const last = done?.customer.stats?.lastVisit;
    if (!done || !last || last < addDays(today, -WATCH_DAYS))
      await removeFromLookup(models, key, id);
    if (!done?.change || !done.customer.ownerId) continue;
    const owner = String(done.customer.ownerId);
    byOwner.set(owner, [
      ...(byOwner.get(owner) ?? []),
      tierChangeText(done.customer.name, done.change.from, done.change.to),
    ]);
  }
  return byOwner;
}

export const tierRefresh: Job = {
  name: 'tier-refresh',
  // Before the briefing, so it speaks of today's tiers.
  timeOf: (store) => store.briefingTime,
  async run(store, occ, _now, services): Promise<OutgoingMessage[]> {
    const out: OutgoingMessage[] = [];
    for (const [ownerId, lines] of await refreshTiers(services, store, occ.day)) {
      const owner = await services.models.Staff.findById(ownerId);
      if (owner?.active) out.push(directTo(owner, `客户分级变化:\n${lines.join('\n')}`));
    }
    return out;
  },
};
