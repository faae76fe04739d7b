/**
 * 张总 投诉 菜太咸 / 李姐说服务太慢 很不满意 / 投诉 张总 …: a complaint case for the customer, any
 * staff member may record it, in a group too (it is a record). A guest with no archive yet gets
 * one (D类, owned by who recorded), as a booking does: the complaint must not be lost.
 */
import { createCustomer } from '../../archive/customers';
import type { CustomerDoc } from '../../model/customer';
import { changeOf, staffOf, type BotContext } from '../../pipeline/context';
import { commandFeature, REPEATABLE } from '../command';
import {
  argumentOf,
  chosenCustomer,
  customersMatching,
  isEmpty,
  settle,
} from '../customer-argument';
import { openCase } from './open';

async function customerOf(ctx: BotContext): Promise<CustomerDoc | undefined> {
  const chosen = await chosenCustomer(ctx);
  if (chosen) return chosen;
  const arg = argumentOf(ctx);
  if (isEmpty(arg)) return undefined;
  const found = await customersMatching(ctx, arg);
  if (found.length || !arg.name) return settle(ctx, found, arg);
  const { staff, store } = staffOf(ctx);
  return createCustomer(
    ctx.services.models,
    { storeId: store._id, name: arg.name, ownerId: staff._id },
    changeOf(ctx),
  );
}

export const recordComplaint = commandFeature(
  ['complaint.record'],
  async (ctx) => {
    const c = await customerOf(ctx);
    if (!c) return;
    const { line, notices } = await openCase(ctx, c, ctx.reading?.complaint?.value ?? '');
    ctx.committed = line;
    ctx.reply(line);
    for (const n of notices) ctx.send(n);
  },
  // The case's id comes from the message: handled again, it is the same case.
  REPEATABLE,
);
