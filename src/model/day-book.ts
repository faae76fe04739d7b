import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';

/**
 * 营业日账: a store's figures for one business day, `_id` = `<storeId>:<YYYY-MM-DD>`, kept with
 * `$inc` as visits are recorded, corrected or undone. Briefings and revenue questions read one
 * small document per day instead of scanning visits. The size stays constant however busy the
 * day: a list in it (of visits, later of customer ids) grew to tens of KB on a 1,000-table day and
 * made every write slow, so who came is kept apart in small sharded lookups.
 */
export const dayBookSchema = new Schema(
  {
    _id: { type: String, required: true },
    tables: { type: Number, default: 0 },
    covers: { type: Number, default: 0 },
    revenue: { type: Number, default: 0 },
    /** Customers whose first visit was this day. */
    newCustomers: { type: Number, default: 0 },
    /** Distinct customers who came (who they were: archive/day-book.ts customersOnDay). */
    visitors: { type: Number, default: 0 },
    /** `<staffId>` → { tables } recorded by that staff member. */
    byRecorder: { type: Schema.Types.Mixed, default: {} },
    /** `<staffId>` → { tables, revenue, newCustomers } of the customers that staff member owns. */
    byOwner: { type: Schema.Types.Mixed, default: {} },
    /** `<staffId>` → { due, done }: follow-ups on their list that morning, and done that day. */
    followUps: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export type DayBook = InferSchemaType<typeof dayBookSchema>;
export const dayBookModel = (c: Connection) => c.model('DayBook', dayBookSchema);
export const dayBookId = (storeId: Types.ObjectId | string, day: string) => `${storeId}:${day}`;
