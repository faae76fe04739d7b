/**
 * 把张总转给小李 (one customer) and 小王离职 客户转给小李 / 把小王的客户转给小李 (all of a staff
 * member's customers). Managers only; every move is recorded and the new owner is told.
 */
import { customersOwnedBy } from '../archive/customers';
import { staffByName } from '../archive/staff';
import { transferCustomer } from '../archive/transfer';
import type { StaffDoc } from '../model/staff';
import { staffOf, type BotContext, changeOf } from '../pipeline/context';
import { directTo } from '../pipeline/message';
import { canManage, commandFeature } from './command';
import { argumentOf, resolveCustomer } from './customer-argument';

export interface TransferWords {
  to: string;
  /** A staff member whose customers all move. */
  fromStaff?: string;
  /** One customer, as staff write the name. */
  customer?: string;
}

/** Pure reading of the command's words. */
export function transferWords(text: string): TransferWords | undefined {
  const to = /(?:转给|交给|划给|移交给|转到)\s*([^\s,,。]+)/.exec(text)?.[1];
  if (!to) return undefined;
  const leaving = /([^\s,,把]+?)(?:离职|走了|调走)/.exec(text)?.[1];
  const ofStaff = /把?([^\s,,把]+?)的(?:所有|全部)?客户/.exec(text)?.[1];
  if (leaving || ofStaff) return { to, fromStaff: leaving ?? ofStaff };
  const customer = /把?\s*([^\s,,把]+?)\s*(?:转给|交给|划给|移交给|转到)/.exec(text)?.[1];
  return customer ? { to, customer } : undefined;
}

async function oneStaff(ctx: BotContext, name: string): Promise<StaffDoc | undefined> {
  const found = await staffByName(ctx.services.models, staffOf(ctx).store._id, name);
  if (found.length === 1) return found[0];
  ctx.reply(
    found.length ? `有${found.length}位员工叫${name},请先在后台区分` : `没有找到员工${name}`,
  );
  return undefined;
}

export const transfer = commandFeature(['transfer'], async (ctx) => {
  const { staff } = staffOf(ctx);
  const { models } = ctx.services;
  if (!canManage(staff.role)) {
    ctx.reply('转客户需要店长来操作');
    return;
  }
  const words = transferWords(ctx.msg.text);
  if (!words) {
    ctx.reply('这样发:把张总转给小李,或:小王离职 客户转给小李');
    return;
  }
  const to = await oneStaff(ctx, words.to);
  if (!to) return;
  let moved: string[];
  if (words.fromStaff) {
    const from = await oneStaff(ctx, words.fromStaff);
    if (!from) return;
    const customers = await customersOwnedBy(models, from._id);
    for (const c of customers) await transferCustomer(models, c, to._id, changeOf(ctx));
    moved = customers.map((c) => c.name);
    ctx.reply(`${from.name}的${moved.length}位客户已转给${to.name}`);
  } else {
    const customer = await resolveCustomer(ctx, argumentOf(ctx, words.customer));
    if (!customer) return;
    await transferCustomer(models, customer, to._id, changeOf(ctx));
    moved = [customer.name];
    ctx.reply(`已把${customer.name}转给${to.name}`);
  }
  if (moved.length && !to._id.equals(staff._id)) {
    const list =
      moved.length > 5 ? `${moved.slice(0, 5).join('、')}等${moved.length}位` : moved.join('、');
    ctx.send(directTo(to, `${staff.name}把${list}转给了你,以后由你跟进`));
  }
});
