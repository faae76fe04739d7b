/**
 * The delivery queue in the database. FerretDB only uses an index for `{_id: …}`: a message this
 * process queued is sent from its memory of it (no read), and marked sent in place, which makes
 * the document its own receipt (a key queued again is refused as a duplicate). The queue is
 * scanned only when it is looked at without a reason (start-up, the slow poll), and sent
 * messages are pruned after a few days, so the scan stays small.
 */
import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/** A message to send, `_id` = its delivery key (see keys.ts); once sent, its receipt. */
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
    /**
     * What the admins were told this message waits for (ChatNotOpen's reason): told again only
     * when that changes, as when the group's push webhook fails too.
     */
    waitReason: String,
    /** When the first failed send was: a message failing for long enough is given up. */
    firstFailedAt: Date,
    /**
     * Who may send it now and until when: the process that queued it holds it from the start
     * (so it sends without another write); after `claimUntil`, or when `claimBy` is a start that
     * is gone (holder.ts), anyone may take it, with a write conditional on what they read.
     */
    claimBy: String,
    claimUntil: Date,
    /** The platform accepted it: never sent again. */
    sentAt: Date,
    /** Given up (dead letter): kept for the record, reported once, no longer blocks its chat. */
    deadAt: Date,
    /** Given up because its chat is gone (ChatGone): moved to the new chat once one is confirmed. */
    chatGone: Boolean,
  },
  { versionKey: false, minimize: false },
);

/** A takeover of a lapsed claim, `_id` = `<key>#<try>`: the unique insert makes it atomic. */
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

/** Receipts of earlier versions (a sent message is now marked in place); pruned with age. */
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

/** What the scan asks for: used by MongoDB (the local database reads the collection anyway). */
pendingMessageSchema.index({ account: 1, sentAt: 1, deadAt: 1 });

export type PendingMessage = InferSchemaType<typeof pendingMessageSchema>;

export const pendingMessageModel = (c: Connection) =>
  c.model('PendingMessage', pendingMessageSchema);
export const sendClaimModel = (c: Connection) => c.model('SendClaim', sendClaimSchema);
export const sentReceiptModel = (c: Connection) => c.model('SentReceipt', sentReceiptSchema);
export const sendWindowModel = (c: Connection) => c.model('SendWindow', sendWindowSchema);
