import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * A secondary index kept by hand: key → ids. FerretDB v1 (the local database) answers only
 * `{_id: value}` from an index and scans the whole collection for any other filter, which at
 * 100,000 customers is seconds per query. Every hot lookup (customer by name or phone, staff by
 * platform identity, a day's visits, a staff member's last records) therefore reads one lookup
 * document by `_id`. On MongoDB this costs the same and keeps one code path for both servers.
 */
export const lookupSchema = new Schema(
  {
    _id: { type: String, required: true },
    ids: { type: [Schema.Types.ObjectId], default: [] },
  },
  { versionKey: false },
);

export type Lookup = InferSchemaType<typeof lookupSchema>;
export const lookupModel = (c: Connection) => c.model('Lookup', lookupSchema);
