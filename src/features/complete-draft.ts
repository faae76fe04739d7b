/**
 * The answer to `金额是多少?`: the same staff member's next message in the same chat fills in
 * what the draft lacks (`2800`, `张总`), and the visit is saved.
 */
import { readAmount, readCustomer } from '../parser';
import { staffOf, type BotContext } from '../pipeline/context';
import type { Feature } from '../pipeline/router';
import type { DraftDoc } from '../model/draft';
import { saveOrAsk, type PartialVisit } from './record-visit';

/** A question older than this is stale: staff have moved on, so the message is read afresh. */
const DRAFT_TTL_MS = 30 * 60 * 1000;
const CANCEL = ['算了', '取消', '不记了', '不用了'];

const drafts = new WeakMap<BotContext, DraftDoc>();

async function pendingDraft(ctx: BotContext): Promise<DraftDoc | null> {
  const { staff } = staffOf(ctx);
  const since = new Date(ctx.msg.time.getTime() - DRAFT_TTL_MS);
  return ctx.services.models.Draft.findOne({
    staffId: staff._id,
    platform: ctx.msg.platform,
    chatId: ctx.msg.chatId,
    createdAt: { $gte: since },
  });
}

export const completeDraft: Feature = {
  name: 'complete-draft',
  takes: async (ctx) => {
    const intent = ctx.reading?.intent;
    if (intent === 'visit' || intent === 'command') return false;
    const draft = await pendingDraft(ctx);
    if (draft) drafts.set(ctx, draft);
    return draft !== null;
  },
  handle: async (ctx) => {
    const draft = drafts.get(ctx)!;
    const text = ctx.msg.text.trim();
    if (CANCEL.some((w) => text.startsWith(w))) {
      await draft.deleteOne();
      ctx.reply('好的,这条不记了');
      return;
    }
    const visit = { ...(draft.visit as PartialVisit) };
    if (draft.missing.includes('amount')) visit.amount ??= readAmount(text)?.value;
    if (draft.missing.includes('customer')) visit.customerName ??= readCustomer(text)?.value;
    const stillMissing = draft.missing.filter((m) =>
      m === 'amount' ? visit.amount === undefined : !visit.customerName,
    );
    // An answer that fills nothing is probably not an answer: stay quiet in a group, re-ask in private.
    if (stillMissing.length === draft.missing.length) {
      if (ctx.msg.chatType === 'direct') ctx.reply(`还差${stillMissing.includes('amount') ? '金额' : '客人'},直接回复就行;不记了请回「算了」`);
      return;
    }
    await saveOrAsk(ctx, visit);
  },
};
