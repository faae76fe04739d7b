import { Schema, Types, type Connection, type InferSchemaType } from 'mongoose';

/** What happened to an archive besides visits: ownership moves, merges, profile changes. */
export const customerEventSchema = new Schema({
  storeId: { type: Types.ObjectId, required: true },
  customerId: { type: Types.ObjectId, required: true, index: true },
  kind: { type: String, enum: ['transfer', 'merge', 'profile', 'tier', 'removed'], required: true },
  by: Types.ObjectId,
  at: { type: Date, required: true },
  before: Schema.Types.Mixed,
  after: Schema.Types.Mixed,
  text: String,
});

export type CustomerEvent = InferSchemaType<typeof customerEventSchema>;
export const customerEventModel = (c: Connection) => c.model('CustomerEvent', customerEventSchema);
