/**
 * A private message from an unknown WeChat id that shows a colleague's name and 备注 (a re-login gives
 * everyone new ids): the sender hears that an admin must confirm, and the store's admins and
 * managers are asked, once per new id, to reply `确认换号 <名字>` (features/confirm-move.ts).
 */
import { MOVE_OFFER_HOURS, offerMove } from '../archive/rebind/offer';
import { managersOf } from '../features/command';
import { sourceKeyOf, type BotContext } from './context';
import { directTo } from './message';

export const CONFIRM_MOVE = '确认换号';

export const askAdminsText = (name: string) =>
  `${name} 的微信重新登录后换了新号。回复「${CONFIRM_MOVE} ${name}」把${name}的员工身份和待发消息移到新号(${MOVE_OFFER_HOURS}小时内有效)。不认识这个号就不用理。`;

export const NEW_ID_NOTE =
  '你的微信好像换了新号(重新登录后会这样),已请店长或管理员确认,确认后就能照常用了。';

/** True when the sender was taken for a colleague under a new id (and told so). */
export async function askToConfirmMove(ctx: BotContext): Promise<boolean> {
  const { models } = ctx.services;
  const source = sourceKeyOf(ctx);
  const offer = await offerMove(models, ctx.msg, source);
  if (!offer) return false;
  const { move, staff } = offer;
  const managers = (await managersOf(models, move.storeId)).filter((m) => !m._id.equals(staff._id));
  // Told once per new id; a message handled again after a crash tells them under the same keys.
  if (offer.created || (ctx.resumed && move.source === source))
    for (const m of managers) ctx.send(directTo(m, askAdminsText(staff.name)));
  if (managers.length > 0) ctx.reply(NEW_ID_NOTE);
  else
    ctx.reply(
      `${NEW_ID_NOTE}\n店里没有别的店长或管理员能确认:请管理服务器的同事运行 npm run staff -- confirm-move ${staff.name}`,
    );
  return true;
}
