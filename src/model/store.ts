import { Schema, type Connection, type InferSchemaType, type HydratedDocument } from 'mongoose';

/** A restaurant or bar. Its clock settings drive every date the bot reads or computes. */
export const storeSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    timeZone: { type: String, required: true, default: 'Asia/Shanghai' },
    businessDayCutoff: { type: String, required: true, default: '05:00' },
    briefingTime: { type: String, required: true, default: '09:30' },
    /** 周报 (the week as a chart): ISO weekday 1 = Monday … 7 = Sunday, 0 = not sent. */
    weeklyReportDay: { type: Number, default: 1, min: 0, max: 7 },
    weeklyReportTime: { type: String, default: '10:00' },
    /**
     * 班前会: the meal's bookings to the team group at this local time (features/bookings/
     * pre-shift.ts). Dinner is on by default, lunch off (most stores brief once, before dinner).
     */
    dinnerBrief: {
      time: { type: String, default: '16:30' },
      on: { type: Boolean, default: true },
    },
    lunchBrief: {
      time: { type: String, default: '10:30' },
      on: { type: Boolean, default: false },
    },
    /** Tier thresholds (archive/tiers.ts); absent means the defaults. Validated when set. */
    tiers: Schema.Types.Mixed,
    /** Follow-up rules (followup/settings.ts) the store changed; absent means the defaults. */
    followUps: Schema.Types.Mixed,
  },
  { timestamps: true },
);

export type Store = InferSchemaType<typeof storeSchema>;
export type StoreDoc = HydratedDocument<Store>;
export const storeModel = (c: Connection) => c.model('Store', storeSchema);
