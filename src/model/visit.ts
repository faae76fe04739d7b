import { Schema, Types, type Connection, type InferSchemaType } from 'mongoose';

/** Nothing is destroyed: every correction keeps who, when, before and after. */
const changeSchema = new Schema(
  {
    by: { type: Types.ObjectId, required: true },
    at: { type: Date, required: true },
    kind: { type: String, enum: ['amend', 'undo', 'merge'], required: true },
    field: String,
    before: Schema.Types.Mixed,
    after: Schema.Types.Mixed,
    /** platform:messageId of the message that asked for it: the same message never changes twice. */
    source: String,
  },
  { _id: false },
);

/**
 * 消费记录: one table that happened. `businessDate` is stored precomputed as YYYY-MM-DD because
 * FerretDB v1 has no date operators. `sourceKey` (platform:messageId) is unique, so a platform
 * redelivering a message can never create a second visit even if the message log missed it.
 */
export const visitSchema = new Schema(
  {
    storeId: { type: Types.ObjectId, required: true },
    customerId: { type: Types.ObjectId, required: true },
    businessDate: { type: String, required: true },
    mealPeriod: String,
    partySize: Number,
    amount: { type: Number, required: true },
    room: String,
    occasion: String,
    companions: { type: [String], default: [] },
    notes: { type: [String], default: [] },
    recordedBy: { type: Types.ObjectId, required: true },
    /** Whose customer it was when recorded: their figures keep it after a transfer. */
    ownerId: Types.ObjectId,
    chatId: String,
    sourceKey: { type: String, required: true, unique: true },
    text: String,
    status: { type: String, enum: ['active', 'undone'], default: 'active' },
    changes: { type: [changeSchema], default: [] },
  },
  { timestamps: true },
);

export type Visit = InferSchemaType<typeof visitSchema>;
/** A visit as read (plain, `lean()`). */
export type VisitDoc = Visit & { _id: Types.ObjectId; createdAt?: Date; updatedAt?: Date };
export const visitModel = (c: Connection) => c.model('Visit', visitSchema);
