/** The archive as the follow-up rules see it: plain FollowUpCustomer records, loaded in bulk. */
import { Types } from 'mongoose';
import { openingOf, summariesOf } from '../../archive/refresh';
import { tierOf, type Tier, type TierSettings } from '../../archive/tiers';
import type { FollowUpCustomer } from '../../followup/types';
import type { Models } from '../../model';
import type { Customer, CustomerDoc } from '../../model/customer';

/** `{_id: {$in}}` goes through the index (scripts/ferretdb/patches.json); batches keep it bounded. */
const BATCH = 500;

/** Plain records: thousands are read in a morning, and mongoose documents cost ~10× more. */
export type LeanCustomer = Customer & { _id: Types.ObjectId };

export async function loadCustomers(
  models: Models,
  ids: Iterable<string>,
): Promise<LeanCustomer[]> {
  const all = [...new Set(ids)];
  const found: LeanCustomer[] = [];
  for (let i = 0; i < all.length; i += BATCH) {
    const batch = all.slice(i, i + BATCH).map((id) => new Types.ObjectId(id));
    found.push(...((await models.Customer.find({ _id: { $in: batch } }).lean()) as LeanCustomer[]));
  }
  return found.filter((c) => !c.mergedInto);
}

export function toFollowUpCustomer(
  c: LeanCustomer | CustomerDoc,
  today: string,
  tiers: TierSettings,
  staffNames: Record<string, string>,
): FollowUpCustomer {
  const history = summariesOf(c);
  const opening = openingOf(c);
  const s = c.stats;
  const owner = c.ownerId ? String(c.ownerId) : null;
  return {
    id: String(c._id),
    name: c.name,
    tier: tierOf(history, today, tiers, opening).tier,
    // Churn thresholds follow the tier the customer had when last seen (tiers decay with absence).
    tierAtLastVisit: s?.lastVisit ? tierOf(history, s.lastVisit, tiers, opening).tier : undefined,
    ownerId: owner,
    ownerName: owner ? staffNames[owner] : undefined,
    optOut: c.optOut,
    gender: c.gender === '男' ? 'male' : c.gender === '女' ? 'female' : undefined,
    birthday: c.birthday
      ? {
          calendar: c.birthday.calendar,
          month: c.birthday.month,
          day: c.birthday.day,
          year: c.birthday.year ?? undefined,
        }
      : undefined,
    lastVisit: s?.lastVisit ?? undefined,
    visits: s?.visits ?? 0,
    totalSpend: s?.totalSpend ?? 0,
    usualRoom: s?.usualRoom ?? undefined,
    usualPartySize: s?.usualPartySize ?? undefined,
    preferences: c.preferences,
    // An alert marked sent today is still today's: a re-run of the morning must produce it again.
    followUpLog: c.followUps
      .filter((f) => !(f.action === 'sent' && f.on === today))
      .map((f) => ({
        key: f.key,
        action: f.action,
        on: f.on,
        to: f.to ?? undefined,
      })),
  };
}

export type { Tier };
