import { Schema, Types, type Connection, type InferSchemaType } from 'mongoose';

/**
 * A chat that came back under a new id (WeChat gives every contact and group new ids after a
 * re-login). `_id` is `<platform>:<new id>`, so one new id is offered once. A contact's move waits
 * for an admin's `确认换号 <名字>` (a namesake could otherwise take a colleague's place) and
 * lapses at `expiresAt`; a group's is confirmed by the admin's `绑定本群` in the group itself.
 * Once confirmed, messages still addressed to the old id follow to the new one (outbox/forward.ts).
 */
export const chatMoveSchema = new Schema(
  {
    _id: { type: String, required: true },
    platform: { type: String, required: true },
    kind: { type: String, enum: ['contact', 'room'], required: true },
    storeId: { type: Types.ObjectId, required: true },
    /** The staff member a contact's move is about; the group binding a room's is about. */
    staffId: Types.ObjectId,
    /** The staff member's name in the team, or the group's name, for the messages. */
    name: { type: String, required: true },
    oldId: { type: String, required: true },
    newId: { type: String, required: true },
    offeredAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    /** The message that made the offer: handling it again tells the admins under the same keys. */
    source: String,
    confirmedAt: Date,
    confirmedBy: Types.ObjectId,
  },
  { versionKey: false },
);

export type ChatMove = InferSchemaType<typeof chatMoveSchema> & { _id: string };
export const chatMoveModel = (c: Connection) => c.model('ChatMove', chatMoveSchema);

/**
 * How a staff member's WeChat account looked when last heard from under an id: the names are
 * what still match after a re-login. `_id` is the identity (`wechaty:<id>`).
 */
export const seenContactSchema = new Schema(
  {
    _id: { type: String, required: true },
    staffId: { type: Types.ObjectId, required: true },
    storeId: { type: Types.ObjectId, required: true },
    /** The name the person gave themselves on WeChat. */
    name: { type: String, default: '' },
    /** The 备注 the bot's account gave them ('' when none). */
    alias: { type: String, default: '' },
    seenAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type SeenContact = InferSchemaType<typeof seenContactSchema> & { _id: string };
export const seenContactModel = (c: Connection) => c.model('SeenContact', seenContactSchema);
