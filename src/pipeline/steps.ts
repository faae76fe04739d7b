/** The fixed steps every message goes through before a feature sees it. */
import { isDatabaseUnavailable } from '../db/connect';
import { senderOf } from '../archive/staff';
import { parseMessage } from '../parser';
import { maskPhones } from '../privacy';
import type { Middleware } from './compose';
import { addressed, clockOf, type BotContext } from './context';

export const REPLY_ERROR = '出错了,已记录';
export const REPLY_DB_DOWN = '数据库暂时连不上,这条没有记下,请稍后再发一次';

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
    if (!down || addressed(ctx) || looksLikeRecord(ctx)) {
      ctx.reply(down ? REPLY_DB_DOWN : REPLY_ERROR);
    }
  }
};

function looksLikeRecord(ctx: BotContext): boolean {
  const reading = ctx.reading ?? parseMessage(ctx.msg.text, clockOf(ctx));
  return reading.intent === 'visit' || reading.intent === 'profile';
}

/** Known staff go on; strangers are ignored in groups and told how to get access in private. */
export const identifyStaff: Middleware<BotContext> = async (ctx, next) => {
  const sender = await senderOf(
    ctx.services.models,
    ctx.msg.platform,
    ctx.msg.senderId,
    Date.now(),
  );
  if (!sender) {
    if (ctx.msg.chatType === 'direct') {
      ctx.reply(
        `你好,我是回头客助手。你还没有开通,请把这个编号发给店长添加你:${ctx.msg.platform}:${ctx.msg.senderId}`,
      );
    }
    return;
  }
  ctx.staff = sender.staff;
  ctx.store = sender.store;
  await next();
};

/** A platform redelivering a message must not make a second record: the log's key says "seen". */
export const dedupe: Middleware<BotContext> = async (ctx, next) => {
  try {
    await ctx.services.models.MessageLog.create({
      platform: ctx.msg.platform,
      messageId: ctx.msg.messageId,
      storeId: ctx.store?._id,
      chatId: ctx.msg.chatId,
      senderId: ctx.msg.senderId,
      text: maskPhones(ctx.msg.text.slice(0, 2000)),
      receivedAt: ctx.msg.time,
    });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) {
      ctx.services.log.info('duplicate message ignored', { messageId: ctx.msg.messageId });
      return;
    }
    throw err;
  }
  await next();
};

/** Read the message once, with the store's clock, for every feature after this step. */
export const understand: Middleware<BotContext> = async (ctx, next) => {
  ctx.reading = parseMessage(ctx.msg.text, clockOf(ctx));
  await next();
};
