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
    /**
     * The group's 消息推送 webhook key (WeCom 群机器人), set by `设置 本群推送`: a secret, so it
     * is left out of every read that does not ask for it (`+pushKey`).
     */
    pushKey: { type: String, select: false },
  },
  { timestamps: true },
);
teamGroupSchema.index({ platform: 1, chatId: 1 }, { unique: true });

export type TeamGroup = InferSchemaType<typeof teamGroupSchema>;
export type TeamGroupDoc = HydratedDocument<TeamGroup>;
export const teamGroupModel = (c: Connection) => c.model('TeamGroup', teamGroupSchema);
