/**
 * From "what staff said" to a saved visit: ask for a missing essential, ask which customer when a
 * name is shared, then save, learn the profile facts and tell the owner about a tier change.
 * Every question leaves a draft, so the staff member's next message finishes the record.
 */
import { candidates, createCustomer } from '../archive/customers';
import { applyProfile, changesProfile, type ProfileFacts } from '../archive/profile';
import { problemOf, type Problem } from '../archive/visit-checks';
import { afterCommit } from '../archive/after-commit';
import { customerListsOf } from '../archive/customer-lists';
import { saveVisit, type VisitInput } from '../archive/visits';
import type { CustomerDoc } from '../model/customer';
import { Types } from 'mongoose';
import { draftKeyOf, draftOf, dropDraft, saveDraft } from './drafts';
import { changeOf, clockOf, sourceKeyOf, staffOf, type BotContext } from '../pipeline/context';
import { takenIn } from '../pipeline/steps';
import { replyWithTierNote } from './tier-notes';
import { businessDate, localParts } from '../time/business-day';
import { sameTableJustNow } from '../archive/resends';
import { yuan } from '../format/text';
import { choiceList, confirmation, profileReply, question } from './visit-reply';
import { sendersOwn } from './customer-argument';
import { linkArrival, withArrival } from './bookings/arrival';
import { complaintNotes } from './complaints/visit';

/** What is known of the visit so far; stored as JSON in a draft while the bot asks. */
export interface PartialVisit {
  customerName?: string;
  /** Profile facts only (`张总 电话…`): no visit is saved, the archive is updated. */
  profileOnly?: boolean;
  facts: ProfileFacts;
  /** Digits staff gave as a phone that are not a mobile number: questioned, never saved. */
  badPhone?: string;
  /** What the customer complained of, said with the visit: a case is opened once it is saved. */
  complaint?: string;
  /** The staff member said 是: the look-alike of a table just recorded is another table. */
  resendConfirmed?: boolean;
  visit: Partial<VisitInput> & Pick<VisitInput, 'businessDate' | 'chatId' | 'sourceKey' | 'text'>;
}

/** What a draft waits for: an essential, or a value that was impossible as first said. */
export type Missing = 'customer' | 'amount' | 'partySize' | 'businessDate' | 'resend';

export function missingOf(p: PartialVisit): Missing[] {
  const missing: Missing[] = [];
  if (!p.customerName) missing.push('customer');
  if (p.profileOnly) return missing;
  if (p.visit.amount === undefined || p.visit.amount === null) missing.push('amount');
  return missing;
}

/**
 * The pending question of this staff member in this chat, with what was said so far: a visit, or
 * a booking (features/bookings) waiting for its day or party.
 */
export async function keepDraft(
  ctx: BotContext,
  p: object,
  extra: { missing?: string[]; choices?: CustomerDoc[] },
) {
  const { staff, store } = staffOf(ctx);
  const _id = draftKeyOf(ctx);
  await saveDraft(ctx, {
    _id,
    storeId: store._id,
    staffId: staff._id,
    platform: ctx.msg.platform,
    chatId: ctx.msg.chatId,
    visit: p,
    missing: extra.missing ?? [],
    choices: extra.choices?.map((c) => c._id),
    createdAt: ctx.msg.time,
  });
}

export { draftKeyOf };

/**
 * Most records have no question pending: a read then (shared with whatever looked for the draft
 * before, drafts.ts), rather than a write every time.
 */
export async function clearDrafts(ctx: BotContext): Promise<void> {
  if (await draftOf(ctx)) await dropDraft(ctx);
}

/**
 * Save a complete visit, or keep it as a draft and ask only for what is missing or unclear. A
 * draft this message answers is replaced by the new question, or cleared once the record is
 * saved: never before, or a crash in between would lose both.
 */
