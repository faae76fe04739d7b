/**
 * What staff do with a follow-up: 已回访 (done, with what the customer said), 跳过 (skipped),
 * 改天 / 周五再联系 (moved), 没接 (a missed call, tried again tomorrow). Each is kept in the
 * customer's 回访记录 with who and when, and acts on the customer's whole line for everyone.
 */
import { updateCustomer } from '../../archive/customer-writes';
import { recordClosed } from '../../archive/day-book';
import { noteWork } from '../../archive/work-list';
import { tierSettingsOf } from '../../archive/refresh';
import { addToLookup, keys } from '../../db/lookup';
import { keysOf } from '../../followup/day-task';
import { putOffKeys } from '../../followup/records';
import type { CustomerDoc } from '../../model/customer';
import { clockOf, staffOf, type BotContext } from '../../pipeline/context';
import { businessDate } from '../../time/business-day';
import { argumentOf, isEmpty, resolveCustomer } from '../customer-argument';
import { directTo } from '../../pipeline/message';
import { subjectOf } from '../command';
import { toFollowUpCustomer } from './customers';
import { cardOf } from '../../archive/card';
import { customerLine, followUpSettingsOf, staffNamesOf } from './day-tasks';

export type FollowUpAction = 'done' | 'skipped' | 'moved' | 'missed';

/** The one customer a follow-up command names (customer-argument.ts), or a reply saying why not. */
export async function namedCustomer(
  ctx: BotContext,
  words: RegExp,
): Promise<CustomerDoc | undefined> {
  const word = subjectOf(ctx.msg.text.replace(words, ' ').trim().split(/\s+/)[0] ?? '');
  const arg = argumentOf(ctx, word);
  if (isEmpty(arg)) {
    ctx.reply('是哪位客人?例如:已回访 张总 很满意');
    return undefined;
  }
  return resolveCustomer(ctx, arg);
}

/**
 * The line a command is about: the customer's line today, or the tasks staff put off to a later
 * day (a call made early closes them too: `安姐 改天再联系` then `已回访 安姐` is one call).
 */
export interface Line {
  key: string;
  also?: string[];
  title: string;
  ownerId: string | null;
}

/**
 * The customer's line this command is about. Any staff member of the store may act on it: whoever
 * made the call closes it for everyone (the owner is told, tellOwner).
 */
export async function currentTask(ctx: BotContext, c: CustomerDoc): Promise<Line | undefined> {
  const { store } = staffOf(ctx);
  const today = businessDate(clockOf(ctx));
  const names = await staffNamesOf(ctx.services, store);
  const card = cardOf(c);
  if (!card) return undefined;
  const fc = toFollowUpCustomer(card, today, tierSettingsOf(store), names);
  const line = customerLine(fc, today, followUpSettingsOf(store), store.name);
  if (line)
    return {
      key: line.key,
      also: alsoKeys(keysOf(line)),
      title: line.title,
      ownerId: line.ownerId,
    };
  const [key, ...also] = putOffKeys(fc.followUpLog, today);
  return key
    ? { key, also: alsoKeys([key, ...also]), title: '改期的回访', ownerId: fc.ownerId }
    : undefined;
}

const alsoKeys = (keys: string[]) => (keys.length > 1 ? keys.slice(1) : undefined);

/** The owner hears what a colleague did with their customer, in their direct chat. */
export async function tellOwner(ctx: BotContext, c: CustomerDoc, text: string): Promise<void> {
  const { staff } = staffOf(ctx);
  if (!c.ownerId || String(c.ownerId) === String(staff._id)) return;
  const owner = await ctx.services.models.Staff.findById(c.ownerId);
  if (owner?.active) ctx.send(directTo(owner, `${staff.name}${text}`));
}

export async function recordFollowUp(
  ctx: BotContext,
  c: CustomerDoc,
  record: {
    key: string;
    action: FollowUpAction;
    to?: string;
    note?: string;
    also?: string[];
  },
): Promise<void> {
  const { staff, store } = staffOf(ctx);
  const { models } = ctx.services;
  const today = businessDate(clockOf(ctx));
  const bucket =
    record.to && (record.action === 'moved' || record.action === 'missed')
      ? keys.followUpMoved(store._id, record.to)
      : keys.followUpClosed(store._id, today);
  await noteWork(models, staff._id, today, [c._id]);
  // The index entry first: the morning run then finds the customer on the right day.
  await addToLookup(models, bucket, c._id);
  // Managers check follow-ups per staff member (seed 004): one count per line, in the day book,
  // before the record (a set member: a retry after a crash counts into the same one).
  if (record.action === 'done' || record.action === 'skipped') {
    const member = `${String(c._id)}|${record.key}`;
    await recordClosed(models, store._id, today, staff._id, record.action, member);
  }
  const { also, ...rest } = record;
  await updateCustomer(models, c._id, {
    $push: {
      followUps: { ...rest, ...(also ? { also } : {}), on: today, by: staff._id, at: ctx.msg.time },
    },
  });
}
