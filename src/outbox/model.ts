/**
 * The delivery queue in the database. FerretDB only uses an index for `{_id: …}`, so every hot
 * read is by `_id` except one scan: the pending queue, which only ever holds unsent messages
 * (a sent one is deleted), so it stays small however much the bot has sent.
 */
import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/** A message waiting to be sent, `_id` = its delivery key (see keys.ts). Deleted once sent. */
export const pendingMessageSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** The platform account that sends it (the platform name: one account per platform). */
    account: { type: String, required: true },
    /** The OutgoingMessage itself, buttons included. */
    msg: { type: Schema.Types.Mixed, required: true },
    /** Enqueue order: messages go out in this order (per chat, strictly). */
    seq: { type: Number, required: true },
    enqueuedAt: { type: Date, required: true },
    /** Send claims made so far: the next claim is `<key>#<tries>`. */
    tries: { type: Number, default: 0 },
    /** Failed sends so far: the backoff grows with them. */
    failures: { type: Number, default: 0 },
    /** Not before this time (backoff after a failure). */
    notBefore: Date,
    lastError: String,
  },
  { versionKey: false, minimize: false },
);

/** One claimed send of one message, `_id` = `<key>#<try>`: the unique insert makes it atomic. */
export const sendClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    /** After this, a claim with no outcome is taken to be a crashed sender. */
    leaseUntil: { type: Date, required: true },
    failedAt: Date,
    /** The start of the bot that made it (holder.ts): a start that is gone holds nothing. */
    by: String,
  },
  { versionKey: false },
);

/** The platform accepted the message, `_id` = its delivery key: it is never sent again. */
export const sentReceiptSchema = new Schema(
  {
    _id: { type: String, required: true },
    account: { type: String, required: true },
    chatId: { type: String, required: true },
    sentAt: { type: Date, required: true },
  },
  { versionKey: false },
);

/** Recent send times of one account or group chat (window.ts), `_id` = the window id. */
export const sendWindowSchema = new Schema(
  {
    _id: { type: String, required: true },
    sent: { type: [Number], default: [] },
  },
  { versionKey: false },
);

export type PendingMessage = InferSchemaType<typeof pendingMessageSchema>;

export const pendingMessageModel = (c: Connection) =>
  c.model('PendingMessage', pendingMessageSchema);
export const sendClaimModel = (c: Connection) => c.model('SendClaim', sendClaimSchema);
export const sentReceiptModel = (c: Connection) => c.model('SentReceipt', sentReceiptSchema);
export const sendWindowModel = (c: Connection) => c.model('SendWindow', sendWindowSchema);
