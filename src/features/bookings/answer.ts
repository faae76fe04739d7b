/**
 * The answer to `王总的预订,哪天?` / `几位?`: the same staff member's next message in the chat
 * (`周五`, `6位`, `明晚7点 8人`) completes the booking. 算了 drops it.
 */
import { readDate, readPartySize } from '../../parser';
import { clockOf, type BotContext } from '../../pipeline/context';
import type { Feature } from '../../pipeline/router';
import { businessDate } from '../../time/business-day';
import { draftOf, dropDraft, type StoredDraft } from '../drafts';
import { bookOrAsk, slotFromReading, type PartialBooking } from './record';

const DRAFT_TTL_MS = 30 * 60 * 1000;
const CANCEL = /^(?:算了|取消|不记了|不用了)/;
const drafts = new WeakMap<BotContext, StoredDraft>();

async function bookingDraft(ctx: BotContext): Promise<StoredDraft | null> {
  const d = await draftOf(ctx);
  if (!d || (d.visit as { kind?: string })?.kind !== 'booking') return null;
  return ctx.msg.time.getTime() - d.createdAt.getTime() <= DRAFT_TTL_MS ? d : null;
}

export const answerBooking: Feature = {
  name: 'booking.answer',
  takes: async (ctx) => {
    const intent = ctx.reading?.intent;
    if (intent === 'visit' || intent === 'command') return false;
    // Another booking (or any line naming a customer) is read as itself, not as the answer.
    if (ctx.reading?.customer) return false;
    const d = await bookingDraft(ctx);
    if (d) drafts.set(ctx, d);
    return d !== null;
  },
  handle: async (ctx) => {
    const draft = drafts.get(ctx)!;
    const text = ctx.msg.text.trim();
    if (CANCEL.test(text)) {
      await dropDraft(ctx);
      return ctx.reply('好的,这个预订不记了');
    }
    const p = draft.visit as PartialBooking;
    const said = ctx.reading ? slotFromReading(ctx.reading, text) : {};
    const today = businessDate(clockOf(ctx));
    const date = readDate(text, clockOf(ctx));
    const day = date && !date.implied && date.value >= today ? date.value : undefined;
    const party = readPartySize(text)?.value;
    const slot = { ...p.slot };
    for (const [k, v] of Object.entries(said))
      if (k !== 'day' && v !== undefined) Object.assign(slot, { [k]: v });
    if (day) slot.day = day;
    if (party) slot.partySize = party;
    const answered = (!p.slot.day && day) || (!p.slot.partySize && party);
    if (!answered) {
      if (ctx.msg.chatType === 'direct' || ctx.msg.mentioned)
        ctx.reply('还差日期或人数,直接回复就行;不记了请回「算了」');
      return;
    }
    await bookOrAsk(ctx, { ...p, slot });
  },
  repeatable: true,
};
