import { Schema, Types, type Connection, type InferSchemaType } from 'mongoose';

/**
 * 邀请码: an admin's `添加员工 小王 服务员` makes one; the new person sends it to the bot in a
 * direct message and is bound to that staff record. `_id` is the code itself, so redeeming it is
 * one read by `_id` (the only indexed filter on FerretDB v1). Used codes are kept for the record.
 */
export const inviteSchema = new Schema(
  {
    _id: { type: String, required: true },
    storeId: { type: Types.ObjectId, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true },
    createdBy: { type: Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    /** `platform:userId` of whoever used it; set once, atomically. */
    usedBy: String,
    usedAt: Date,
  },
  { versionKey: false },
);

export type Invite = InferSchemaType<typeof inviteSchema>;
export const inviteModel = (c: Connection) => c.model('Invite', inviteSchema);
