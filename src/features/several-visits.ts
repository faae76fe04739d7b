/**
 * Two or more tables in one message (王总今晚3人2800,李总今晚4人3600): each is recorded on its own,
 * keyed by the message and its place in it, and confirmed on its own line. Only when every one of
 * them can be saved as said: a table that would need a question (which 张总? ¥0?) means the staff
 * member is asked to send one table per message, and nothing is saved.
 */
import { candidates } from '../archive/customers';
import type { CustomerDoc } from '../model/customer';
import { problemOf } from '../archive/visit-checks';
import type { Reading } from '../parser/reading';
import { clockOf, sourceKeyOf, staffOf, type BotContext } from '../pipeline/context';
import { businessDate } from '../time/business-day';
import { visitFromReading } from './record-visit';
import { finishVisit, newCustomer, type PartialVisit } from './visit-flow';

export const ONE_TABLE_EACH = '这条里好像有几桌,请一桌发一条,我好分开记';

/** The k-th table of a message: the first keeps the message's key, so a resend still matches. */
const keyOf = (ctx: BotContext, k: number) =>
  k === 0 ? sourceKeyOf(ctx) : `${sourceKeyOf(ctx)}#${k}`;

/** The one archive the table is for (undefined: a new customer), or null when it needs a question. */
async function plainly(ctx: BotContext, p: PartialVisit): Promise<CustomerDoc | undefined | null> {
  const { store } = staffOf(ctx);
  if (problemOf({ ...p.visit, badPhone: p.badPhone }, businessDate(clockOf(ctx)))) return null;
  const found = await candidates(ctx.services.models, {
    storeId: store._id,
    name: p.customerName,
    phone: p.facts.phone,
  });
  return found.length <= 1 ? found[0] : null;
}

export async function recordSeveral(ctx: BotContext, readings: Reading[]): Promise<void> {
  const parts = readings.map((r, k) => {
    const p = visitFromReading(ctx, r);
    return { ...p, visit: { ...p.visit, sourceKey: keyOf(ctx, k) } };
  });
  const known: (CustomerDoc | undefined)[] = [];
  for (const p of parts) {
    const c = await plainly(ctx, p);
    if (c === null) return ctx.reply(ONE_TABLE_EACH);
    known.push(c);
  }
  for (const [k, p] of parts.entries())
    await finishVisit(ctx, known[k] ?? (await newCustomer(ctx, p.customerName!)), p);
}
