/** The archive as the follow-up rules see it: FollowUpCustomer records, read from follow-up cards. */
import { Types } from 'mongoose';
import { cardOf, type FollowUpCard } from '../../archive/card';
import { tierOf, type Tier, type TierSettings } from '../../archive/tiers';
import type { FollowUpCustomer } from '../../followup/types';
import type { Models } from '../../model';
import type { CustomerDoc } from '../../model/customer';

/**
 * `{_id: {$in}}` goes through the index (scripts/ferretdb/patches.json); a bounded batch keeps
 * each query short, and two in flight keep both the database and this process busy.
 */
const BATCH = 250;
const IN_FLIGHT = 2;

async function readCards(models: Models, ids: Types.ObjectId[]) {
  return models.FollowUpCard.find({ _id: { $in: ids } }).lean();
}

/**
 * Customers without a card (archives from before cards, or a card write a crash cut short):
 * built from the archive for this reading. Writing it is the sweeper's job, as the store's writer.
 */
async function cardsFromArchives(models: Models, ids: Types.ObjectId[]): Promise<FollowUpCard[]> {
  if (ids.length === 0) return [];
  const found = await models.Customer.find({ _id: { $in: ids } }).lean<CustomerDoc[]>();
  return found.flatMap((c) => cardOf(c) ?? []);
}

async function cardsOfBatch(models: Models, ids: Types.ObjectId[]): Promise<FollowUpCard[]> {
  const rows = await readCards(models, ids);
  const have = new Set(rows.map((r) => String(r._id)));
  const cards = rows.flatMap((r) => (r.card ? [JSON.parse(r.card) as FollowUpCard] : []));
  return cards.concat(
    await cardsFromArchives(
      models,
      ids.filter((id) => !have.has(String(id))),
    ),
  );
}

/** The cards of these customers of one store; merged archives have none. */
export async function loadCards(
  models: Models,
  storeId: Types.ObjectId,
  ids: Iterable<string>,
): Promise<FollowUpCard[]> {
  const all = [...new Set(ids)].map((id) => new Types.ObjectId(id));
  const batches: Types.ObjectId[][] = [];
  for (let i = 0; i < all.length; i += BATCH) batches.push(all.slice(i, i + BATCH));
  const out: FollowUpCard[] = [];
  for (let i = 0; i < batches.length; i += IN_FLIGHT) {
    const done = await Promise.all(
      batches.slice(i, i + IN_FLIGHT).map((b) => cardsOfBatch(models, b)),
    );
    for (const cards of done) out.push(...cards);
  }
  const store = String(storeId);
  return out.filter((c) => c.storeId === store);
}

function lastVisitFacts(history: FollowUpCard['history'], lastVisit?: string) {
  const last = history.filter((h) => h.date === lastVisit).at(-1);
  return { lastVisitRoom: last?.room, lastVisitParty: last?.partySize };
}

export function toFollowUpCustomer(
  c: FollowUpCard,
  today: string,
  tiers: TierSettings,
  staffNames: Record<string, string>,
): FollowUpCustomer {
  const history = c.history;
  const s = c.stats;
  const owner = c.ownerId ?? null;
  return {
    id: c.id,
    name: c.name,
    tier: tierOf(history, today, tiers, c.opening).tier,
    // Churn thresholds follow the tier the customer had when last seen (tiers decay with absence).
    tierAtLastVisit: s.lastVisit ? tierOf(history, s.lastVisit, tiers, c.opening).tier : undefined,
    ownerId: owner,
    ownerName: owner ? staffNames[owner] : undefined,
    optOut: c.optOut,
    gender: c.gender === '男' ? 'male' : c.gender === '女' ? 'female' : undefined,
    birthday: c.birthday,
    lastVisit: s.lastVisit,
    ...lastVisitFacts(history, s.lastVisit),
    visits: s.visits,
    totalSpend: s.totalSpend,
    usualRoom: s.usualRoom,
    usualPartySize: s.usualPartySize,
    preferences: c.preferences,
    // An alert marked sent today is still today's: a re-run of the morning must produce it again.
    followUpLog: c.followUps.filter((f) => !(f.action === 'sent' && f.on === today)),
  };
}

export type { Tier };
