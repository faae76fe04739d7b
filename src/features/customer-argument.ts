/**
 * The customer a command is about (查, 已回访, 跳过, 改天, 转给, 合并, 撤销, profile notes): named,
 * by phone, by its last four digits, or by a name with either. Namesakes are told apart first by
 * the sender's own customers and the customers on the sender's follow-up tasks today, then by
 * the whole store; when several still fit, the numbered list recording uses is asked, and the
 * answer runs the command again on the chosen customer (customer-choice.ts).
 */
import { customersByName, customersByPhone } from '../archive/customers';
import { cardOf } from '../archive/card';
import { tierSettingsOf } from '../archive/refresh';
import { tasksFor } from '../followup/tasks';
import type { CustomerDoc } from '../model/customer';
import { draftKeyOf, saveDraft } from './drafts';
import { clockOf, staffOf, type BotContext } from '../pipeline/context';
import { maskPhone } from '../privacy';
import { businessDate } from '../time/business-day';
import { toFollowUpCustomer } from './followups/customers';
import { followUpSettingsOf, staffNamesOf } from './followups/day-tasks';
import { loadCustomers } from './queries/archive';
import { choiceList } from './visit-reply';

export interface CustomerArgument {
  name?: string;
  /** A whole phone number as stored (text/phones.ts). */
  phone?: string;
  /** The last four digits of the customer's phone. */
  tail?: string;
}

/** What a command waits for in its draft while the sender picks a number. */
export interface CommandQuestion {
  /** The command as first sent, run again with the answer. */
  text: string;
  mentioned: boolean;
  /** Which argument the list is about (合并 has two). */
  slot: string;
  /** Arguments already chosen by earlier answers: slot → customer id. */
  chosen: Record<string, string>;
}

/** The customers chosen by number for the message being handled, by slot. */
const chosenIds = new WeakMap<BotContext, Record<string, string>>();

export function setChosen(ctx: BotContext, chosen: Record<string, string>): void {
  chosenIds.set(ctx, chosen);
}

const HAS_DIGIT = /\d/;

/**
 * The argument as the parser read it. `fallbackName` is the word a command found where the parser
 * found no name (查 张建国); digits there are the phone or its tail, never a name.
 */
export function argumentOf(ctx: BotContext, fallbackName?: string): CustomerArgument {
  const r = ctx.reading;
  const typed = r?.customer?.value ?? fallbackName;
  return {
    name: typed && !HAS_DIGIT.test(typed) ? typed : undefined,
    phone: r?.phone?.value,
    tail: r?.phoneTail?.value,
  };
}

export const isEmpty = (a: CustomerArgument) => !a.name && !a.phone && !a.tail;

/** How the reply names the argument: 张总, 张总(尾号2222), 电话138****8000的客人 in a group. */
export function labelOf(ctx: BotContext, a: CustomerArgument): string {
  if (a.name) return a.tail ? `${a.name}(尾号${a.tail})` : a.name;
  if (a.phone) return `电话${ctx.msg.chatType === 'group' ? maskPhone(a.phone) : a.phone}的客人`;
  return a.tail ? `尾号${a.tail}的客人` : '这位客人';
}

/**
 * What follows the customer in `text` (已回访 张总 13911112222 很满意 → 很满意): the phone or tail
 * that named them is left out, and the name as typed (an alias, 张总 for 张建国) when one was.
 */
