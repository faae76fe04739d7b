import { Schema, Types, type Connection, type InferSchemaType } from 'mongoose';

/**
 * Every incoming message, once. The unique (platform, messageId) is the dedupe: a redelivered
 * message fails the insert and is dropped. Text is stored masked (it is a log). A handling cut
 * short is known from the local journal (src/journal), not from here: no second write per message.
 */
export const messageLogSchema = new Schema(
  {
    /** `<platform>:<messageId>`, so the entry of a redelivered message is one indexed read. */
    _id: { type: String, required: true },
    platform: { type: String, required: true },
    messageId: { type: String, required: true },
    storeId: Types.ObjectId,
    chatId: String,
    senderId: String,
    text: String,
    receivedAt: { type: Date, required: true },
    outcome: String,
  },
  { timestamps: false },
);
messageLogSchema.index({ platform: 1, messageId: 1 }, { unique: true });

export const messageLogId = (platform: string, messageId: string) => `${platform}:${messageId}`;

export type MessageLog = InferSchemaType<typeof messageLogSchema>;
export const messageLogModel = (c: Connection) => c.model('MessageLog', messageLogSchema);
