/**
 * Reading and writing hand-kept indexes (see model/lookup.ts). Writers add an id *before* the
 * document it points to is written and remove it after, so a crash in between leaves at worst an
 * id whose document is missing; readers skip those.
 */
import type { Types } from 'mongoose';
import type { Models } from '../model';
import { simplified } from '../text/script';

/**
 * Keys ending in `#*<n>` hold lists that grow with the store (a tier's members, a staff member's
 * customers): one document of 30,000 ids takes ~70 ms to update on the local database, so such a
 * list is spread over n documents by id (a few hundred ids each), read back in one `_id $in`.
 */
const SHARDED = /#\*(\d+)$/;
const sharded = (n: number) => `#*${n}`;

/** Which of n shards an id lives in: ObjectIds end in a counter, so the last bytes spread evenly. */
const shardOf = (id: Types.ObjectId | string, n: number) => parseInt(String(id).slice(-4), 16) % n;

/** The document a given id is stored in under `key`. */
export function documentKey(key: string, id: Types.ObjectId | string): string {
  const m = SHARDED.exec(key);
  return m ? `${key.slice(0, m.index)}#${shardOf(id, Number(m[1]))}` : key;
}

/** Every document a (possibly sharded) key is kept in. */
export function documentKeys(key: string): string[] {
  const m = SHARDED.exec(key);
  if (!m) return [key];
  return Array.from({ length: Number(m[1]) }, (_, k) => `${key.slice(0, m.index)}#${k}`);
}

/** For bulk writers (imports, benchmarks): the lookup documents holding `ids` under `key`. */
export function lookupDocuments(
  key: string,
  ids: Types.ObjectId[],
): { _id: string; ids: Types.ObjectId[] }[] {
  const docs = new Map<string, Types.ObjectId[]>();
  for (const id of ids) {
    const k = documentKey(key, id);
    docs.set(k, [...(docs.get(k) ?? []), id]);
  }
  return [...docs].map(([_id, list]) => ({ _id, ids: list }));
}

