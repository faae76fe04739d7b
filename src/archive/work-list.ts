/**
 * The work list: every archive change first notes what it is about to write (a visit's or a
 * customer's id) under whoever makes it and the business day, then writes. The list is how
 * 撤销 finds the sender's last record, and how the sweeper (sweeper.ts) finds changes a crash or
 * an error may have left half-applied. An id noted for a write that never happened is harmless:
 * the sweeper finds nothing to do for it.
 */
import { Types } from 'mongoose';
import { appendToLookup, keys, type LookupWrite } from '../db/lookup';
import type { Models } from '../model';

type Id = Types.ObjectId;

/** Note the ids before writing them. `actorId` is a staff member, or the store for its jobs. */
export async function noteWork(models: Models, actorId: Id, day: string, ids: Id[]): Promise<void> {
  await appendToLookup(models, keys.recordsOf(actorId, day), ids);
}

/** The same note, as one of several lookup writes made together (db/lookup.ts writeLookups). */
export const workNote = (actorId: Id, day: string, ids: Id[]): LookupWrite => ({
  append: keys.recordsOf(actorId, day),
  ids,
});

/** The ids noted by each actor on each day, in the order noted (one read). */
export async function readWork(
  models: Models,
  actorIds: Id[],
  days: string[],
): Promise<Map<string, Types.ObjectId[]>> {
  const wanted = actorIds.flatMap((a) => days.map((d) => keys.recordsOf(a, d)));
  const out = new Map<string, Types.ObjectId[]>();
  for (let i = 0; i < wanted.length; i += 500) {
    const docs = await models.Lookup.find({ _id: { $in: wanted.slice(i, i + 500) } }).lean();
    for (const d of docs) out.set(d._id, d.ids);
  }
  return out;
}
