/**
 * The answer to a question the bot asked: `金额是多少?` → `2800`, `是哪位客人?` → `张总`,
 * `有2位张总,是哪位?` → `1`. Only the same staff member's next message in the same chat counts.
 */
import { readCustomer as readArchive } from '../archive/customer-writes';
import type { Types } from 'mongoose';
import { createCustomer } from '../archive/customers';
import { draftOf, dropDraft, type StoredDraft } from './drafts';
import { readAmount, readCustomer, readDate, readPartySize } from '../parser';
import { changeOf, clockOf, staffOf, type BotContext } from '../pipeline/context';
import type { Feature } from '../pipeline/router';
import { finish, saveOrAsk, type Missing, type PartialVisit } from './visit-flow';

/** A question older than this is stale: staff have moved on, so the message is read afresh. */
const DRAFT_TTL_MS = 30 * 60 * 1000;
const CANCEL = ['算了', '取消', '不记了', '不用了'];

const drafts = new WeakMap<BotContext, StoredDraft>();

export async function pendingDraft(ctx: BotContext): Promise<StoredDraft | null> {
  const draft = await draftOf(ctx);
  return draft && ctx.msg.time.getTime() - draft.createdAt.getTime() <= DRAFT_TTL_MS ? draft : null;
}

async function pickChoice(ctx: BotContext, draft: StoredDraft, text: string): Promise<void> {
  const { staff, store } = staffOf(ctx);
  const p = draft.visit as PartialVisit;
  const n = Number(/^\s*(?:@\S+\s+)?(\d{1,2})\s*$/.exec(text)?.[1] ?? NaN);
  const choices = draft.choices ?? [];
  // A command's list has no "new archive" line; its numbers are taken before (customer-choice.ts).
  if (draft.command || !(n >= 1 && n <= choices.length + 1)) {
    if (ctx.msg.chatType === 'direct' || ctx.msg.mentioned)
      ctx.reply(choiceHint(choices.length + (draft.command ? 0 : 1), !!draft.command));
    return;
  }
  const { models } = ctx.services;
  const customer =
    n <= choices.length
      ? await readArchive(models, choices[n - 1] as unknown as Types.ObjectId)
      : await createCustomer(
          models,
          {
            storeId: store._id,
            name: p.customerName!,
            ownerId: staff._id,
          },
          changeOf(ctx),
        );
  if (!customer) throw new Error('chosen customer vanished');
  // The draft goes once the record is saved: a crash in between leaves the question answerable.
  await finish(ctx, customer, p);
  await dropDraft(ctx);
}

export const choiceHint = (n: number, command: boolean) =>
  `回复 1 到 ${n} 的数字;${command ? '不办了' : '不记了'}请回「算了」`;

/** A lone figure answers 金额是多少? even when it is impossible (0, -2800): then it is questioned. */
const LONE_FIGURE = /^\s*(-?\d+(?:\.\d+)?)\s*(?:元|块)?\s*$/;
const LONE_COUNT = /^\s*(\d+)\s*[人位]?\s*$/;
const LABEL: Record<Missing, string> = {
  amount: '金额',
  customer: '客人',
  partySize: '人数',
  businessDate: '日期',
  resend: '确认',
};

/** 是 / 对 / 另一桌: the look-alike is another table; 不是 / 重复了: it was the same one. */
const YES = /^(?:是|对|嗯|确认|另一桌|另外一桌|再记|记吧|没错)/;
const NO = /^(?:不是|不对|没有|重复|同一桌|不用)/;

async function fillMissing(ctx: BotContext, draft: StoredDraft, text: string): Promise<void> {
  const p = draft.visit as PartialVisit;
  const next: PartialVisit = { ...p, visit: { ...p.visit } };
  const wants = (m: Missing) => draft.missing.includes(m);
  if (wants('resend')) return confirmResend(ctx, draft, next, text);
  const filled = new Set<Missing>();
  // 几位 / 哪天 are answered in a word; a line naming a customer (a booking, another table) is
  // not the answer, or its numbers would complete the wrong record.
  const aside = !wants('amount') && !wants('customer') && !!ctx.reading?.customer;
  if (aside) return reask(ctx, draft);
  if (wants('amount')) {
    next.visit.amount ??= readAmount(text)?.value ?? figure(LONE_FIGURE, text);
    if (next.visit.amount != null) filled.add('amount');
  }
  if (wants('customer')) {
    next.customerName ??= readCustomer(text)?.value;
    if (next.customerName) filled.add('customer');
  }
  if (wants('partySize')) {
    next.visit.partySize ??= readPartySize(text)?.value ?? figure(LONE_COUNT, text);
    if (next.visit.partySize != null) filled.add('partySize');
  }
  const date = wants('businessDate') ? readDate(text, clockOf(ctx)) : undefined;
  if (date && !date.implied) {
    next.visit.businessDate = date.value;
    filled.add('businessDate');
  }
  // An answer that fills nothing is probably not an answer: stay quiet in a group, re-ask in private.
  if (filled.size === 0) return reask(ctx, draft);
  await saveOrAsk(ctx, next);
}

async function confirmResend(
  ctx: BotContext,
  draft: StoredDraft,
  next: PartialVisit,
  text: string,
): Promise<void> {
  if (NO.test(text)) {
    await dropDraft(ctx);
    ctx.reply('好的,没有再记,那一桌只记了一次');
    return;
  }
  if (!YES.test(text)) return reask(ctx, draft);
  await saveOrAsk(ctx, { ...next, resendConfirmed: true });
}

function reask(ctx: BotContext, draft: StoredDraft): void {
  if (ctx.msg.chatType !== 'direct' && !ctx.msg.mentioned) return;
  const first = (draft.missing[0] ?? 'amount') as Missing;
  if (first === 'resend') return void ctx.reply('是另一桌请回「是」,同一桌请回「不是」');
  ctx.reply(`还差${LABEL[first] ?? '信息'},直接回复就行;不记了请回「算了」`);
}

function figure(re: RegExp, text: string): number | undefined {
  const m = re.exec(text);
  return m ? Number(m[1]) : undefined;
}

export const completeDraft: Feature = {
  name: 'complete-draft',
  takes: async (ctx) => {
    const intent = ctx.reading?.intent;
    if (intent === 'visit' || intent === 'command') return false;
    const draft = await pendingDraft(ctx);
    // A booking's question is answered by bookings/answer.ts.
    if ((draft?.visit as { kind?: string } | undefined)?.kind === 'booking') return false;
    if (draft) drafts.set(ctx, draft);
    return draft !== null;
  },
  handle: async (ctx) => {
    const draft = drafts.get(ctx)!;
    const text = ctx.msg.text.trim();
    if (CANCEL.some((w) => text.startsWith(w))) {
      await dropDraft(ctx);
      ctx.reply(draft.command ? '好的,这条不办了' : '好的,这条不记了');
      return;
    }
    await (draft.choices?.length ? pickChoice(ctx, draft, text) : fillMissing(ctx, draft, text));
  },
  // The record keeps the first message's source key, and the draft stays until it is saved.
  repeatable: true,
};
