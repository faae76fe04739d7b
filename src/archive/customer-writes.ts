/**
 * Every write of a customer archive goes through here, and with it the follow-up card kept beside
 * it (archive/card.ts): the card is written from the document as it is after the write, so it
 * cannot fall behind, and no hook hides the second write. Callers run in the store's writer lane
 * (archive/writer.ts).
 *
 * A write that depends on what was read (figures computed from the history in hand) passes the
 * `rev` it read: on MongoDB with several processes a concurrent change then makes it miss
 * (null) instead of overwriting, and the caller computes again from the newer document.
 */
import { Types } from 'mongoose';
import type { Models } from '../model';
import type { Customer, CustomerDoc } from '../model/customer';
import { upsertOnce } from '../db/lookup';
import { afterCommit, type ReportDeferred } from './after-commit';
import { cardOf } from './card';

type Update = Record<string, unknown>;

/** A document without `rev` (written before revs existed) counts as rev 0. */
const revFilter = (rev: number) => (rev === 0 ? { $in: [0, null] } : rev);

export const revOf = (c: Pick<Customer, 'rev'>) => c.rev ?? 0;

export async function readCustomer(
  models: Models,
  id: Types.ObjectId | string,
): Promise<CustomerDoc | null> {
  const _id = typeof id === 'string' ? new Types.ObjectId(id) : id;
  return (await models.Customer.collection.findOne({ _id })) as CustomerDoc | null;
}

/** The stored row of a customer's card. */
export function cardRow(c: CustomerDoc) {
  const card = cardOf(c);
  return { _id: c._id, storeId: c.storeId, card: card ? JSON.stringify(card) : '', rev: revOf(c) };
}

/**
 * Write these customers' cards. A card made from an older rev than the stored one is not written:
 * the upsert then finds no match and its insert is refused as a duplicate, which is the answer.
 * A repair (`sameRev`) also rewrites a card of the same rev.
 */
export async function writeCards(
  models: Models,
  customers: CustomerDoc[],
  opts: { sameRev?: boolean } = {},
): Promise<void> {
  for (const c of customers) {
    const { _id, ...row } = cardRow(c);
    const older = opts.sameRev ? { $lte: row.rev } : { $lt: row.rev };
    const write = () =>
      models.FollowUpCard.collection.updateOne(
        { _id, $or: [{ rev: older }, { rev: { $exists: false } }] },
        { $set: row },
        { upsert: true },
      );
    try {
      // A second try, for an upsert that lost the race to create the card (MongoDB, two
      // processes); refused again means the card there is newer.
      await upsertOnce(write);
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }
}

/**
 * `cardLater`: the caller writes the customer again at once (a first visit), and the card with
 * it; should that not happen, readers build the missing card and the sweeper writes it.
 */
export async function insertCustomer(
  models: Models,
  doc: Partial<Customer> & { _id: Types.ObjectId; storeId: Types.ObjectId; name: string },
  opts: { cardLater?: boolean } = {},
): Promise<CustomerDoc> {
  const at = new Date();
  // The schema's defaults filled in, then straight to the collection: no mongoose save (its
  // validation and change tracking) on the way to recording a new customer's first table.
  const made = {
    ...new models.Customer({ ...doc, rev: 0, createdAt: at, updatedAt: at }).toObject(),
    __v: 0,
  } as CustomerDoc;
  await models.Customer.collection.insertOne(made as never);
  if (!opts.cardLater) await writeCards(models, [made]);
  return made;
}

/**
 * Apply `update` to one customer and return it as it is now (null: missing, or `rev` given and no
 * longer current). The rev goes up by one with every write.
 */
export async function updateCustomer(
  models: Models,
  id: Types.ObjectId,
  update: Update,
  opts: {
    rev?: number;
    /**
     * When this write is the change's commit point: a card that fails to follow is reported
     * (and left to the sweeper) rather than failing a change that was made.
     */
    report?: ReportDeferred;
  } = {},
): Promise<CustomerDoc | null> {
  const filter = opts.rev === undefined ? { _id: id } : { _id: id, rev: revFilter(opts.rev) };
  const inc = { ...((update.$inc as Update | undefined) ?? {}), rev: 1 };
  // An undefined value would be stored as null; mongoose used to leave it out, and so do we.
  const given = Object.entries((update.$set as Update | undefined) ?? {}).filter(
    ([, v]) => v !== undefined,
  );
  const set = { ...Object.fromEntries(given), updatedAt: new Date() };
  // Straight to the collection: every caller here passes values as stored (ObjectIds, Dates).
  const after = (await models.Customer.collection.findOneAndUpdate(
    filter,
    { ...update, $set: set, $inc: inc },
    { returnDocument: 'after' },
  )) as CustomerDoc | null;
  if (!after) return null;
  if (opts.report) await afterCommit(opts.report, 'card', () => writeCards(models, [after]));
  else await writeCards(models, [after]);
  return after;
}

/** How often a write from a copy is computed again after another writer got there first. */
const ATTEMPTS = 8;

/**
 * Change a customer by a rule applied to the document as read: `plan` gets the current copy and
 * returns the update (or null: nothing to change). Guarded by rev, so on a concurrent change the
 * rule is applied again to the newer document. Returns the customer as it is after.
 */
export async function reviseCustomer(
  models: Models,
  start: CustomerDoc,
  plan: (c: CustomerDoc) => Update | null,
): Promise<{ before: CustomerDoc; after: CustomerDoc; changed: boolean }> {
  let c: CustomerDoc | null = start;
  for (let i = 0; i < ATTEMPTS && c; i++) {
    const update = plan(c);
    if (!update) return { before: c, after: c, changed: false };
    const after = await updateCustomer(models, c._id, update, { rev: revOf(c) });
    if (after) return { before: c, after, changed: true };
    c = await readCustomer(models, c._id);
  }
  throw new Error(`customer ${String(start._id)} kept changing while being written`);
}
