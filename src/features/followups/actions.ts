/**
 * What staff do with a follow-up: 已回访 (done, with what the customer said), 跳过 (skipped),
 * 改天 / 周五再联系 (moved). Each is kept in the customer's 回访记录 with who and when.
 */
import { updateCustomer } from '../../archive/customer-writes';
import { recordDone } from '../../archive/day-book';
import { noteWork } from '../../archive/work-list';
import { tierSettingsOf } from '../../archive/refresh';
import { addToLookup, keys } from '../../db/lookup';
import { tasksFor } from '../../followup/tasks';
import type { Task } from '../../followup/types';
import type { CustomerDoc } from '../../model/customer';
import { clockOf, staffOf, type BotContext } from '../../pipeline/context';
import { businessDate } from '../../time/business-day';
import { canManage, subjectOf } from '../command';
import { argumentOf, isEmpty, resolveCustomer } from '../customer-argument';
import { toFollowUpCustomer } from './customers';
import { cardOf } from '../../archive/card';
import { followUpSettingsOf, staffNamesOf } from './day-tasks';

export type FollowUpAction = 'done' | 'skipped' | 'moved';

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

/** The customer's task this command is about: the most pressing one the sender may act on. */
export async function currentTask(ctx: BotContext, c: CustomerDoc): Promise<Task | undefined> {
  const { store, staff } = staffOf(ctx);
  const today = businessDate(clockOf(ctx));
  const names = await staffNamesOf(ctx.services, store);
  const card = cardOf(c);
  if (!card) return undefined;
  const fc = toFollowUpCustomer(card, today, tierSettingsOf(store), names);
  const tasks = tasksFor(fc, today, followUpSettingsOf(store), { storeName: store.name });
  const mayAct = (t: Task) =>
    canManage(staff.role) || t.ownerId === null || t.ownerId === String(staff._id);
  return tasks.find(mayAct);
}

export async function recordFollowUp(
  ctx: BotContext,
  c: CustomerDoc,
  record: { key: string; action: FollowUpAction; to?: string; note?: string },
): Promise<void> {
  const { staff, store } = staffOf(ctx);
  const { models } = ctx.services;
  const today = businessDate(clockOf(ctx));
  const bucket =
    record.action === 'moved' && record.to
      ? keys.followUpMoved(store._id, record.to)
      : keys.followUpClosed(store._id, today);
  await noteWork(models, staff._id, today, [c._id]);
  // The index entry first: the morning run then finds the customer on the right day.
  await addToLookup(models, bucket, c._id);
  await updateCustomer(models, c._id, {
    $push: { followUps: { ...record, on: today, by: staff._id, at: ctx.msg.time } },
  });
  // Managers check follow-ups done per staff member (seed 004): counted in the day book.
  if (record.action === 'done')
    await recordDone(models, store._id, today, staff._id, `${String(c._id)}|${record.key}`);
}