export const keys = {
  /** One key for a name in either script: 張總 finds 张总's archive. */
  customerName: (storeId: Types.ObjectId, name: string) => `n:${storeId}:${simplified(name)}`,
  customerPhone: (storeId: Types.ObjectId, phone: string) => `p:${storeId}:${phone}`,
  staffIdentity: (identity: string) => `s:${identity}`,
  staffName: (storeId: Types.ObjectId, name: string) => `sn:${storeId}:${name}`,
  ownedBy: (staffId: Types.ObjectId) => `o:${staffId}${sharded(64)}`,
  /**
   * What a staff member (or, for jobs and imports, the store: its id) recorded or changed on one
   * business day, in order: visits and customers (archive/work-list.ts).
   */
  recordsOf: (actorId: Types.ObjectId, day: string) => `r:${actorId}:${day}`,
  /** A store's customers who said 不接受消息. */
  optedOut: (storeId: Types.ObjectId) => `oo:${storeId}${sharded(16)}`,
  /** Customers whose follow-up was still open after the last morning run. */
  openFollowUps: (storeId: Types.ObjectId) => `fo:${storeId}`,
  /** Customers whose follow-up was done or skipped on a day: the quarterly one counts from it. */
  followUpClosed: (storeId: Types.ObjectId, day: string) => `fc:${storeId}:${day}`,
  /** Customers whose follow-up was moved to a day (`张总 周五再联系`). */
  followUpMoved: (storeId: Types.ObjectId, day: string) => `fm:${storeId}:${day}`,
  /** A store's customers whose stored tier is `tier`: its size answers 全店A类客户共N位. */
  tier: (storeId: Types.ObjectId, tier: string) => `tier:${storeId}:${tier}${sharded(256)}`,
  /**
   * Customers whose imported opening balance (期初) dates a visit on a day: their tiers age with
   * it like with a visit in the day book (features/tier-refresh.ts).
   */
  openingDay: (storeId: Types.ObjectId, day: string) => `od:${storeId}:${day}`,
  /** Customers with a solar birthday on month-day (`bday:<store>:03-08`). */
  solarBirthday: (storeId: Types.ObjectId, month: number, day: number) =>
    `bday:${storeId}:${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  /** Customers with a lunar birthday on lunar month-day (`lbday:<store>:8-15`). */
  lunarBirthday: (storeId: Types.ObjectId, month: number, day: number) =>
    `lbday:${storeId}:${month}-${day}`,
};

/**
 * An upsert that loses the race to create its document (MongoDB, two processes) fails with a
 * duplicate key; the document now exists, so the same update succeeds the second time.
 */
export async function upsertOnce<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    return write();
  }
}

export async function addToLookup(models: Models, key: string, id: Types.ObjectId): Promise<void> {
  await upsertOnce(() =>
    models.Lookup.collection.updateOne(
      { _id: documentKey(key, id) } as never,
      { $addToSet: { ids: id } },
      { upsert: true },
    ),
  );
}

/** Replace an unsharded key's whole list (a list remembered afresh each time, not a set kept up). */
export async function replaceLookup(
  models: Models,
  key: string,
  ids: Types.ObjectId[],
): Promise<void> {
  if (SHARDED.test(key)) throw new Error(`replaceLookup: ${key} is sharded`);
  await upsertOnce(() =>
    models.Lookup.collection.updateOne({ _id: key } as never, { $set: { ids } }, { upsert: true }),
  );
}

/** Append (duplicates kept, order kept): a list of events rather than a set. */
export async function appendToLookup(
  models: Models,
  key: string,
  ids: Types.ObjectId[],
): Promise<void> {
  if (ids.length === 0) return;
  await upsertOnce(() =>
    models.Lookup.collection.updateOne(
      { _id: key } as never,
      { $push: { ids: { $each: ids } } } as never,
      { upsert: true },
    ),
  );
}

/** One write of writeLookups: as appendToLookup, addToLookup or removeFromLookup would do it. */
export type LookupWrite =
  | { append: string; ids: Types.ObjectId[] }
  | { add: string; id: Types.ObjectId }
  | { remove: string; id: Types.ObjectId };

function operationOf(w: LookupWrite) {
  if ('append' in w)
    return {
      updateOne: {
        filter: { _id: w.append },
        update: { $push: { ids: { $each: w.ids } } },
        upsert: true,
      },
    };
  if ('add' in w)
    return {
      updateOne: {
        filter: { _id: documentKey(w.add, w.id) },
        update: { $addToSet: { ids: w.id } },
        upsert: true,
      },
    };
  return {
    updateOne: { filter: { _id: documentKey(w.remove, w.id) }, update: { $pull: { ids: w.id } } },
  };
}

/**
 * Several lookup writes in one round trip, applied in the order given (an id is still listed
 * before what it points to is written, and taken off after). Ordered: a write that loses its
 * upsert race stops the rest, which are tried again from that write on (upsertOnce's rule).
 */
export async function writeLookups(models: Models, writes: LookupWrite[]): Promise<void> {
  const ops = writes.map(operationOf);
  if (ops.length === 0) return;
  try {
    await models.Lookup.collection.bulkWrite(ops as never, { ordered: true });
  } catch (err) {
    const e = err as { code?: number; writeErrors?: { index: number }[] | { index: number } };
    const first = Array.isArray(e.writeErrors) ? e.writeErrors[0] : e.writeErrors;
    if (e.code !== 11000 || first === undefined) throw err;
    await models.Lookup.collection.bulkWrite(ops.slice(first.index) as never, { ordered: true });
  }
}

/** An id moves from one set to another (a customer's tier): added to the new one first. */
export async function moveInLookups(
  models: Models,
  id: Types.ObjectId,
  to: string | undefined,
  from: string | undefined,
): Promise<void> {
  await writeLookups(models, [
    ...(to ? [{ add: to, id }] : []),
    ...(from ? [{ remove: from, id }] : []),
  ]);
}

export async function removeFromLookup(
  models: Models,
  key: string,
  id: Types.ObjectId,
): Promise<void> {
  await models.Lookup.collection.updateOne(
    { _id: documentKey(key, id) } as never,
    {
      $pull: { ids: id },
    } as never,
  );
}

/** Several unsharded keys in one round trip: each key's ids (none for a key not stored). */
export async function lookupIdsOf(
  models: Models,
  wanted: string[],
): Promise<Map<string, Types.ObjectId[]>> {
  type Doc = { _id: string; ids?: Types.ObjectId[] };
  const docs = (await models.Lookup.collection
    .find({ _id: { $in: wanted } } as never)
    .toArray()) as unknown as Doc[];
  const found = new Map(docs.map((d) => [d._id, d.ids ?? []]));
  return new Map(wanted.map((k) => [k, found.get(k) ?? []]));
}

export async function lookupIds(models: Models, key: string): Promise<Types.ObjectId[]> {
  type Doc = { ids?: Types.ObjectId[] };
  const lookups = models.Lookup.collection;
  if (!SHARDED.test(key)) return ((await lookups.findOne({ _id: key } as never)) as Doc)?.ids ?? [];
  const docs = (await lookups
    .find({ _id: { $in: documentKeys(key) } } as never)
    .toArray()) as Doc[];
  return docs.flatMap((d) => d.ids ?? []);
}
