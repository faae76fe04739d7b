/** The fixed steps every message goes through before a feature sees it. */
import { isDatabaseUnavailable } from '../db/connect';
import {
  INVITE_CODE,
  INVITE_HOURS,
  ROLE_NAME,
  redeemInvite,
  senderOf,
  type Sender,
} from '../archive/staff';
import { rememberContact, rememberTopic } from '../archive/rebind/seen';
import { groupStoreOf } from '../archive/stores';
import { messageLogId } from '../model/message-log';
import type { StoreDoc } from '../model/store';
import { parseMessage, readMessage } from '../parser';
import { maskPrivate } from '../privacy';
import type { Middleware } from './compose';
import { addressed, clockOf, type BotContext } from './context';
import { directTo } from './message';
import { askToConfirmMove } from './new-id';

/** Nothing was committed (a change that was gets its own answer: ctx.committed). */
export const REPLY_ERROR = '出错了,这条没有办成,请稍后再发一次';
export const REPLY_DB_DOWN = '数据库暂时连不上,这条没有记下,请稍后再发一次';
/** With the local journal (src/journal), a record is kept and written when the database is back. */
export const REPLY_KEPT = '已收到,数据库暂不可用,恢复后自动入库';

/**
 * A failing feature must never take the process down or show a stack trace: the sender gets a
 * short answer and the error goes to the log. A database outage is told as such, because the
 * remedy for staff is different (send again later).
 */
export const errorBoundary: Middleware<BotContext> = async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.replies.length = 0;
    const down = isDatabaseUnavailable(err);
    ctx.services.log[down ? 'warn' : 'error'](down ? 'database unavailable' : 'feature failed', {
      messageId: ctx.msg.messageId,
      error: (err as Error).message,
      stack: down ? undefined : (err as Error).stack,
    });
    // In a group, stay quiet about chatter we could not even look at.
    const record = looksLikeRecord(ctx);
    if (ctx.committed) ctx.reply(ctx.committed);
    else if (!down) ctx.reply(REPLY_ERROR);
    else if (record && ctx.services.journaled) ctx.reply(REPLY_KEPT);
    else if (record || addressed(ctx)) ctx.reply(REPLY_DB_DOWN);
  }
};

function looksLikeRecord(ctx: BotContext): boolean {
  const reading = ctx.reading ?? parseMessage(ctx.msg.text, clockOf(ctx));
  return reading.intent === 'visit' || reading.intent === 'profile';
}

/**
 * Known staff go on; strangers are ignored in groups, and in private either bind themselves with
 * an invitation code or are told how to get one. In a group bound to a store, only that store's
 * staff (and chain-level staff, who then see that store) are heard: nobody reads or writes
 * another store's customers from there.
 */
export const identifyStaff: Middleware<BotContext> = async (ctx, next) => {
  const nowMs = Date.now();
  const sender = await senderOf(ctx.services.models, ctx.msg.platform, ctx.msg.senderId, nowMs);
  if (!sender) {
    // An invitation code is used as such; anything else may be a colleague under a new id.
    const invite = INVITE_CODE.test(ctx.msg.text);
    if (!invite && (await askToConfirmMove(ctx))) return;
    if (ctx.msg.chatType === 'direct') await welcomeStranger(ctx);
    return;
  }
  const store = await storeOfChat(ctx, sender, nowMs);
  if (!store) return;
  // What still matches after a WeChat re-login, while the ids are the old ones (archive/rebind).
  await rememberContact(ctx.services.models, ctx.msg, sender.staff);
  await rememberTopic(ctx.services.models, ctx.msg);
  ctx.staff = sender.staff;
  ctx.store = store;
  await next();
};

async function storeOfChat(ctx: BotContext, sender: Sender, nowMs: number) {
  if (ctx.msg.chatType !== 'group') return sender.store;
  const bound: StoreDoc | null = await groupStoreOf(
    ctx.services.models,
    ctx.msg.platform,
    ctx.msg.chatId,
    nowMs,
  );
  if (!bound || bound._id.equals(sender.store._id)) return sender.store;
  return sender.staff.chain ? bound : null;
}

const STRANGER_HINT =
  '你好,我是回头客助手。你还没有开通:请管理员发「添加员工 你的名字 服务员」拿到8位邀请码,再把邀请码发给我。';