export async function saveOrAsk(ctx: BotContext, p: PartialVisit): Promise<void> {
  const { store } = staffOf(ctx);
  const { models } = ctx.services;
  const problem = problemOf({ ...p.visit, badPhone: p.badPhone }, businessDate(clockOf(ctx)));
  const missing = missingOf(p);
  // A question is asked once: a redelivered message is left alone. Only a save goes without the
  // message log, its visit's key being this message's (pipeline/steps.ts takenIn).
  if ((problem || missing.length > 0) && !(await takenIn(ctx))) return;
  if (problem) return askAgain(ctx, p, problem);
  if (missing.length > 0) {
    await keepDraft(ctx, p, { missing });
    ctx.reply(question(missing));
    return;
  }
  let found = await candidates(models, {
    storeId: store._id,
    name: p.customerName,
    phone: p.facts.phone,
  });
  // A note (张总 不吃香菜) is about a customer the sender knows: theirs first, as commands do.
  if (p.profileOnly && found.length > 1) {
    const own = await sendersOwn(ctx, found);
    if (own.length === 1) found = own;
  }
  if (found.length > 1) {
    if (!(await takenIn(ctx))) return;
    await keepDraft(ctx, p, { choices: found });
    ctx.reply(await choiceList(models, p.customerName!, found));
    return;
  }
  if (found[0] && (await askIfResent(ctx, found[0], p))) return;
  if (p.profileOnly && !(await takenIn(ctx))) return;
  if (found[0]) return finishHere(ctx, found[0], p, { settleLater: true });
  // A new archive and its first visit are noted on the work list together (one write).
  const noted = p.profileOnly ? undefined : new Types.ObjectId();
  const created = await newCustomer(ctx, p.customerName!, noted ? [noted] : []);
  await finishHere(ctx, created, p, { settleLater: true, noted, created: true });
}

/** Save what the message said and clear the question it answered, once the record stands. */
async function finishHere(
  ctx: BotContext,
  customer: CustomerDoc,
  p: PartialVisit,
  opts: FinishOptions,
): Promise<void> {
  await finish(ctx, customer, p, opts);
  // The question this message answered, if any, goes once the record stands (not before).
  ctx.later('draft', () => clearDrafts(ctx));
}

/**
 * A new archive is written again at once with its first visit (or facts), and its card then.
 * `alsoNoted`: the id of that visit, noted on the work list with the archive's.
 */
export function newCustomer(
  ctx: BotContext,
  name: string,
  alsoNoted: Types.ObjectId[] = [],
): Promise<CustomerDoc> {
  const { staff, store } = staffOf(ctx);
  return createCustomer(
    ctx.services.models,
    { storeId: store._id, name, ownerId: staff._id },
    { ...changeOf(ctx), alsoNoted },
    { cardLater: true },
  );
}

/** `张总 ¥3,200 21:40 刚记过,这是另一桌吗?`: the same table twice in ten minutes is asked about. */
async function askIfResent(ctx: BotContext, c: CustomerDoc, p: PartialVisit): Promise<boolean> {
  if (p.profileOnly || p.resendConfirmed || p.visit.amount == null) return false;
  const earlier = await sameTableJustNow(ctx.services.models, c, {
    amount: p.visit.amount,
    partySize: p.visit.partySize,
    businessDate: p.visit.businessDate,
    recordedBy: staffOf(ctx).staff._id,
    sourceKey: p.visit.sourceKey,
    at: ctx.msg.time,
  });
  if (!earlier) return false;
  if (!(await takenIn(ctx))) return true;
  await keepDraft(ctx, p, { missing: ['resend'] });
  const t = localParts(earlier.createdAt, clockOf(ctx).timeZone);
  const hhmm = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  ctx.reply(`${c.name} ${yuan(earlier.amount)} ${hhmm} 刚记过,这是另一桌吗?(回复「是」再记一次)`);
  return true;
}

/**
 * An impossible value (¥0, 600人, a date a year ago) is dropped from the draft and asked for
 * again, so the answer completes the record; a wrong phone means the whole line is sent again.
 */
async function askAgain(ctx: BotContext, p: PartialVisit, problem: Problem): Promise<void> {
  ctx.reply(problem.question);
  if (problem.field === 'phone') return clearDrafts(ctx);
  const visit = { ...p.visit };
  if (problem.field !== 'businessDate') delete visit[problem.field];
  const cleared: PartialVisit = { ...p, visit };
  const missing = missingOf(cleared);
  await keepDraft(ctx, cleared, { missing: [...new Set<Missing>([...missing, problem.field])] });
}

