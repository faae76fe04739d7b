import { Schema, type Connection, type Types } from 'mongoose';

/**
 * 营业日账: a store's business day, kept for questions and briefings that must not scan visits.
 *
 * Two kinds of document share the collection, both named by `_id` (the only index the local
 * database uses):
 * - `<storeId>:<YYYY-MM-DD>`: the day's follow-up figures per staff member.
 * - `<storeId>:<YYYY-MM-DD>#<k>`, k < DAY_SHARDS: the day's visits, one entry per visit id
 *   (`entries.<visitId>`), spread over shards so a 1,000-table day keeps each document small.
 *
 * Figures are sums over entries (archive/day-book.ts). An entry is *set* from its visit, never
 * incremented: writing it twice changes nothing, and a correction replaces it. That is what makes
 * the books exact when several chats record at once or a write is repeated after a crash.
 */
export const dayBookSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** `<visitId>` → DayEntry (archive/day-book.ts). */
    entries: { type: Schema.Types.Mixed },
    /**
     * `<staffId>` → { due, done: { `<customerId>|<task key>`: 1 } }: follow-ups on their list that
     * morning, and the ones they closed that day (a set, so closing one twice counts once).
     */
    followUps: { type: Schema.Types.Mixed },
  },
  { versionKey: false, minimize: false },
);

export const dayBookModel = (c: Connection) => c.model('DayBook', dayBookSchema);
export const dayBookId = (storeId: Types.ObjectId | string, day: string) => `${storeId}:${day}`;

/** How many documents hold one day's visit entries. */
export const DAY_SHARDS = 16;

/** The document holding a visit's entry: ObjectIds end in a counter, so the last bytes spread. */
export const dayShardId = (storeId: Types.ObjectId | string, day: string, visitId: string) =>
  `${dayBookId(storeId, day)}#${parseInt(visitId.slice(-4), 16) % DAY_SHARDS}`;

export const dayShardIds = (storeId: Types.ObjectId | string, day: string) =>
  Array.from({ length: DAY_SHARDS }, (_, k) => `${dayBookId(storeId, day)}#${k}`);
