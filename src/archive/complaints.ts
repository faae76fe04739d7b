/**
 * The one module that writes complaint cases (model/complaint.ts). Each case is listed under its
 * customer, its store's month and, while open, the store's open cases: hand-kept lookups, added
 * before the case is written and the open entry removed after it is closed, so a crash in between
 * leaves at worst an id readers skip or check (db/lookup.ts). Callers run in the store's writer
 * lane (the router puts every writing feature there; the escalation job takes it).
 */
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { addToLookup, lookupIds, removeFromLookup, upsertOnce } from '../db/lookup';
import type { Models } from '../model';
import type { Complaint } from '../model/complaint';

export type { Complaint };

/** A complaint is to be handled within a day of being heard (seed 001). */
export const DUE_MS = 24 * 3600_000;

/** What the message that opened a case says; the rest (due, state, history) follows from it. */
export interface NewComplaint extends Pick<
  Complaint,
  'storeId' | 'customerId' | 'customerName' | 'ownerId' | 'said' | 'recordedBy' | 'at' | 'day'
> {
  chatId: string;
  text: string;
  /** The message that opened it: the same message opens the same case. */
  sourceKey: string;
}

const openKey = (storeId: Types.ObjectId) => `cpo:${storeId}`;
const customerKey = (customerId: Types.ObjectId) => `cpc:${customerId}`;
/** Where a customer's cases are listed (read with other lists: archive/customer-lists.ts). */
export const complaintListOf = customerKey;
const monthKey = (storeId: Types.ObjectId, month: string) => `cpm:${storeId}:${month}`;

export function complaintIdOf(storeId: Types.ObjectId, sourceKey: string): Types.ObjectId {
  const hex = createHash('sha1')
    .update(`complaint|${storeId}|${sourceKey}`)
    .digest('hex')
    .slice(0, 24);
  return new Types.ObjectId(hex);
}

/** The case keeps its own id, not the message key it was derived from. */
function withoutSource(c: NewComplaint): Omit<NewComplaint, 'sourceKey'> {
  const rest: Partial<NewComplaint> = { ...c };
  delete rest.sourceKey;
  return rest as Omit<NewComplaint, 'sourceKey'>;
}

/** Opens the case once; the same message again returns the case already written. */
export async function openComplaint(
  models: Models,
  c: NewComplaint,
): Promise<{ complaint: Complaint; opened: boolean }> {
  const _id = complaintIdOf(c.storeId, c.sourceKey);
  const known = (await models.Complaint.findById(_id).lean()) as Complaint | null;
  if (known) return { complaint: known, opened: false };
  await addToLookup(models, customerKey(c.customerId), _id);
  await addToLookup(models, monthKey(c.storeId, c.day.slice(0, 7)), _id);
  await addToLookup(models, openKey(c.storeId), _id);
  const doc = {
    _id,
    ...withoutSource(c),
    due: new Date(c.at.getTime() + DUE_MS),
    state: 'open',
    history: [{ at: c.at, by: c.recordedBy, what: 'opened' }],
  };
  await upsertOnce(() =>
    models.Complaint.collection.updateOne(
      { _id } as never,
      { $setOnInsert: doc },
      { upsert: true },
    ),
  );
  return { complaint: (await models.Complaint.findById(_id).lean()) as Complaint, opened: true };
}

/** Closed with who handled it and what was done; closing a closed case changes nothing. */
export async function closeComplaint(
  models: Models,
  k: Complaint,
  closing: { by: Types.ObjectId; what: string; at: Date },
): Promise<void> {
  if (k.state === 'open')
    await models.Complaint.updateOne(
      { _id: k._id },
      {
        $set: { state: 'closed', closing },
        $push: { history: { at: closing.at, by: closing.by, what: 'closed', note: closing.what } },
      },
    );
  await removeFromLookup(models, openKey(k.storeId), k._id);
}

/** Escalated once: a re-run of the same job occurrence finds its own mark and sends again. */
export async function markEscalated(
  models: Models,
  k: Complaint,
  occurrence: string,
  at: Date,
): Promise<void> {
  if (k.escalated) return;
  await models.Complaint.updateOne(
    { _id: k._id },
    {
      $set: { escalated: { at, occurrence } },
      $push: { history: { at, what: 'escalated' } },
    },
  );
}

async function byIds(models: Models, ids: Types.ObjectId[]): Promise<Complaint[]> {
  if (ids.length === 0) return [];
  const found = (await models.Complaint.find({ _id: { $in: ids } })
    .lean()
    .exec()) as unknown as Complaint[];
  return found.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The store's open cases, oldest first (an id left by a crash after closing is skipped). */
export async function openComplaints(models: Models, storeId: Types.ObjectId) {
  const found = await byIds(models, await lookupIds(models, openKey(storeId)));
  return found.filter((k) => k.state === 'open' && k.storeId.equals(storeId));
}

/** A customer's cases, oldest first; `listed`: their list, already read. */
export async function complaintsOf(
  models: Models,
  customerId: Types.ObjectId,
  listed?: Types.ObjectId[],
) {
  const ids = listed ?? (await lookupIds(models, customerKey(customerId)));
  const found = await byIds(models, ids);
  return found.filter((k) => k.customerId.equals(customerId));
}

/** Cases recorded on business days from `from` to `to` (inclusive, `YYYY-MM-DD`). */
export async function complaintsBetween(
  models: Models,
  storeId: Types.ObjectId,
  from: string,
  to: string,
): Promise<Complaint[]> {
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = nextMonth(m)) months.push(m);
  const ids = (
    await Promise.all(months.map((m) => lookupIds(models, monthKey(storeId, m))))
  ).flat();
  return (await byIds(models, ids)).filter(
    (k) => k.storeId.equals(storeId) && k.day >= from && k.day <= to,
  );
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
