/**
 * Which record `撤销` / `改成3200` means: the sender's own last record, or with a name
 * (`撤销 张总`, `张总 改成3200`) that customer's latest record. Permission is checked here once.
 */
import { candidates } from '../archive/customers';
import { lastRecordOf, latestVisitOf, visitChangedBy } from '../archive/corrections';
import type { VisitDoc } from '../model/visit';
import { clockOf, sourceKeyOf, staffOf, type BotContext } from '../pipeline/context';
import { businessDate } from '../time/business-day';
import { mayCorrect } from './command';

export async function correctionTarget(ctx: BotContext): Promise<VisitDoc | undefined> {
  const { staff, store } = staffOf(ctx);
  const { models } = ctx.services;
  const name = ctx.reading?.customer?.value;
  const today = businessDate(clockOf(ctx));
  // Taken up again after a crash: the visit it already changed, not the next one in line.
  if (ctx.unfinished) {
    const done = await visitChangedBy(models, staff._id, today, sourceKeyOf(ctx));
    if (done) return done;
  }
  let visit: VisitDoc | null;
  if (name) {
    const found = await candidates(models, {
      storeId: store._id,
      name,
      phone: ctx.reading?.phone?.value,
    });
    const visits = (await Promise.all(found.map((c) => latestVisitOf(models, c)))).filter(
      (v): v is VisitDoc => v?.status === 'active',
    );
    // Two archives share the name: the sender's own record of them is the one meant.
    const own = visits.filter((v) => v.recordedBy.equals(staff._id));
    visit = visits.length === 1 ? visits[0] : own.length === 1 ? own[0] : null;
    if (!visit) {
      ctx.reply(
        visits.length > 1
          ? `有${visits.length}位${name},请带上电话,例如:撤销 ${name} 138…`
          : `没有找到${name}的消费记录`,
      );
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
