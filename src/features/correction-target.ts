/**
 * Which record `撤销` / `改成3200` means: the sender's own last record, or with a name
 * (`撤销 张总`, `张总 改成3200`) that customer's latest record. Permission is checked here once.
 */
import { lastRecordOf, latestVisitOf, visitChangedBy } from '../archive/corrections';
import type { VisitDoc } from '../model/visit';
import { clockOf, sourceKeyOf, staffOf, type BotContext } from '../pipeline/context';
import { businessDate } from '../time/business-day';
import { mayCorrect } from './command';
import {
  argumentOf,
  chosenCustomer,
  customersMatching,
  isEmpty,
  labelOf,
  settle,
  type CustomerArgument,
} from './customer-argument';
import type { CustomerDoc } from '../model/customer';

export async function correctionTarget(ctx: BotContext): Promise<VisitDoc | undefined> {
  const { staff } = staffOf(ctx);
  const { models } = ctx.services;
  const today = businessDate(clockOf(ctx));
  // Taken up again after a crash: the visit it already changed, not the next one in line.
  if (ctx.unfinished) {
    const done = await visitChangedBy(models, staff._id, today, sourceKeyOf(ctx));
    if (done) return done;
  }
  let visit: VisitDoc | null;
  const arg = argumentOf(ctx);
  if (!isEmpty(arg)) {
    const customer = await customerWithRecord(ctx, arg);
    if (!customer) return undefined;
    visit = await latestVisitOf(models, customer);
    if (visit?.status !== 'active') {
      ctx.reply(`没有找到${customer.name}的消费记录`);
      return undefined;
    }
  } else {
    visit = await lastRecordOf(models, staff._id, today);
    if (!visit) {
      ctx.reply('你还没有可以撤销或修改的记录');
      return undefined;
    }
  }
  if (!mayCorrect(ctx, visit.recordedBy)) {
    const by = await models.Staff.findById(visit.recordedBy).lean();
    ctx.reply(`这条是${by?.name ?? '别人'}记的,只有TA或店长可以改`);
    return undefined;
  }
  return visit;
}

/**
 * Of the customers named, one whose latest record is still standing: the sender's own record of
 * them first (two 张总: the one the sender recorded), then the resolver's order.
 */
async function customerWithRecord(
  ctx: BotContext,
  arg: CustomerArgument,
): Promise<CustomerDoc | undefined> {
  const chosen = await chosenCustomer(ctx);
  if (chosen) return chosen;
  const { staff } = staffOf(ctx);
  const { models } = ctx.services;
  const found = await customersMatching(ctx, arg);
  const latest = await Promise.all(found.map((c) => latestVisitOf(models, c)));
  const standing = found.filter((_, i) => latest[i]?.status === 'active');
  const own = standing.filter((c) => latest[found.indexOf(c)]!.recordedBy.equals(staff._id));
  return settle(ctx, own.length === 1 ? own : standing, arg, {
    notFound: `没有找到${labelOf(ctx, arg)}的消费记录`,
  });
}
