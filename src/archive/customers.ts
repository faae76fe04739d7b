/**
 * Finding and keeping customers' archives. Identity: by phone when one is given, else by the name
 * as staff write it and its known aliases. Lookups go through hand-kept indexes (db/lookup.ts).
 */
import { Types } from 'mongoose';
import { addToLookup, keys, lookupIds, writeLookups } from '../db/lookup';
import { tidyName } from '../text/names';
import { sameName } from '../text/script';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { ChangeContext } from './change';
import { birthdayKey, openingDays } from './indexes';
import { insertCustomer, updateCustomer } from './customer-writes';
import { workNote } from './work-list';

export interface CustomerRef {
  storeId: Types.ObjectId;
  name?: string;
  phone?: string;
}

/** `{_id: {$in}}` uses the _id index on the patched local database; batches keep it bounded. */
const BATCH = 500;

/**
 * The archives with these ids, read together (in the database's order; missing ones absent):
 * one round trip per batch rather than one per archive.
 */
export async function customersById(
  models: Models,
  ids: (Types.ObjectId | string)[],
): Promise<CustomerDoc[]> {
  const found: CustomerDoc[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH).map((id) => new Types.ObjectId(String(id)));
    found.push(
      ...((await models.Customer.collection
        .find({ _id: { $in: batch } })
        .toArray()) as CustomerDoc[]),
    );
  }
  return found;
}

/**
 * Live archives behind some ids, in their order: merged-away ones are followed, missing skipped.
 * A lookup is written before the archive it leads to (db/lookup.ts), so an id whose archive does
 * not (yet) say what was looked up (`matches`) is skipped: a change a crash cut short must not
 * make a name ambiguous.
 */
async function load(
  models: Models,
  ids: Types.ObjectId[],
  matches: (c: CustomerDoc) => boolean = () => true,
): Promise<CustomerDoc[]> {
  const read = new Map((await customersById(models, ids)).map((c) => [String(c._id), c]));
  const found = new Map<string, CustomerDoc>();
  for (const id of ids) {
    let c = read.get(String(id)) ?? null;
    if (c && !matches(c)) continue;
    for (let hops = 0; c?.mergedInto && hops < 5; hops++)
      c = await models.Customer.findById(c.mergedInto).lean<CustomerDoc>();
    if (c && !c.mergedInto && !c.removedAt) found.set(String(c._id), c);
  }
  return [...found.values()];
}

export async function customersByName(models: Models, storeId: Types.ObjectId, typed: string) {
  const name = tidyName(typed);
  return load(
    models,
    await lookupIds(models, keys.customerName(storeId, name)),
    (c) => sameName(c.name, name) || c.aliases.some((a) => sameName(a, name)),
  );
}

export async function customersByPhone(models: Models, storeId: Types.ObjectId, phone: string) {
  return load(models, await lookupIds(models, keys.customerPhone(storeId, phone)), (c) =>
    c.phones.includes(phone),
  );
}

/**
 * Every archive the words could mean. A phone decides on its own; a name with a phone that none of
 * the namesakes has is a different person, unless a namesake has no phone yet (then it is them).
 */
export async function candidates(models: Models, ref: CustomerRef): Promise<CustomerDoc[]> {
  if (ref.phone) {
    const byPhone = await customersByPhone(models, ref.storeId, ref.phone);
    if (byPhone.length > 0) return byPhone;
  }
  if (!ref.name) return [];
  const byName = await customersByName(models, ref.storeId, ref.name);
  return ref.phone ? byName.filter((c) => c.phones.length === 0) : byName;
}

export async function createCustomer(
  models: Models,
  spec: {
    storeId: Types.ObjectId;
    name: string;
    phone?: string;
    ownerId?: Types.ObjectId;
    /** Given when the id was noted on a work list first. */
    _id?: Types.ObjectId;
  },
  /**
   * Who creates it: the new archive is noted on their work list first, with `alsoNoted` (the id
   * of the visit about to be written with it: one note for both).
   */
  work?: Pick<ChangeContext, 'by' | 'today'> & { alsoNoted?: Types.ObjectId[] },
  opts: { cardLater?: boolean } = {},
): Promise<CustomerDoc> {
  const _id = spec._id ?? new Types.ObjectId();
  const name = tidyName(spec.name);
  // One round trip for the work list's note and the indexes, in this order, before the archive.
  await writeLookups(models, [
    ...(work ? [workNote(work.by, work.today, [_id, ...(work.alsoNoted ?? [])])] : []),
    { add: keys.customerName(spec.storeId, name), id: _id },
    ...(spec.phone ? [{ add: keys.customerPhone(spec.storeId, spec.phone), id: _id }] : []),
    ...(spec.ownerId ? [{ add: keys.ownedBy(spec.ownerId), id: _id }] : []),
  ]);
  return insertCustomer(
    models,
    {
      _id,
      storeId: spec.storeId,
      name,
      phones: spec.phone ? [spec.phone] : [],
      ownerId: spec.ownerId,
    },
    opts,
  );
}

/** The phone is looked up before it is stored (db/lookup.ts); returns the customer as now. */
export async function addPhone(
  models: Models,
  customer: CustomerDoc,
  phone: string,
): Promise<CustomerDoc> {
  if (customer.phones.includes(phone)) return customer;
  await addToLookup(models, keys.customerPhone(customer.storeId, phone), customer._id);
  return (await updateCustomer(models, customer._id, { $addToSet: { phones: phone } })) ?? customer;
}

export async function customersOwnedBy(
  models: Models,
  staffId: Types.ObjectId,
): Promise<CustomerDoc[]> {
  const all = await load(models, await lookupIds(models, keys.ownedBy(staffId)));
  return all.filter((c) => String(c.ownerId) === String(staffId));
}

/**
 * Every lookup a live archive must be listed under to be found: its name and aliases, phones,
 * owner, birthday and the days its opening balance dates (what createCustomer, addPhone, merge,
 * transfer, profile and import write). `npm run verify` checks them.
 */
export function lookupKeysOf(c: CustomerDoc): string[] {
  const { storeId } = c;
  return [
    ...new Set([
      ...[c.name, ...c.aliases].map((n) => keys.customerName(storeId, n)),
      ...c.phones.map((p) => keys.customerPhone(storeId, p)),
      ...(c.ownerId ? [keys.ownedBy(c.ownerId)] : []),
      ...(c.birthday ? [birthdayKey(storeId, c.birthday)] : []),
      ...openingDays(c.opening).map((d) => keys.openingDay(storeId, d)),
    ]),
  ];
}

/** List the archive again under lookups it went missing from (one round trip). */
export async function relistCustomer(
  models: Models,
  c: Pick<CustomerDoc, '_id'>,
  missing: string[],
): Promise<void> {
  await writeLookups(
    models,
    missing.map((key) => ({ add: key, id: c._id })),
  );
}
