import { Schema, Types, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

const birthdaySchema = new Schema(
  {
    calendar: { type: String, enum: ['solar', 'lunar'], required: true },
    month: { type: Number, required: true },
    day: { type: Number, required: true },
    year: Number,
  },
  { _id: false },
);

/** Derived figures, kept up to date as visits come in so no query scans all visits. */
const statsSchema = new Schema(
  {
    visits: { type: Number, default: 0 },
    totalSpend: { type: Number, default: 0 },
    firstVisit: String,
    lastVisit: String,
    lastAmount: Number,
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
    position: String,
    industry: String,
    address: String,
    preferences: { type: [String], default: [] },
    bottles: { type: [String], default: [] },
    notes: { type: [String], default: [] },
    referrerName: String,
    referrerId: Types.ObjectId,
    ownerId: Types.ObjectId,
    tier: { type: String, enum: ['A', 'B', 'C', 'D'], default: 'D' },
    optOut: { type: Boolean, default: false },
    stats: { type: statsSchema, default: () => ({}) },
  },
  { timestamps: true },
);
customerSchema.index({ storeId: 1, name: 1 });
customerSchema.index({ storeId: 1, aliases: 1 });
customerSchema.index({ storeId: 1, phones: 1 });

export type Customer = InferSchemaType<typeof customerSchema>;
export type CustomerDoc = HydratedDocument<Customer>;
export const customerModel = (c: Connection) => c.model('Customer', customerSchema);
