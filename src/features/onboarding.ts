/**
 * Staff by chat. An admin's `添加员工 小王 服务员` makes a one-time code; the new person sends it
 * to the bot in a direct message and is bound (pipeline/steps.ts). `删除员工 小王` stops them
 * using the bot and keeps every record they made. `员工列表` shows the team to managers.
 */
import {
  ROLE_NAME,
  ROLE_WORDS,
  INVITE_HOURS,
  createInvite,
  deactivateStaff,
  freeStaffName,
  staffByName,
  staffNameTaken,
  staffOfStore,
} from '../archive/staff';
import { STORE_CODE, storeByCode } from '../archive/stores';
import type { Role } from '../model/staff';
import type { StoreDoc } from '../model/store';
import { staffOf, type BotContext } from '../pipeline/context';
import { canManage, commandFeature } from './command';
import { ownedIds } from './queries/archive';

const ADD_WORDS =
  /^(?:@\S+\s*)?(?:添加|新增|加)?(?:员工|服务员|营销|店员|新员工)(?:入职)?[\s:\uFF1A]*/;
const REMOVE_WORDS = /^(?:@\S+\s*)?(?:删除|移除|停用|删掉)员工[\s:\uFF1A]*/;

export const isAdmin = (ctx: BotContext) => staffOf(ctx).staff.role === 'admin';
export const isChain = (ctx: BotContext) => staffOf(ctx).staff.chain === true;

export interface StaffWords {
  name?: string;
  role: Role;
  storeCode?: string;
}

/** `小王 服务员`, `小王服务员`, `小王 店长 sh2` (the store only for chain-level admins). */
export function staffWords(rest: string): StaffWords {
  const out: StaffWords = { role: 'staff' };
  for (const raw of rest.split(/[\s,\uFF0C、]+/).filter(Boolean)) {
    let token = raw;
    const role = Object.keys(ROLE_WORDS).find((w) => token.endsWith(w) && token !== w);
    if (role && !out.name) {
      out.name = token.slice(0, -role.length);
      out.role = ROLE_WORDS[role];
      continue;
    }
    if (ROLE_WORDS[token]) out.role = ROLE_WORDS[token];
    else if (!out.name) out.name = token;
    else if (STORE_CODE.test((token = token.toLowerCase()))) out.storeCode = token;
  }
  return out;
}

/** The store an admin acts on: their own, or for a chain-level admin the one they named. */
async function targetStore(ctx: BotContext, code?: string): Promise<StoreDoc | string> {
  const { store } = staffOf(ctx);
  if (!code || code === store.code) return store;
  if (!isChain(ctx)) return `只能给本店(${store.code})添加员工`;
  return (await storeByCode(ctx.services.models, code)) ?? `没有编号为 ${code} 的门店`;
}

export const addStaff = commandFeature(['staff.add'], async (ctx) => {
  const { staff } = staffOf(ctx);
  if (!isAdmin(ctx)) {
    ctx.reply('添加员工需要管理员来操作');
    return;
  }
  const words = staffWords(ctx.msg.text.trim().replace(ADD_WORDS, ''));
  if (!words.name || words.name.length > 12) {
    ctx.reply('这样发:添加员工 小王 服务员(职位可写 服务员 / 店长 / 管理员)');
    return;
  }
  const store = await targetStore(ctx, words.storeCode);
  if (typeof store === 'string') {
    ctx.reply(store);
    return;
  }
  const { models } = ctx.services;
  if (await staffNameTaken(models, store._id, words.name, ctx.msg.time)) {
    const other = await freeStaffName(models, store._id, words.name, ctx.msg.time);
    ctx.reply(`已经有一位${words.name}了,换个名字,比如「${other}」或全名`);
    return;
  }
  const code = await createInvite(models, {
    store,
    name: words.name,
    role: words.role,
    by: staff._id,
    now: ctx.msg.time,
  });
  const text =
    `${words.name}(${ROLE_NAME[words.role]},${store.name})的邀请码:${code}\n` +
    `${INVITE_HOURS}小时内有效,只能用一次。请${words.name}私聊我,发这8位数字就开通了。`;
  if (ctx.msg.chatType === 'direct') {
    ctx.reply(text);
    return;
  }
  // Anyone in the group could use a code shown there: it goes to the admin privately.
  ctx.send({
    platform: ctx.msg.platform,
    chatId: ctx.msg.senderId,
    chatType: 'direct',
    to: ctx.msg.senderId,
    text,
  });
  ctx.reply(`${words.name}的邀请码已私信发给你`);
});

export const removeStaff = commandFeature(['staff.remove'], async (ctx) => {
  const { staff, store } = staffOf(ctx);
  if (!isAdmin(ctx)) {
    ctx.reply('删除员工需要管理员来操作');
    return;
  }
  const name = ctx.msg.text.trim().replace(REMOVE_WORDS, '').split(/\s+/)[0];
  if (!name) {
    ctx.reply('这样发:删除员工 小王');
    return;
  }
  const found = await staffByName(ctx.services.models, store._id, name);
  if (found.length === 0) {
    ctx.reply(`本店没有在职的${name}`);
    return;
  }
  if (found.length > 1) {
    ctx.reply(`本店有${found.length}位${name},请用 npm run staff -- list 查看后按账号删除`);
    return;
  }
  const [gone] = found;
  if (gone._id.equals(staff._id)) {
    ctx.reply('不能删除自己');
    return;
  }
  await deactivateStaff(ctx.services.models, gone);
  const owned = (await ownedIds(ctx.services.models, gone._id)).size;
  ctx.reply(
    `已删除${name}:TA不能再用机器人,记过的消费都保留。` +
      (owned ? `\nTA名下还有${owned}位客户,转给同事这样发:${name}离职 客户转给(同事名字)` : ''),
  );
});

export const listStaff = commandFeature(['staff.list'], async (ctx) => {
  const { staff, store } = staffOf(ctx);
  if (!canManage(staff.role)) {
    ctx.reply('员工列表只有店长和管理员能看');
    return;
  }
  const all = await staffOfStore(ctx.services.models, store._id);
  const active = all.filter((s) => s.active);
  const lines = active.map(
    (s) => `${s.name} ${ROLE_NAME[s.role as Role]}${s.chain ? '(总部)' : ''}`,
  );
  const gone = all.length - active.length;
  ctx.reply(
    [
      `${store.name} 员工${active.length}位`,
      ...lines,
      ...(gone ? [`已删除${gone}位(记录都保留)`] : []),
    ].join('\n'),
  );
});
