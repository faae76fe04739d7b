/**
 * A complaint beside a visit: the table the customer complained at is recorded and its case
 * opened (张总 3人 2800 说菜太咸); and the first visit after a complaint reminds whoever records
 * it (张总上次投诉过菜太咸,已处理: 送果盘), so the team greets the guest knowing.
 */
import type { Types } from 'mongoose';
import { complaintsOf } from '../../archive/complaints';
import type { SavedVisit } from '../../archive/visits';
import type { BotContext } from '../../pipeline/context';
import type { OutgoingMessage } from '../../pipeline/message';
import { reminderLine } from './lines';
import { openCase } from './open';

/**
 * Lines for the visit's confirmation, and the managers' notices to send after it; `said` is the
 * complaint the visit message carried.
 */
export async function complaintNotes(
  ctx: BotContext,
  saved: SavedVisit,
  said: string | undefined,
  /** The customer's list of cases, already read. */
  listed?: Types.ObjectId[],
): Promise<{ lines: string[]; notices: OutgoingMessage[] }> {
  if (saved.duplicate) return { lines: [], notices: [] };
  const c = saved.customer;
  const since = saved.previousVisit;
  // A case heard since the visit before this one: this is the visit it is about.
  const last = (await complaintsOf(ctx.services.models, c._id, listed))
    .filter((k) => !since || k.day >= since)
    .at(-1);
  const lines = last ? [reminderLine(last)] : [];
  if (!said) return { lines, notices: [] };
  const opened = await openCase(ctx, c, said);
  return { lines: [...lines, opened.line], notices: opened.notices };
}
