import {
  Schema,
  Types,
  type Connection,
  type InferSchemaType,
  type HydratedDocument,
} from 'mongoose';

/**
 * A visit the bot could not save yet because an essential (customer or amount) was missing. It
 * waits for the same staff member's next message in the same chat, which completes it. Kept in the
 * database so a restart between question and answer loses nothing. One per staff member and chat,
 * `_id` = draftKey(…): the local database only looks documents up quickly by `_id`, and a
 * filter on the other fields read every draft, for every record.
 */
export const draftSchema = new Schema(
  {
    _id: { type: String, required: true },
    storeId: { type: Types.ObjectId, required: true },
    staffId: { type: Types.ObjectId, required: true },
    platform: { type: String, required: true },
    chatId: { type: String, required: true },
    visit: { type: Schema.Types.Mixed, required: true },
    missing: { type: [String], default: [] },
    /** When a name matched several archives: the numbered choices offered (the last is "new"). */
    choices: { type: [Types.ObjectId], default: undefined },
    /**
     * A command (已回访 张总, 把张总转给小李) waiting for the number of its customer: what to run
     * again with the answer (features/customer-argument.ts); `visit` is then empty.
     */
    command: { type: Schema.Types.Mixed, default: undefined },
    createdAt: { type: Date, required: true },
  },
  // A draft's facts may be an empty object; mongoose would otherwise drop it on save.
  { minimize: false },
);

export const draftKey = (staffId: Types.ObjectId, platform: string, chatId: string) =>
  `${String(staffId)}:${platform}:${chatId}`;

export type Draft = InferSchemaType<typeof draftSchema>;
export type DraftDoc = HydratedDocument<Draft>;
export const draftModel = (c: Connection) => c.model('Draft', draftSchema);
