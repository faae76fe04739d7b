/**
 * The day books (model/day-book.ts): one entry per visit, set from the visit, and the figures
 * questions ask for summed from the entries when read. Nothing here increments.
 */
import type { Types } from 'mongoose';
import { upsertOnce } from '../db/lookup';
import type { Models } from '../model';
import { dayBookId, dayShardId, dayShardIds } from '../model/day-book';
import { chronological, type VisitSummary } from './stats';

/** A visit as the day book counts it (kept short: a busy day holds a thousand). */
export interface DayEntry {
  /** Customer. */
  c: string;
  /** Amount paid. */
  a: number;
  /** Party size (0 when not said). */
  p: number;
  /** Who recorded it. */
  r: string;
  /** Whose customer it was when recorded. */
  o?: string;
  /** The customer's first visit ever. */
  f: boolean;
}

export interface BookedVisit {
  _id: Types.ObjectId;
  storeId: Types.ObjectId;
  customerId: Types.ObjectId;
  businessDate: string;
  amount: number;
  partySize?: number | null;
  recordedBy: Types.ObjectId;
  ownerId?: Types.ObjectId | null;
}

interface PerStaff {
  tables: number;
  revenue: number;
  newCustomers: number;
}

/** One business day's figures, as every question and briefing reads them. */
export interface DayBook {
  _id: string;
  day: string;
  tables: number;
  covers: number;
  revenue: number;
  newCustomers: number;
  /** Distinct customers who came. */
  visitors: number;
  customers: string[];
  byRecorder: Record<string, { tables: number }>;
  byOwner: Record<string, PerStaff>;
  /** Per staff member: lines on their list that morning, and lines that ended that day. */
  followUps: Record<string, FollowUpCounts>;
}

export interface FollowUpCounts {
  due: number;
  done: number;
  skipped: number;
  expired: number;
}

/** Is this visit the customer's first, given all their active visits (including it)? */
export function isFirstVisit(history: VisitSummary[], visitId: string): boolean {
  return chronological(history)[0]?.visitId === visitId;
}

export function entryOf(v: BookedVisit, first: boolean): DayEntry {
  return {
    c: String(v.customerId),
    a: v.amount,
    p: v.partySize ?? 0,
    r: String(v.recordedBy),
    ...(v.ownerId && { o: String(v.ownerId) }),
    f: first,
  };
}

export const sameEntry = (a: DayEntry | undefined, b: DayEntry | undefined): boolean =>
  !a || !b
    ? !a && !b
    : a.c === b.c && a.a === b.a && a.p === b.p && a.r === b.r && a.o === b.o && a.f === b.f;

/** Write these entries as given; `null` takes a visit off that day. One write per document. */
export async function setEntries(
  models: Models,
  storeId: Types.ObjectId,
  items: { day: string; visitId: string; entry: DayEntry | null }[],
): Promise<void> {
  const byShard = new Map<string, { $set: Record<string, unknown>; $unset: Record<string, 1> }>();
  for (const { day, visitId, entry } of items) {
    const id = dayShardId(storeId, day, visitId);
    const u = byShard.get(id) ?? { $set: {}, $unset: {} };
    if (entry) u.$set[`entries.${visitId}`] = entry;
    else u.$unset[`entries.${visitId}`] = 1;
    byShard.set(id, u);
  }
  for (const [_id, u] of byShard) {
    const update: Record<string, unknown> = {};
    if (Object.keys(u.$set).length) update.$set = u.$set;
    if (Object.keys(u.$unset).length) update.$unset = u.$unset;
    // Only an entry being written needs the document to exist.
    // Retried once: two processes may both create a missing document (MongoDB).
    await upsertOnce(() =>
      models.DayBook.collection.updateOne({ _id } as never, update, { upsert: '$set' in update }),
    );
  }
}

/** The entries stored for `days`, by day then visit id. */
export async function readEntries(
  models: Models,
  storeId: Types.ObjectId,
  days: string[],
): Promise<Map<string, Map<string, DayEntry>>> {
  const out = new Map<string, Map<string, DayEntry>>();
  const ids = days.flatMap((d) => dayShardIds(storeId, d));
  for (const doc of await readByIds(models, ids)) {
    const day = dayOf(doc._id);
    const m = out.get(day) ?? new Map<string, DayEntry>();
    for (const [v, e] of Object.entries((doc.entries ?? {}) as Record<string, DayEntry>))
      m.set(v, e);
    out.set(day, m);
  }
  return out;
}

/** `{_id: {$in}}`, which the patched local database answers from the _id index, in batches. */
const BATCH = 1000;

