/**
 * Undo and amend. Nothing is destroyed: an undone visit keeps its document with status `undone`,
 * and every change records who, when, before and after, and the message that asked for it. The
 * change to the visit is the commit point (one conditional write, so the same message never
 * changes a visit twice); history, figures, tier and day book follow through settle.ts.
 */
import { Types } from 'mongoose';
import { keys } from '../db/lookup';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { VisitDoc } from '../model/visit';
import { addDays } from '../time/business-day';
import { afterCommit } from './after-commit';
import { removeIfOnlyTheVisit } from './empty-archive';
import type { TierChange } from './refresh';
import { settleVisit } from './settle';
import type { ChangeContext } from './change';
import { projected, type VisitContext } from './visits';
import { readCustomer } from './customer-writes';
import { noteWork, readWork } from './work-list';

export type AmendField = 'amount' | 'partySize' | 'businessDate' | 'room';

/** How many business days back `撤销` looks for the sender's last record. */
export const UNDO_REACH_DAYS = 7;

const lastDays = (today: string) =>
  Array.from({ length: UNDO_REACH_DAYS }, (_, back) => addDays(today, -back));

async function visitsIn(models: Models, ids: Types.ObjectId[]): Promise<Map<string, VisitDoc>> {
  const found = ids.length
    ? ((await models.Visit.collection.find({ _id: { $in: ids } }).toArray()) as VisitDoc[])
    : [];
  return new Map(found.map((v) => [String(v._id), v]));
}

/** What the staff member noted in the last days, newest first, each id once. */
async function recentIds(models: Models, staffId: Types.ObjectId, today: string) {
  const days = lastDays(today);
  const lists = await readWork(models, [staffId], days);
  const ids = days.flatMap((d) => [...(lists.get(keys.recordsOf(staffId, d)) ?? [])].reverse());
  return [...new Set(ids.map(String))].map((id) => new Types.ObjectId(id));
}

/** Newest first, a few at a time: the last record is nearly always among the first read. */
const LOOK_AHEAD = 8;

/** The staff member's most recent record that is still active, within UNDO_REACH_DAYS. */
export async function lastRecordOf(
  models: Models,
  staffId: Types.ObjectId,
  today: string,
): Promise<VisitDoc | null> {
  const ids = await recentIds(models, staffId, today);
  for (let i = 0; i < ids.length; i += LOOK_AHEAD) {
    const part = ids.slice(i, i + LOOK_AHEAD);
    const visits = await visitsIn(models, part);
    for (const id of part) {
      const v = visits.get(String(id));
      if (v?.status === 'active' && v.recordedBy.equals(staffId)) return v;
    }
  }
  return null;
}

/** The visit this message already changed: its handling is being taken up again after a crash. */
export async function visitChangedBy(
  models: Models,
  staffId: Types.ObjectId,
  today: string,
  source: string,
): Promise<VisitDoc | null> {
  const visits = await visitsIn(models, await recentIds(models, staffId, today));
  return [...visits.values()].find((v) => v.changes.some((c) => c.source === source)) ?? null;
}

/** The customer's most recently recorded active visit. */
export async function latestVisitOf(
  models: Models,
  customer: CustomerDoc,
): Promise<VisitDoc | null> {
  const last = customer.history.at(-1);
  return last ? models.Visit.findById(last.visitId).lean<VisitDoc>() : null;
}

export interface Correction {
  visit: VisitDoc;
  customer?: CustomerDoc;
  tierChange?: TierChange;
  /** The undone visit was all the archive held, so the archive went with it. */
  removed?: boolean;
}

type Who = Pick<ChangeContext, 'by' | 'at' | 'source'>;

const changedBy = (v: VisitDoc, source: string) => v.changes.some((c) => c.source === source);

/**
 * Write the change to the visit if it is still as `guard` says (the copy the decision was made
 * from) and this message has not changed it already. Returns the visit as it is now, or null when
 * someone else changed it first.
 */
async function commitChange(
  models: Models,
  visit: VisitDoc,
  guard: Record<string, unknown>,
  update: Record<string, unknown>,
  source: string,
): Promise<VisitDoc | null> {
  if (changedBy(visit, source)) return visit;
  const after = await models.Visit.findOneAndUpdate({ _id: visit._id, ...guard }, update, {
    returnDocument: 'after',
  }).lean<VisitDoc>();
  if (after) return after;
  const now = await models.Visit.findById(visit._id).lean<VisitDoc>();
  return now && changedBy(now, source) ? now : null;
}

/** Derived work handed on to run after the reply (pipeline/after-reply.ts). */
export type Later = (what: string, step: () => Promise<unknown>) => void;

async function settled(
  models: Models,
  visit: VisitDoc,
  x: VisitContext,
  later?: Later,
): Promise<Correction> {
  // The reply says what the settle will write (the same rule, on the customer just read).
  const start = later && (await readCustomer(models, visit.customerId));
  if (later && start) {
    later('correction', () => settleVisit(models, visit, { ...x, customer: start }));
    const will = projected(start, visit, x);
    return { visit, customer: will.customer, tierChange: will.change };
  }
  const done = await afterCommit(x.report, 'correction', () => settleVisit(models, visit, x));
  return { visit, customer: done?.customer, tierChange: done?.change };
}

/** Undo a record; null when it is no longer active (someone else undid it meanwhile). */
export async function undoVisit(
  models: Models,
  visit: VisitDoc,
  who: Who,
  x: VisitContext,
): Promise<Correction | null> {
  await noteWork(models, who.by, x.today, [visit._id]);
  const change = { by: who.by, at: who.at, kind: 'undo', before: 'active', after: 'undone' };
  const done = await commitChange(
    models,
    visit,
    { status: 'active' },
    { $set: { status: 'undone' }, $push: { changes: { ...change, source: who.source } } },
    who.source,
  );
  if (!done) return null;
  const fixed = await settled(models, done, x);
  const gone =
    fixed.customer &&
    (await afterCommit(x.report, 'correction', () =>
      removeIfOnlyTheVisit(models, fixed.customer!, done, who),
    ));
  return gone ? { ...fixed, customer: gone, tierChange: undefined, removed: true } : fixed;
}

/** Amend one field; null when the visit changed meanwhile (the caller reads it again). */
export async function amendVisit(
  models: Models,
  visit: VisitDoc,
  field: AmendField,
  value: string | number,
  who: Who,
  x: VisitContext,
  /** Given: the customer's figures, card and day book are written after the reply. */
  later?: Later,
): Promise<(Correction & { before: unknown }) | null> {
  const before = visit[field] ?? undefined;
  await noteWork(models, who.by, x.today, [visit._id]);
  const change = { by: who.by, at: who.at, kind: 'amend', field, before, after: value };
  const done = await commitChange(
    models,
    visit,
    { status: 'active', [field]: before ?? null },
    { $set: { [field]: value }, $push: { changes: { ...change, source: who.source } } },
    who.source,
  );
  if (!done) return null;
  const asked = done.changes.find((c) => c.source === who.source);
  return { ...(await settled(models, done, x, later)), before: asked?.before ?? before };
}