async function welcomeStranger(ctx: BotContext): Promise<void> {
  const text = ctx.msg.text.trim();
  const code = text.length <= 24 ? INVITE_CODE.exec(text)?.[1] : undefined;
  const id = `${ctx.msg.platform}:${ctx.msg.senderId}`;
  if (!code) {
    ctx.reply(`${STRANGER_HINT}\n也可以把这个编号发给管理员:${id}`);
    return;
  }
  const r = await redeemInvite(
    ctx.services.models,
    code,
    { platform: ctx.msg.platform, userId: ctx.msg.senderId },
    ctx.msg.time,
  );
  if (r === 'unknown') ctx.reply('这个邀请码不对,请核对后再发一次,或请管理员重新生成。');
  else if (r === 'used') ctx.reply('这个邀请码已经用过了,请管理员重新生成一个。');
  else if (r === 'expired')
    ctx.reply(`这个邀请码已过期(${INVITE_HOURS}小时内有效),请管理员重新生成。`);
  else {
    ctx.reply(
      `欢迎 ${r.staff.name}!你已加入「${r.store.name}」,身份:${ROLE_NAME[r.staff.role]}。\n` +
        '记消费这样发:张总 今晚 3人 消费2800\n发「帮助」看我还能做什么',
    );
    const admin = await ctx.services.models.Staff.findById(r.invitedBy);
    if (admin?.active)
      ctx.send(directTo(admin, `${r.staff.name} 已用邀请码加入「${r.store.name}」`));
  }
}

/**
 * A platform redelivering a message must not have it acted on twice: the log's key says "seen".
 * A message the journal hands back because its handling was cut short (a crash, the database
 * going away half-way) goes on, marked unfinished: the router then gives it only to a feature
 * whose writes are keyed by the message (records, corrections, merges), which finishes what the
 * first handling began and answers; anything else is not repeated, since it may have taken effect.
 *
 * Asked by whatever acts on the message, just before it does (the router, for most features), so
 * a message nothing acts on (group chatter) costs no write, and a visit, whose own insert is keyed
 * by the message (features/visit-flow.ts), skips it on its way to being saved. Resolves false when
 * the message is to be left alone. One insert per message at most (memoized).
 */
export function takenIn(ctx: BotContext): Promise<boolean> {
  let seen = firstSight.get(ctx);
  if (!seen) firstSight.set(ctx, (seen = logMessage(ctx)));
  return seen;
}

const firstSight = new WeakMap<BotContext, Promise<boolean>>();

async function logMessage(ctx: BotContext): Promise<boolean> {
  const { models, log } = ctx.services;
  try {
    // Straight to the collection: a hot write, with nothing for mongoose to add.
    await models.MessageLog.collection.insertOne({
      _id: messageLogId(ctx.msg.platform, ctx.msg.messageId),
      platform: ctx.msg.platform,
      messageId: ctx.msg.messageId,
      storeId: ctx.store?._id,
      chatId: ctx.msg.chatId,
      senderId: ctx.msg.senderId,
      // Kept masked: a phone, or the webhook key an admin set the group's push with.
      text: maskPrivate(ctx.msg.text.slice(0, 2000)),
      receivedAt: ctx.msg.time,
    } as never);
    return true;
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    if (!ctx.resumed) {
      log.info('duplicate message ignored', { messageId: ctx.msg.messageId });
      return false;
    }
    ctx.unfinished = true;
    log.info('unfinished message taken up again', { messageId: ctx.msg.messageId });
    return true;
  }
}

/** The parser failed on the message: nothing was read, so nothing was saved. */
export const REPLY_PARSE_FAILED = '抱歉,这条没读懂(程序出错,已记录问题),请换个说法再发一次';

/**
 * Read the message once, with the store's clock, for every feature after this step. A parser
 * bug is logged (the log masks phones) and counted; the sender hears it, never silence.
 */
export const understand: Middleware<BotContext> = async (ctx, next) => {
  try {
    ctx.reading = readMessage(ctx.msg.text, clockOf(ctx));
  } catch (err) {
    ctx.services.log.error('parser failed', {
      messageId: ctx.msg.messageId,
      text: maskPrivate(ctx.msg.text.slice(0, 200)),
      error: (err as Error).message,
      stack: (err as Error).stack,
    });
    ctx.services.metrics?.parseFailed();
    if (addressed(ctx) && (await takenIn(ctx))) ctx.reply(REPLY_PARSE_FAILED);
    return;
  }
  await next();
};