async function readByIds(models: Models, ids: string[]) {
  const docs: { _id: string; entries?: unknown; followUps?: unknown }[] = [];
  for (let i = 0; i < ids.length; i += BATCH)
    docs.push(
      ...((await models.DayBook.collection
        .find({ _id: { $in: ids.slice(i, i + BATCH) } } as never)
        .toArray()) as unknown as typeof docs),
    );
  return docs;
}

const dayOf = (id: string) => id.slice(id.indexOf(':') + 1, id.indexOf(':') + 11);

type StoredFollowUps = Record<
  string,
  { due?: number; done?: number; closed?: object; skipped?: object; expired?: object }
>;

function emptyBook(storeId: Types.ObjectId, day: string): DayBook {
  return {
    _id: dayBookId(storeId, day),
    day,
    tables: 0,
    covers: 0,
    revenue: 0,
    newCustomers: 0,
    visitors: 0,
    customers: [],
    byRecorder: {},
    byOwner: {},
    followUps: {},
  };
}

function addEntry(b: DayBook, e: DayEntry, seen: Set<string>): void {
  b.tables += 1;
  b.covers += e.p;
  b.revenue += e.a;
  if (e.f) b.newCustomers += 1;
  seen.add(e.c);
  (b.byRecorder[e.r] ??= { tables: 0 }).tables += 1;
  if (e.o) {
    const o = (b.byOwner[e.o] ??= { tables: 0, revenue: 0, newCustomers: 0 });
    o.tables += 1;
    o.revenue += e.a;
    if (e.f) o.newCustomers += 1;
  }
}

/** The figures of `days` (those with anything recorded), in date order. */
export async function readDayBooks(
  models: Models,
  storeId: Types.ObjectId,
  days: string[],
): Promise<DayBook[]> {
  const ids = days.flatMap((d) => [dayBookId(storeId, d), ...dayShardIds(storeId, d)]);
  const books = new Map<string, { book: DayBook; seen: Set<string> }>();
  for (const doc of await readByIds(models, ids)) {
    const day = dayOf(doc._id);
    let b = books.get(day);
    if (!b) books.set(day, (b = { book: emptyBook(storeId, day), seen: new Set() }));
    for (const e of Object.values((doc.entries ?? {}) as Record<string, DayEntry>))
      addEntry(b.book, e, b.seen);
    for (const [id, f] of Object.entries((doc.followUps ?? {}) as StoredFollowUps))
      b.book.followUps[id] = {
        due: f.due ?? 0,
        done: (typeof f.done === 'number' ? f.done : 0) + Object.keys(f.closed ?? {}).length,
        skipped: Object.keys(f.skipped ?? {}).length,
        expired: Object.keys(f.expired ?? {}).length,
      };
  }
  return [...books.values()]
    .map(({ book, seen }) => ({ ...book, customers: [...seen], visitors: seen.size }))
    .sort((a, b) => a.day.localeCompare(b.day));
}

/** Everyone who came on any of `days` (each once). */
export async function customersOnDays(
  models: Models,
  storeId: Types.ObjectId,
  days: string[],
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const m of (await readEntries(models, storeId, days)).values())
    for (const e of m.values()) ids.add(e.c);
  return ids;
}

/** How many follow-ups each staff member had on their list that morning. */
export async function recordDue(
  models: Models,
  storeId: Types.ObjectId,
  day: string,
  due: Record<string, number>,
): Promise<void> {
  const set = Object.fromEntries(Object.entries(due).map(([id, n]) => [`followUps.${id}.due`, n]));
  if (Object.keys(set).length === 0) return;
  await upsertOnce(() =>
    models.DayBook.updateOne({ _id: dayBookId(storeId, day) }, { $set: set }, { upsert: true }),
  );
}

/** Where each way a follow-up ends is kept in the day book (`closed` is the done ones). */
const CLOSED_FIELD = { done: 'closed', skipped: 'skipped', expired: 'expired' } as const;
export type ClosedAs = keyof typeof CLOSED_FIELD;

/**
 * A follow-up line that ended that day for a staff member (done or skipped by them, expired on
 * their list): a set member per line, so recording it twice counts once.
 */
export async function recordClosed(
  models: Models,
  storeId: Types.ObjectId,
  day: string,
  staffId: Types.ObjectId | string,
  as: ClosedAs,
  what: string,
): Promise<void> {
  const member = what.replace(/[.$]/g, '_');
  await upsertOnce(() =>
    models.DayBook.updateOne(
      { _id: dayBookId(storeId, day) },
      { $set: { [`followUps.${String(staffId)}.${CLOSED_FIELD[as]}.${member}`]: 1 } },
      { upsert: true },
    ),
  );
}
