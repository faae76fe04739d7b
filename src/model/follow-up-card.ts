/**
 * Follow-up cards (src/archive/card.ts), one per customer under the customer's `_id`. Written only
 * by src/archive/customer-writes.ts, with every write of the customer; `rev` is the customer's rev
 * the card was made from, so an older card never replaces a newer one.
 */
import { Schema, type Connection } from 'mongoose';

export const followUpCardSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    storeId: { type: Schema.Types.ObjectId, required: true },
    /** JSON of a FollowUpCard; empty for a merged archive. One string decodes fastest. */
    card: { type: String, default: '' },
    rev: { type: Number, default: 0 },
  },
  { versionKey: false },
);

export const followUpCardModel = (c: Connection) =>
  (c.models.FollowUpCard as ReturnType<typeof make> | undefined) ?? make(c);
const make = (c: Connection) => c.model('FollowUpCard', followUpCardSchema);
