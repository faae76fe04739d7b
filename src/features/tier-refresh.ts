/**
 * Tiers follow time as well as visits: a customer drops from A when the 30-day window slides past
 * their visits. A customer's tier can change with time alone only on the days one of their visits
 * crosses a window edge the store's settings define (each week of 连续N周, 30 days, the end of
 * 新客户: archive/tiers.ts tierEdges), so each morning only the customers in those days' day books,
 * and those whose imported opening balance dates a visit on them, are recomputed; each owner gets
 * one message listing their changes. The job remembers the last day it covered and catches up on
 * missed days, so nothing depends on it having run every day.
 */
import { customersWithOpeningOn } from '../archive/indexes';
import { refreshCustomer, tierSettingsOf } from '../archive/refresh';
import { tierChangeText, tierEdges, type TierSettings } from '../archive/tiers';
import { Types } from 'mongoose';
import { jobStateId } from '../model/job-state';
import { customersOnDays } from '../archive/day-book';
import { upsertOnce } from '../db/lookup';
import { storeWriter } from '../archive/writer';
import type { StoreDoc } from '../model/store';
import type { Services } from '../pipeline/context';
import { directTo, type OutgoingMessage } from '../pipeline/message';
import type { Job } from '../scheduler/jobs';
import { addDays, daysBetween } from '../time/business-day';

/**
 * Business days whose visits may have crossed a window edge since `lastDay` (exclusive). Past the
 * oldest edge the windows hold none of a visit: a longer outage needs no more catch-up.
 */
export function edgeDays(lastDay: string | undefined, today: string, s: TierSettings): string[] {
  const edges = tierEdges(s);
  const span = Math.min(Math.max(...edges), lastDay ? daysBetween(lastDay, today) : 1);
  const days = new Set<string>();
  for (let back = 0; back < span; back++) {
    for (const edge of edges) days.add(addDays(today, -back - edge));
  }
  return [...days].sort();
}

async function customersOn(services: Services, store: StoreDoc, days: string[]): Promise<string[]> {
  const { models } = services;
  const visited = await customersOnDays(models, store._id, days);
  return [...new Set([...visited, ...(await customersWithOpeningOn(models, store._id, days))])];
}

export async function refreshTiers(services: Services, store: StoreDoc, today: string) {
  const { models } = services;
  const stateId = jobStateId('tier-refresh', store._id);
  const lastDay = (await models.JobState.findById(stateId).lean())?.lastDay ?? undefined;
  const settings = tierSettingsOf(store);
  const byOwner = new Map<string, string[]>();
  const writer = storeWriter(models);
  for (const id of await customersOn(services, store, edgeDays(lastDay, today, settings))) {
    // One customer at a time as the store's writer: records keep flowing between them.
    const done = await writer.run(store._id, () =>
      refreshCustomer(models, new Types.ObjectId(id), today, settings),
    );
    if (!done?.change || !done.customer.ownerId) continue;
    const owner = String(done.customer.ownerId);
    const line = tierChangeText(done.customer.name, done.change.from, done.change.to);
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), line]);
  }
  await upsertOnce(() =>
    models.JobState.updateOne({ _id: stateId }, { $set: { lastDay: today } }, { upsert: true }),
  );
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
