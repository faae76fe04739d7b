import { Schema, Types, type Connection, type InferSchemaType } from 'mongoose';

const birthdaySchema = new Schema(
  {
    calendar: { type: String, enum: ['solar', 'lunar'], required: true },
    month: { type: Number, required: true },
    day: { type: Number, required: true },
    year: Number,
  },
  { _id: false },
);

/** One active visit in brief: enough for stats, tiers and the profile card without reading visits. */
const visitSummarySchema = new Schema(
  {
    visitId: { type: Types.ObjectId, required: true },
    date: { type: String, required: true },
    amount: { type: Number, required: true },
    partySize: Number,
    room: String,
  },
  { _id: false },
);

/** 回访记录: what staff did with a follow-up task (src/followup FollowUpRecord plus who and what). */
const followUpSchema = new Schema(
  {
    key: { type: String, required: true },
    action: {
      type: String,
      enum: ['done', 'skipped', 'moved', 'missed', 'sent', 'expired'],
      required: true,
    },
    on: { type: String, required: true },
    to: String,
    /** Other tasks of the same line (one call covered them all): closed or moved with it. */
    also: { type: [String], default: undefined },
    note: String,
    by: Types.ObjectId,
    at: Date,
  },
  { _id: false },
);

/** Derived figures, recomputed from `history` whenever a visit is added, changed or removed. */
const statsSchema = new Schema(
  {
    visits: { type: Number, default: 0 },
    totalSpend: { type: Number, default: 0 },
    averageSpend: { type: Number, default: 0 },
    firstVisit: String,
    lastVisit: String,
    lastAmount: Number,
    usualPartySize: Number,
    usualRoom: String,
  },
  { _id: false },
);

/**
 * 期初: what an imported spreadsheet says of the customer's history before the bot (累计消费,
 * 消费次数, 每次购买的时间). Replaced, not added to, when the same sheet is imported again.
 */
const openingSchema = new Schema(
  {
    visits: { type: Number, default: 0 },
    spend: { type: Number, default: 0 },
    firstVisit: String,
    lastVisit: String,
    lastAmount: Number,
    points: Number,
  },
  { _id: false },
);

/** 客史档案: one customer of one store, named as staff say it. */
export const customerSchema = new Schema(
  {
    storeId: { type: Types.ObjectId, required: true },
    name: { type: String, required: true },
    aliases: { type: [String], default: [] },
    phones: { type: [String], default: [] },
    gender: String,
    birthday: birthdaySchema,
    company: String,
    /** WeChat id as the customer gave it (微信 zhang123). */
    wechat: String,
    position: String,
    industry: String,
    address: String,
    preferences: { type: [String], default: [] },
    bottles: { type: [String], default: [] },
    notes: { type: [String], default: [] },
    referrerName: String,
    referrerId: Types.ObjectId,
    referredIds: { type: [Types.ObjectId], default: [] },
    ownerId: Types.ObjectId,
    tier: { type: String, enum: ['A', 'B', 'C', 'D'], default: 'D' },
    tierReason: String,
    tierAsOf: String,
    optOut: { type: Boolean, default: false },
    followUps: { type: [followUpSchema], default: [] },
    history: { type: [visitSummarySchema], default: [] },
    stats: { type: statsSchema, default: () => ({}) },
    /** Opening balance from an imported sheet: stats and tiers count it with `history`. */
    opening: openingSchema,
    /** VIP号码 from an imported sheet. */
    vipNumber: String,
    /** Set when this archive was merged into another; lookups then lead to the survivor. */
    mergedInto: Types.ObjectId,
    /** Who merged it and when: the moved visits' change records say so (archive/merge.ts). */
    mergedBy: Types.ObjectId,
    mergedAt: Date,
    /**
     * Set when the archive only ever held one visit, undone (a typo made a new customer): found
     * nowhere since, kept with its undone visit for the record (archive/empty-archive.ts).
     */
    removedAt: Date,
    removedBy: Types.ObjectId,
    /**
     * Goes up by one with every write (archive/customer-writes.ts). A write computed from a copy
     * (figures from the history read) names the rev it read, so it cannot overwrite a newer state;
     * the follow-up card carries the rev it was made from.
     */
    rev: { type: Number, default: 0 },
  },
  { timestamps: true },
);

export type Customer = InferSchemaType<typeof customerSchema>;
/** A customer archive as read (plain, `lean()`): the archive writes through its own module. */
export type CustomerDoc = Customer & {
  _id: Types.ObjectId;
  createdAt?: Date;
  updatedAt?: Date;
};
export const customerModel = (c: Connection) => c.model('Customer', customerSchema);
