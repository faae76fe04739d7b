/**
 * The answer to a question the bot asked: `金额是多少?` → `2800`, `是哪位客人?` → `张总`,
 * `有2位张总,是哪位?` → `1`. Only the same staff member's next message in the same chat counts.
 */
import { createCustomer } from '../archive/customers';
import type { DraftDoc } from '../model/draft';
import { readAmount, readCustomer } from '../parser';
import { staffOf, type BotContext } from '../pipeline/context';
import type { Feature } from '../pipeline/router';
import { finish, saveOrAsk, type PartialVisit } from './visit-flow';

/** A question older than this is stale: staff have moved on, so the message is read afresh. */
const DRAFT_TTL_MS = 30 * 60 * 1000;
const CANCEL = ['算了', '取消', '不记了', '不用了'];

const drafts = new WeakMap<BotContext, DraftDoc>();

async function pendingDraft(ctx: BotContext): Promise<DraftDoc | null> {
  const { staff } = staffOf(ctx);
  const draft = await ctx.services.models.Draft.findOne({
    staffId: staff._id,
    platform: ctx.msg.platform,
    chatId: ctx.msg.chatId,
  });
  return draft && ctx.msg.time.getTime() - draft.createdAt.getTime() <= DRAFT_TTL_MS ? draft : null;
}

async function pickChoice(ctx: BotContext, draft: DraftDoc, text: string): Promise<void> {
  const { staff, store } = staffOf(ctx);
  const p = draft.visit as PartialVisit;
  const n = Number(/^\s*(\d{1,2})\s*$/.exec(text)?.[1] ?? NaN);
  const choices = draft.choices ?? [];
  if (!(n >= 1 && n <= choices.length + 1)) {
    if (ctx.msg.chatType === 'direct' || ctx.msg.mentioned)
      ctx.reply(`回复 1 到 ${choices.length + 1} 的数字;不记了请回「算了」`);
    return;
  }
  const { models } = ctx.services;
  const customer =
    n <= choices.length
      ? await models.Customer.findById(choices[n - 1])
      : await createCustomer(models, {
          storeId: store._id,
          name: p.customerName!,
          ownerId: staff._id,
        });
  if (!customer) throw new Error('chosen customer vanished');
  await draft.deleteOne();
  await finish(ctx, customer, p);
}

async function fillMissing(ctx: BotContext, draft: DraftDoc, text: string): Promise<void> {
  const p = draft.visit as PartialVisit;
  const next: PartialVisit = { ...p, visit: { ...p.visit } };
  if (draft.missing.includes('amount')) next.visit.amount ??= readAmount(text)?.value;
  if (draft.missing.includes('customer')) next.customerName ??= readCustomer(text)?.value;
  const filled = draft.missing.filter((m) =>
    m === 'amount' ? next.visit.amount != null : !!next.customerName,
  );
  // An answer that fills nothing is probably not an answer: stay quiet in a group, re-ask in private.
  if (filled.length === 0) {
    if (ctx.msg.chatType === 'direct' || ctx.msg.mentioned) {
      ctx.reply(
        `还差${draft.missing.includes('amount') ? '金额' : '客人'},直接回复就行;不记了请回「算了」`,
      );
    }
    return;
  }
  await saveOrAsk(ctx, next);
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
    await (draft.choices?.length ? pickChoice(ctx, draft, text) : fillMissing(ctx, draft, text));
  },
};
