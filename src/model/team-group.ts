import {
  Schema,
  Types,
  type Connection,
  type InferSchemaType,
  type HydratedDocument,
} from 'mongoose';

/** A group chat of a store's team: it receives the morning briefing. */
export const teamGroupSchema = new Schema(
  {
    storeId: { type: Types.ObjectId, required: true, index: true },
    platform: { type: String, required: true },
    chatId: { type: String, required: true },
    name: { type: String, default: '' },
  },
  { timestamps: true },
);
teamGroupSchema.index({ platform: 1, chatId: 1 }, { unique: true });

export type TeamGroup = InferSchemaType<typeof teamGroupSchema>;
export type TeamGroupDoc = HydratedDocument<TeamGroup>;
export const teamGroupModel = (c: Connection) => c.model('TeamGroup', teamGroupSchema);
