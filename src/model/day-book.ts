import { Schema, Types, type Connection, type InferSchemaType } from 'mongoose';

/**
 * 营业日账: a store's figures for one business day, `_id` = `<storeId>:<YYYY-MM-DD>`, kept with
 * `$inc` as visits are recorded, corrected or undone. Briefings and revenue questions read one
 * small document per day instead of scanning visits; the size stays constant however busy the
 * day (a list of visit entries grew to ~100 KB on a 1,000-table day and made every write slow).
 */
export const dayBookSchema = new Schema(
  {
    _id: { type: String, required: true },
    tables: { type: Number, default: 0 },
    covers: { type: Number, default: 0 },
    revenue: { type: Number, default: 0 },
    /** Customers whose first visit was this day. */
    newCustomers: { type: Number, default: 0 },
    /** Who came: for distinct counts, tiers that move with time and period questions. */
    customers: { type: [Types.ObjectId], default: [] },
    /** `<staffId>` → { tables } recorded by that staff member. */
    byRecorder: { type: Schema.Types.Mixed, default: {} },
    /** `<staffId>` → { tables, revenue, newCustomers } of the customers that staff member owns. */
    byOwner: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export type DayBook = InferSchemaType<typeof dayBookSchema>;
export const dayBookModel = (c: Connection) => c.model('DayBook', dayBookSchema);
export const dayBookId = (storeId: Types.ObjectId | string, day: string) => `${storeId}:${day}`;