export function noteAfter(ctx: BotContext, text: string, c: CustomerDoc): string {
  let out = text;
  for (const f of [ctx.reading?.phone, ctx.reading?.phoneTail])
    if (f?.span.text) out = out.replace(new RegExp(`(?:尾号)?${escape(f.span.text)}`), ' ');
  out = out.replace(/\s{2,}/g, ' ').trim();
  if (out.startsWith(c.name)) return out.slice(c.name.length).trim();
  const named = ctx.reading?.customer || !(ctx.reading?.phone || ctx.reading?.phoneTail);
  return named ? out.replace(/^\S+\s*/, '') : out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every live archive of the store the argument may mean. A phone decides on its own, and one no
 * archive has finds nobody (a command never guesses); four digits narrow a name, or alone are
 * looked for in every phone of the store (a rare question: the store's archives are read).
 */
export async function customersMatching(
  ctx: BotContext,
  a: CustomerArgument,
): Promise<CustomerDoc[]> {
  const { store } = staffOf(ctx);
  const { models } = ctx.services;
  if (a.phone) return customersByPhone(models, store._id, a.phone);
  const ends = (c: CustomerDoc) => !a.tail || c.phones.some((p) => p.endsWith(a.tail!));
  if (a.name) return (await customersByName(models, store._id, a.name)).filter(ends);
  if (!a.tail) return [];
  const found = (await models.Customer.collection
    .find({ storeId: store._id, phones: { $regex: `${a.tail}$` } } as never)
    .toArray()) as CustomerDoc[];
  return loadCustomers(
    models,
    found.filter(ends).map((c) => c._id),
  );
}

/**
 * Of several archives, the sender's: customers they own, and customers whose follow-up today is
 * theirs to do (an ownerless customer's is everyone's).
 */
export async function sendersOwn(ctx: BotContext, found: CustomerDoc[]): Promise<CustomerDoc[]> {
  const { staff, store } = staffOf(ctx);
  const me = String(staff._id);
  const today = businessDate(clockOf(ctx));
  let names: Record<string, string> | undefined;
  const own: CustomerDoc[] = [];
  for (const c of found) {
    if (c.ownerId && String(c.ownerId) === me) {
      own.push(c);
      continue;
    }
    const card = cardOf(c);
    if (!card || c.ownerId) continue;
    names ??= await staffNamesOf(ctx.services, store);
    const fc = toFollowUpCustomer(card, today, tierSettingsOf(store), names);
    const tasks = tasksFor(fc, today, followUpSettingsOf(store), { storeName: store.name });
    if (tasks.some((t) => t.ownerId === null || t.ownerId === me)) own.push(c);
  }
  return own;
}

export interface ResolveOptions {
  /** Which argument of the command this is (合并 has `keep` and `absorb`). */
  slot?: string;
  /** The reply when nothing matches. */
  notFound?: string;
}

/** The customer already chosen by number for this argument, as the archive is now. */
export async function chosenCustomer(
  ctx: BotContext,
  slot = 'customer',
): Promise<CustomerDoc | undefined> {
  const id = chosenIds.get(ctx)?.[slot];
  if (!id) return undefined;
  const [c] = await loadCustomers(ctx.services.models, [id]);
  return c;
}

/**
 * One customer out of those found: the only one, else the sender's only one; otherwise the
 * sender is told (nobody) or asked (1/2/3) and undefined is returned.
 */
export async function settle(
  ctx: BotContext,
  found: CustomerDoc[],
  a: CustomerArgument,
  opts: ResolveOptions = {},
): Promise<CustomerDoc | undefined> {
  if (found.length === 0) {
    ctx.reply(opts.notFound ?? `没有找到${labelOf(ctx, a)}`);
    return undefined;
  }
  if (found.length === 1) return found[0];
  const own = await sendersOwn(ctx, found);
  if (own.length === 1) return own[0];
  await askWhich(ctx, own.length > 1 ? own : found, a, opts.slot ?? 'customer');
  return undefined;
}

/** The customer the argument means, or undefined once the sender has been answered or asked. */
export async function resolveCustomer(
  ctx: BotContext,
  a: CustomerArgument,
  opts: ResolveOptions = {},
): Promise<CustomerDoc | undefined> {
  const chosen = await chosenCustomer(ctx, opts.slot);
  if (chosen) return chosen;
  return settle(ctx, await customersMatching(ctx, a), a, opts);
}

/** The numbered list, kept as the sender's draft in this chat so `1` runs the command again. */
async function askWhich(
  ctx: BotContext,
  choices: CustomerDoc[],
  a: CustomerArgument,
  slot: string,
): Promise<void> {
  const { staff, store } = staffOf(ctx);
  const { models } = ctx.services;
  const command: CommandQuestion = {
    text: ctx.msg.text,
    mentioned: !!ctx.msg.mentioned,
    slot,
    chosen: { ...chosenIds.get(ctx) },
  };
  await saveDraft(ctx, {
    _id: draftKeyOf(ctx),
    storeId: store._id,
    staffId: staff._id,
    platform: ctx.msg.platform,
    chatId: ctx.msg.chatId,
    visit: {},
    missing: [],
    choices: choices.map((c) => c._id),
    command,
    createdAt: ctx.msg.time,
  });
  ctx.reply(await choiceList(models, labelOf(ctx, a), choices, { newOption: false }));
}