export interface FinishOptions {
  /** One table alone: its derived steps may follow its reply (ctx.later). */
  settleLater?: boolean;
  /** The visit's id, already on the work list with its new customer's. */
  noted?: Types.ObjectId;
  /** The customer was created by this message: no bookings or complaints to look at yet. */
  created?: boolean;
}

/** The record the staff member meant, now that the customer is known (drafts already cleared). */
export function finish(
  ctx: BotContext,
  customer: CustomerDoc,
  p: PartialVisit,
  opts: FinishOptions = {},
): Promise<void> {
  return p.profileOnly ? finishProfile(ctx, customer, p) : finishVisit(ctx, customer, p, opts);
}

async function finishProfile(
  ctx: BotContext,
  customer: CustomerDoc,
  p: PartialVisit,
): Promise<void> {
  const done = await applyProfile(ctx.services.models, customer, p.facts, changeOf(ctx));
  ctx.reply(profileReply(done.customer, done.learned, ctx.msg.chatType === 'group'));
}

export async function finishVisit(
  ctx: BotContext,
  customer: CustomerDoc,
  p: PartialVisit,
  opts: FinishOptions = {},
): Promise<void> {
  const { staff, store } = staffOf(ctx);
  const { models } = ctx.services;
  const input = {
    ...p.visit,
    storeId: store._id,
    recordedBy: staff._id,
    amount: p.visit.amount!,
  } as VisitInput;
  const change = changeOf(ctx);
  // Facts to learn are written with the customer as the visit left them: then nothing waits.
  const later = !!opts.settleLater && !changesProfile(customer, p.facts);
  const saved = await saveVisit(models, customer, input, change, {
    settleLater: later,
    noted: opts.noted,
  });
  const settle = saved.settle;
  if (settle) ctx.later('visit', () => settle(customer));
  // This very message was saved before and is not a journal's retry: a platform redelivered it.
  if (saved.duplicate && !ctx.resumed && input.sourceKey === sourceKeyOf(ctx)) {
    ctx.services.log.info('duplicate message ignored', { messageId: ctx.msg.messageId });
    return;
  }
  // Saved: whatever fails from here, the staff member hears that it was recorded (every table
  // of a message that held several).
  const line = confirmation(saved);
  ctx.committed = ctx.committed ? `${ctx.committed}\n${line}` : line;
  if (!saved.duplicate) ctx.services.metrics?.visitRecorded();
  // Profile facts said with the visit are a second change: if it fails, the visit still stands.
  // Also on a duplicate (a journal's re-run, a draft's answer sent again): the phone is not on the
  // visit, so nothing else can rebuild it, and a fact already stored writes nothing (planOf).
  const profile = settle
    ? undefined
    : await afterCommit(change.report, 'profile', () =>
        applyProfile(models, saved.customer, p.facts, change),
      );
  const learned = profile?.learned ?? [];
  if (profile) saved.customer = profile.customer;
  ctx.services.log.info('visit recorded', {
    messageId: ctx.msg.messageId,
    duplicate: saved.duplicate,
  });
  // The booking and complaint lists both matter to the reply: one read for the two.
  // A customer this message created has no bookings or complaints yet.
  const listed = opts.created
    ? { bookings: [], complaints: [] }
    : await afterCommit(change.report, 'customer lists', () =>
        customerListsOf(models, saved.customer._id),
      );
  // Linked on a duplicate too (a crash may have come first); a booking this visit already met
  // is found again and left as it is (markArrived).
  const arrived = await linkArrival(ctx, saved, listed?.bookings);
  const notes = await afterCommit(change.report, 'complaint', () =>
    complaintNotes(ctx, saved, p.complaint, listed?.complaints),
  );
  // The visit stands whatever happens to the case; the sender is told to say it again.
  const lost = !notes && p.complaint ? [`投诉没记上,请再发一次:投诉 ${saved.customer.name} …`] : [];
  const reply = [withArrival(confirmation(saved, learned), arrived), ...(notes?.lines ?? lost)];
  await replyWithTierNote(ctx, reply.join('\n'), saved.customer, saved.tierChange);
  for (const n of notes?.notices ?? []) ctx.send(n);
}
