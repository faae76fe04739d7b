/**
 * 绑定本群 <门店编号>: an admin makes a group chat one store's team group. From then on the morning
 * briefing goes there, and whatever is recorded or asked there belongs to that store only.
 */
import { STORE_CODE, bindGroup, storeByCode } from '../archive/stores';
import { moveRoom, type RoomMove } from '../archive/rebind/moves';
import { staffOf } from '../pipeline/context';
import { commandFeature } from './command';
import { isAdmin, isChain } from './onboarding';

const BIND_WORDS =
  /^(?:@\S+\s*)?(?:\/bind|绑定(?:到)?(?:本群|此群|群)?|本群绑定(?:到)?)[\s:\uFF1A]*/i;

const forwardedText = (room: RoomMove) =>
  room.forwards.length > 0 ? `,${room.forwards.length} 条没发出去的消息转到本群` : '';

export const bindThisGroup = commandFeature(['group.bind'], async (ctx) => {
  const { store: current } = staffOf(ctx);
  if (!isAdmin(ctx) && !isChain(ctx)) {
    ctx.reply('绑定群需要管理员来操作');
    return;
  }
  if (ctx.msg.chatType !== 'group') {
    ctx.reply('请在要绑定的群里发:绑定本群 门店编号');
    return;
  }
  const code = ctx.msg.text.trim().replace(BIND_WORDS, '').split(/\s+/)[0]?.toLowerCase();
  let store = current;
  if (code && code !== current.code) {
    if (!STORE_CODE.test(code)) {
      ctx.reply('这样发:绑定本群 门店编号(例如 绑定本群 main)');
      return;
    }
    const named = await storeByCode(ctx.services.models, code);
    if (!named) {
      ctx.reply(`没有编号为 ${code} 的门店`);
      return;
    }
    if (!isChain(ctx)) {
      ctx.reply(`你只能把群绑定到本店(${current.code})`);
      return;
    }
    store = named;
  }
  const chat = { platform: ctx.msg.platform, chatId: ctx.msg.chatId, name: ctx.msg.chatName };
  const before = await bindGroup(ctx.services.models, chat, store);
  // The same group under a new id after a WeChat re-login: its old binding is replaced.
  const room = await moveRoom(
    ctx.services.models,
    store,
    chat,
    staffOf(ctx).staff._id,
    ctx.msg.time,
  );
  for (const f of room?.forwards ?? []) ctx.send({ ...f.msg, deliveryKey: f.key });
  const moved = before && !before._id.equals(store._id) ? `(原来是「${before.name}」)` : '';
  const followed = room
    ? `\n原来的「${room.name}」换了新群号,已换成本群${forwardedText(room)}`
    : '';
  ctx.reply(
    `本群已绑定「${store.name}」(${store.code})${moved}\n早报发到这里,群里记的消费和查询都只算这家店${followed}`,
  );
});
