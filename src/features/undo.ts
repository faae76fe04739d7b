/** 撤销 / 撤回 / 刚才那条删掉: the record is marked undone (kept, with who and when). */
import { undoVisit } from '../archive/corrections';
import { tierSettingsOf } from '../archive/refresh';
import { shortDate, yuan } from '../format/text';
import { clockOf, staffOf } from '../pipeline/context';
import { businessDate } from '../time/business-day';
import { commandFeature } from './command';
import { correctionTarget } from './correction-target';
import { replyWithTierNote } from './tier-notes';

export const undo = commandFeature(['undo'], async (ctx) => {
  const { staff, store } = staffOf(ctx);
  const visit = await correctionTarget(ctx);
  if (!visit) return;
  const done = await undoVisit(
    ctx.services.models,
    visit,
    staff._id,
    ctx.msg.time,
    businessDate(clockOf(ctx)),
    tierSettingsOf(store),
  );
  const name = done.customer?.name ?? '客人';
  await replyWithTierNote(
    ctx,
    `已撤销 ${name} ${shortDate(visit.businessDate)} ${yuan(visit.amount)}`,
    done.customer,
    done.tierChange,
  );
});
