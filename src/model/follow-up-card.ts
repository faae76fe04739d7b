/**
 * Follow-up cards (src/archive/card.ts), one per customer under the customer's `_id`, kept in step
 * by the customer schema's own hooks: every write to a customer goes through mongoose, so no
 * feature can forget to refresh a card. A card that is missing anyway (data from before cards, a
 * write outside mongoose) is rebuilt when it is first read (src/features/followups/customers.ts).
 */
import { Schema, Types, type Connection, type Model, type Query } from 'mongoose';
import { cardOf } from '../archive/card';
import type { Customer } from './customer';

export const followUpCardSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    storeId: { type: Schema.Types.ObjectId, required: true },
    /** JSON of a FollowUpCard; empty for a merged archive. One string decodes fastest. */
    card: { type: String, default: '' },
  },
  { versionKey: false },
);

export const followUpCardModel = (c: Connection) =>
  (c.models.FollowUpCard as ReturnType<typeof make> | undefined) ?? make(c);
const make = (c: Connection) => c.model('FollowUpCard', followUpCardSchema);

type Stored = Customer & { _id: Types.ObjectId };

/** The stored row of a customer's card. */
export function cardRow(c: Stored): { _id: Types.ObjectId; storeId: Types.ObjectId; card: string } {
  const card = cardOf(c);
  return { _id: c._id, storeId: c.storeId, card: card ? JSON.stringify(card) : '' };
}

export async function writeCards(conn: Connection, customers: Stored[]): Promise<void> {
  if (customers.length === 0) return;
  await followUpCardModel(conn).bulkWrite(
    customers.map((c) => {
      const { _id, ...row } = cardRow(c);
      return { updateOne: { filter: { _id }, update: { $set: row }, upsert: true } };
    }),
    { ordered: false },
  );
}

/** Rewrite the cards of these customers from what is stored now. */
export async function refreshCards(conn: Connection, ids: Types.ObjectId[]): Promise<void> {
  if (ids.length === 0) return;
  const found = (await conn
    .model('Customer')
    .find({ _id: { $in: ids } })
    .lean()) as unknown as Stored[];
  await writeCards(conn, found);
  const gone = ids.filter((id) => !found.some((c) => c._id.equals(id)));
  if (gone.length) await followUpCardModel(conn).deleteMany({ _id: { $in: gone } });
}

function idsIn(filter: Record<string, unknown>): Types.ObjectId[] | undefined {
  const id = filter._id as unknown;
  if (id instanceof Types.ObjectId) return [id];
  if (typeof id === 'string' && Types.ObjectId.isValid(id)) return [new Types.ObjectId(id)];
  const $in = (id as { $in?: unknown[] } | undefined)?.$in;
  return Array.isArray($in) ? $in.map((x) => new Types.ObjectId(String(x))) : undefined;
}

async function affected(query: Query<unknown, unknown>): Promise<Types.ObjectId[]> {
  const filter = query.getFilter();
  const direct = idsIn(filter);
  if (direct) return direct;
  // Every write in the bot names its customer by _id; anything else is rare enough to look up.
  const rows = await query.model.find(filter).select({ _id: 1 }).lean();
  return rows.map((r) => r._id as Types.ObjectId);
}

/** An update option: the caller writes the card itself from what it already holds. */
export const CARD_FROM_CALLER = 'cardFromCaller';

/** Install on the customer schema before its model is made. */
export function keepCards(schema: Schema): void {
  schema.post(
    ['updateOne', 'updateMany', 'findOneAndUpdate'],
    { document: false, query: true },
    async function (this: Query<unknown, unknown>) {
      if ((this.getOptions() as Record<string, unknown>)[CARD_FROM_CALLER]) return;
      await refreshCards(this.model.db, await affected(this));
    },
  );
  schema.post('save', async function (doc: { db: Connection; toObject(): Stored }) {
    await writeCards(doc.db, [doc.toObject()]);
  });
  schema.post('insertMany', async function (this: Model<Customer>, docs: unknown) {
    const made = docs as { toObject(): Stored }[];
    await writeCards(
      this.db,
      made.map((d) => d.toObject()),
    );
  });
}
