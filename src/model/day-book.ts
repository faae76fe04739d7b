import { Schema, Types, type Connection, type InferSchemaType } from 'mongoose';

const entrySchema = new Schema(
  {
    visitId: { type: Types.ObjectId, required: true },
    customerId: { type: Types.ObjectId, required: true },
    recordedBy: { type: Types.ObjectId, required: true },
    amount: { type: Number, required: true },
    partySize: Number,
    /** The customer's first visit was this day. */
    firstVisit: Boolean,
  },
  { _id: false },
);

/**
 * 营业日账: a store's active visits of one business day in brief, `_id` = `<storeId>:<YYYY-MM-DD>`.
 * Briefings and revenue questions read one document per day instead of scanning every visit.
 */
export const dayBookSchema = new Schema(
  {
    _id: { type: String, required: true },
    entries: { type: [entrySchema], default: [] },
  },
  { versionKey: false },
);

export type DayBook = InferSchemaType<typeof dayBookSchema>;
export const dayBookModel = (c: Connection) => c.model('DayBook', dayBookSchema);
export const dayBookId = (storeId: Types.ObjectId | string, day: string) => `${storeId}:${day}`;
