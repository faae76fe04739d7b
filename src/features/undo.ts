/** 撤销 / 撤回 / 刚才那条删掉: the record is marked undone (kept, with who and when). */
import { undoVisit } from '../archive/corrections';
import { shortDate, yuan } from '../format/text';
import { changeOf } from '../pipeline/context';
import { commandFeature, REPEATABLE } from './command';
import { correctionTarget } from './correction-target';
import { replyWithTierNote } from './tier-notes';

export const undo = commandFeature(
  ['undo'],
  async (ctx) => {
    const visit = await correctionTarget(ctx);
    if (!visit) return;
    const change = changeOf(ctx);
    const done = await undoVisit(ctx.services.models, visit, change, change);
    if (!done) return ctx.reply('这条刚被别人撤销了');
    const name = done.customer?.name ?? '客人';
    const gone = done.removed ? `\n${name}的档案是这条新建的,已一并删除` : '';
    const text = `已撤销 ${name} ${shortDate(visit.businessDate)} ${yuan(visit.amount)}${gone}`;
    ctx.committed = text;
    await replyWithTierNote(ctx, text, done.customer, done.tierChange);
  },
  REPEATABLE,
);
