/**
 * `npm run verify`: every derived value of a store recomputed from its visits, imported opening
 * balances and merges, and compared with what is stored (customer history, figures and tier,
 * follow-up cards, tier index, day book entries, the lookups each archive is found by). The same
 * recomputation is the tests' oracle. `repairStore` rewrites what differs through the archive's
 * own repair (repair.ts) and writers (customers.ts).
 *
 * Lookups: only a missing entry is a difference. An entry left pointing at an archive that no
 * longer has that name, phone, owner, birthday or opening day is what every writer leaves for a
 * moment (db/lookup.ts: added before, removed after) and readers check the archive itself.
 */
import type { Types } from 'mongoose';
import { documentKeys, keys } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { StoreDoc } from '../model/store';
import type { VisitDoc } from '../model/visit';
import { rethrow } from './after-commit';
import { cardRow } from './customer-writes';
import { lookupKeysOf, relistCustomer } from './customers';
import { dayShardId } from '../model/day-book';
import { entryOf, sameEntry, type DayEntry } from './day-book';
import { settleMerge } from './merge';
import { canonical, derivedOf, summariesOf, tierSettingsOf } from './refresh';
import { historyFrom, indexedTierOf, repairCustomer, TIERS } from './repair';
import { chronological } from './stats';
import type { Tier } from './tiers';

export interface Difference {
  /** What kind of record: history, figures, card, tier-index, day-book, visit. */
  what: string;
  /** Whose: a customer's name and id, or a day and visit id. */
  who: string;
  detail: string;
}

