/**
 * Stores of a chain, by chat, for chain-level admins (总部): `新建门店 sh2 上海二店`, `门店列表`,
 * and `切换门店 sh2` to look at another store from a direct chat. In a store's group chat a
 * chain-level admin always sees that store.
 */
import { forgetSenders } from '../archive/staff';
import { allStores, createStore, storeByCode } from '../archive/stores';
import { keys, addToLookup, removeFromLookup } from '../db/lookup';
import { staffOf } from '../pipeline/context';
import { commandFeature } from './command';
import { isChain } from './onboarding';

const NOT_CHAIN = '门店管理需要总部管理员(连锁账号)来操作';
const OPENERS =
  /^(?:@\S+\s*)?(?:新建门店|添加门店|新增门店|\/newstore|切换门店|切换到门店|\/store)[\s:\uFF1A]*/i;

const argsOf = (text: string) => text.trim().replace(OPENERS, '').split(/\s+/).filter(Boolean);

export const addStore = commandFeature(['store.add'], async (ctx) => {
  const { store } = staffOf(ctx);
  if (!isChain(ctx)) {
    ctx.reply(NOT_CHAIN);
    return;
  }
  const [code = '', ...name] = argsOf(ctx.msg.text);
  const made = await createStore(ctx.services.models, { code, name: name.join(' '), like: store });
  if (typeof made === 'string') {
    ctx.reply(`${made}\n这样发:新建门店 sh2 上海二店`);
    return;
  }
  ctx.services.settingsChanged?.();
  ctx.reply(
    `已新建「${made.name}」(${made.code})\n` +
      `下一步:在该店的群里发「绑定本群 ${made.code}」,再「添加员工 名字 店长 ${made.code}」`,
  );
});

export const listStores = commandFeature(['store.list'], async (ctx) => {
  const { store } = staffOf(ctx);
  if (!isChain(ctx)) {
    ctx.reply(`你在「${store.name}」(${store.code})`);
    return;
  }
  const all = await allStores(ctx.services.models);
  ctx.reply(
    [
      `门店${all.length}家`,
      ...all.map((s) => `${s.code} ${s.name}${s._id.equals(store._id) ? '(当前)' : ''}`),
    ].join('\n'),
  );
});

/** A chain-level admin's store in direct chats is the one they last switched to. */
export const switchStore = commandFeature(['store.switch'], async (ctx) => {
  const { staff } = staffOf(ctx);
  if (!isChain(ctx)) {
    ctx.reply(NOT_CHAIN);
    return;
  }
  const [code] = argsOf(ctx.msg.text);
  const target = code ? await storeByCode(ctx.services.models, code) : null;
  if (!target) {
    ctx.reply(code ? `没有编号为 ${code} 的门店` : '这样发:切换门店 sh2');
    return;
  }
  const { models } = ctx.services;
  // The name lookup (把张总转给小李) follows the person to the store they now act in.
  await addToLookup(models, keys.staffName(target._id, staff.name), staff._id);
  await models.Staff.updateOne({ _id: staff._id }, { $set: { storeId: target._id } });
  await removeFromLookup(models, keys.staffName(staff.storeId, staff.name), staff._id);
  forgetSenders(models);
  ctx.reply(`已切换到「${target.name}」(${target.code}),私聊里的记录和查询都算这家店`);
});