interface Snapshot {
  store: StoreDoc;
  customers: CustomerDoc[];
  visits: VisitDoc[];
  cards: Map<string, { card: string; rev?: number | null }>;
  /** `day|visitId` → the entry and the document it is in. */
  entries: Map<string, { entry: DayEntry; doc: string }>;
  tierLists: Map<Tier, Set<string>>;
  /** Lookup document id → the live archives its ids lead to (merged-away ones followed). */
  finds: Map<string, Set<string>>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Everything of one store, read once (scans: this is a check, not a hot path). */
async function snapshot(models: Models, store: StoreDoc): Promise<Snapshot> {
  const storeId = store._id;
  const [customers, visits, cards, books, tiers] = await Promise.all([
    models.Customer.find({ storeId }).lean<CustomerDoc[]>(),
    models.Visit.find({ storeId }).lean<VisitDoc[]>(),
    models.FollowUpCard.find({ storeId }).lean(),
    models.DayBook.find({ _id: { $regex: `^${escape(String(storeId))}:` } }).lean(),
    models.Lookup.find({ _id: { $regex: `^tier:${escape(String(storeId))}:` } }).lean(),
  ]);
  const entries = new Map<string, { entry: DayEntry; doc: string }>();
  for (const b of books)
    for (const [v, entry] of Object.entries((b.entries ?? {}) as Record<string, DayEntry>)) {
      const day = b._id.slice(b._id.indexOf(':') + 1, b._id.indexOf(':') + 11);
      entries.set(`${day}|${v}`, { entry, doc: b._id });
    }
  const tierLists = new Map<Tier, Set<string>>(TIERS.map((t) => [t, new Set()]));
  for (const l of tiers) {
    const t = l._id.split(':')[2]?.split('#')[0] as Tier;
    for (const id of l.ids) tierLists.get(t)?.add(String(id));
  }
  return {
    store,
    customers,
    visits,
    cards: new Map(cards.map((c) => [String(c._id), c])),
    entries,
    tierLists,
    finds: await customerLookups(models, storeId, customers),
  };
}

const BATCH = 500;

/** The lookups a store's archives are found by: its own keys (one scan) and its owners' lists. */
async function customerLookups(models: Models, storeId: Types.ObjectId, customers: CustomerDoc[]) {
  const store = escape(String(storeId));
  type Doc = { _id: string; ids: unknown[] };
  const docs = await models.Lookup.find({
    _id: { $regex: `^(n|p|od|bday|lbday):${store}:` },
  }).lean<Doc[]>();
  const owners = new Map(
    customers.flatMap((c) => (c.ownerId ? [[String(c.ownerId), c.ownerId]] : [])),
  );
  const ownerDocs = [...owners.values()].flatMap((o) => documentKeys(keys.ownedBy(o)));
  for (let i = 0; i < ownerDocs.length; i += BATCH)
    docs.push(
      ...(await models.Lookup.find({ _id: { $in: ownerDocs.slice(i, i + BATCH) } }).lean<Doc[]>()),
    );
  const byId = new Map(customers.map((c) => [String(c._id), c]));
  const liveOf = (id: string) => {
    let c = byId.get(id);
    for (let hops = 0; c?.mergedInto && hops < 5; hops++) c = byId.get(String(c.mergedInto));
    return c ? String(c._id) : id;
  };
  return new Map(docs.map((d) => [d._id, new Set(d.ids.map((id) => liveOf(String(id))))]));
}

const label = (c: CustomerDoc) => `${c.name} ${String(c._id)}`;

function checkCustomer(
  s: Snapshot,
  c: CustomerDoc,
  mine: Map<string, VisitDoc>,
  today: string,
): Difference[] {
  const out: Difference[] = [];
  const who = label(c);
  const want = historyFrom(c, mine);
  const have = summariesOf(c);
  const key = (h: { visitId: string }) => h.visitId;
  const missing = want.filter((h) => !have.some((x) => key(x) === key(h)));
  const extra = have.filter((h) => !want.some((x) => key(x) === key(h)));
  const wrong = want.filter((h) => {
    const x = have.find((y) => key(y) === key(h));
    return x && canonical(x) !== canonical(h);
  });
  if (missing.length || extra.length || wrong.length)
    out.push({
      what: 'history',
      who,
      detail: `missing ${missing.length}, not active ${extra.length}, differing ${wrong.length}`,
    });
  const d = derivedOf(c, want, c.tierAsOf ?? today, tierSettingsOf(s.store));
  if (canonical(d.stats) !== canonical(c.stats) || d.tier !== c.tier)
    out.push({
      what: 'figures',
      who,
      detail: `stored ${c.tier} ${canonical(c.stats)}, visits say ${d.tier} ${canonical(d.stats)}`,
    });
  const card = s.cards.get(String(c._id));
  const row = cardRow(c);
  if (!card || card.card !== row.card || (card.rev ?? 0) !== row.rev)
    out.push({ what: 'card', who, detail: card ? `rev ${card.rev} ≠ ${row.rev}` : 'missing' });
  const tier = indexedTierOf(c);
  const listed = TIERS.filter((t) => s.tierLists.get(t)?.has(String(c._id)));
  if (listed.join() !== (tier ?? ''))
    out.push({ what: 'tier-index', who, detail: `listed [${listed}], tier ${tier ?? '-'}` });
  if (!c.removedAt) out.push(...checkLookups(s, c));
  return out;
}

const NOT_LISTED = 'not listed under ';

/** A live archive must be found under each of its lookups (directly or as a merged-away one). */
function checkLookups(s: Snapshot, c: CustomerDoc): Difference[] {
  const id = String(c._id);
  const found = (key: string) => documentKeys(key).some((d) => s.finds.get(d)?.has(id));
  return lookupKeysOf(c)
    .filter((key) => !found(key))
    .map((key) => ({ what: 'lookup', who: label(c), detail: `${NOT_LISTED}${key}` }));
}

/** The entry every active visit of a live customer should have, keyed `day|visitId`. */
function expectedEntries(s: Snapshot, byCustomer: Map<string, Map<string, VisitDoc>>) {
  const want = new Map<string, DayEntry>();
  for (const c of s.customers) {
    if (c.mergedInto) continue;
    const mine = byCustomer.get(String(c._id)) ?? new Map<string, VisitDoc>();
    const first = chronological(historyFrom(c, mine))[0]?.visitId;
    for (const v of mine.values()) {
      if (v.status !== 'active') continue;
      const booked = { ...v, ownerId: v.ownerId ?? c.ownerId };
      want.set(`${v.businessDate}|${String(v._id)}`, entryOf(booked, String(v._id) === first));
    }
  }
  return want;
}

function byCustomerOf(visits: VisitDoc[]) {
  const m = new Map<string, Map<string, VisitDoc>>();
  for (const v of visits) {
    const k = String(v.customerId);
    if (!m.has(k)) m.set(k, new Map());
    m.get(k)!.set(String(v._id), v);
  }
  return m;
}

function checkAll(s: Snapshot, today: string): Difference[] {
  const byCustomer = byCustomerOf(s.visits);
  const out: Difference[] = [];
  const live = new Set<string>();
  for (const c of s.customers) {
    const mine = byCustomer.get(String(c._id)) ?? new Map<string, VisitDoc>();
    if (c.mergedInto) {
      const left = [...mine.values()].filter((v) => v.status === 'active').length;
      if (left)
        out.push({ what: 'visit', who: label(c), detail: `${left} still on merged archive` });
      continue;
    }
    live.add(String(c._id));
    out.push(...checkCustomer(s, c, mine, today));
  }
  for (const v of s.visits)
    if (!s.customers.some((c) => c._id.equals(v.customerId)))
      out.push({ what: 'visit', who: String(v._id), detail: 'its customer is missing' });
  const want = expectedEntries(s, byCustomer);
  for (const [k, e] of want) {
    const have = s.entries.get(k);
    const [day, visitId] = k.split('|');
    if (!have) out.push({ what: 'day-book', who: k, detail: 'missing' });
    else if (!sameEntry(have.entry, e) || have.doc !== dayShardId(s.store._id, day, visitId))
      out.push({ what: 'day-book', who: k, detail: 'differs' });
  }
  for (const [k, have] of s.entries)
    if (!want.has(k) || have.doc !== dayShardId(s.store._id, ...(k.split('|') as [string, string])))
      out.push({ what: 'day-book', who: k, detail: `not expected in ${have.doc}` });
  return out;
}

/** Differences between what a store stores and what its visits say (empty: consistent). */
export async function verifyStore(
  models: Models,
  store: StoreDoc,
  today: string,
): Promise<Difference[]> {
  return checkAll(await snapshot(models, store), today);
}

/** Rewrite what differs. Run as the store's writer (the caller takes the lane). */
export async function repairStore(models: Models, store: StoreDoc, today: string) {
  const s = await snapshot(models, store);
  const differences = checkAll(s, today);
  const byCustomer = byCustomerOf(s.visits);
  const x = { today, tiers: tierSettingsOf(store), report: rethrow };
  const named = new Set(differences.map((d) => d.who.split(' ').at(-1)));
  let fixed = 0;
  for (const c of s.customers) {
    if (c.mergedInto) {
      if (named.has(String(c._id))) await settleMerge(models, c, x);
      continue;
    }
    const mine = [...(byCustomer.get(String(c._id))?.values() ?? [])];
    const touched =
      named.has(String(c._id)) ||
      mine.some((v) => differences.some((d) => d.who.endsWith(`|${String(v._id)}`)));
    if (touched) fixed += await repairCustomer(models, c, mine, x);
  }
  // Entries where no active visit has them (or in the wrong document) are taken out where they are.
  const orphans = differences.filter((d) => d.detail.startsWith('not expected in '));
  for (const d of orphans) {
    const [, visitId] = d.who.split('|');
    await models.DayBook.updateOne(
      { _id: d.detail.slice('not expected in '.length) },
      { $unset: { [`entries.${visitId}`]: 1 } },
    );
  }
  const unlisted = differences.filter((d) => d.what === 'lookup');
  const missing = new Map<string, string[]>();
  for (const d of unlisted)
    missing.set(d.who, [...(missing.get(d.who) ?? []), d.detail.slice(NOT_LISTED.length)]);
  for (const c of s.customers) {
    const keysOf = missing.get(label(c));
    if (keysOf) await relistCustomer(models, c, keysOf);
  }
  return { differences, fixed: fixed + orphans.length + unlisted.length };
}
