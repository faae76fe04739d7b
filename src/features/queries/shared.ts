/** What every answer shares: who may see what, phone masking, and lists cut for a phone screen. */
import type { CustomerDoc } from '../../model/customer';
import { clockOf, staffOf, type BotContext } from '../../pipeline/context';
import { maskPhone } from '../../privacy';
import { businessDate } from '../../time/business-day';
import { canManage } from '../command';

/** Lines of a list before `…还有N位`; `全部` asks for up to LONG_LIST. */
export const SHORT_LIST = 10;
export const LONG_LIST = 100;

export const todayOf = (ctx: BotContext) => businessDate(clockOf(ctx));

/** Managers and admins see the whole store; staff see their own customers. */
export const seesStore = (ctx: BotContext) => canManage(staffOf(ctx).staff.role);

/** The customers this person may see in a list. */
export function visibleTo(ctx: BotContext, customers: CustomerDoc[]): CustomerDoc[] {
  if (seesStore(ctx)) return customers;
  const { staff } = staffOf(ctx);
  return customers.filter((c) => c.ownerId?.equals(staff._id));
}

/**
 * A customer's first phone as this reader may see it (seed 001 保密制度): in full only in a direct
 * chat, to the customer's owner or a manager of the store; masked in every group chat.
 */
export function phoneFor(ctx: BotContext, c: CustomerDoc): string | undefined {
  const phone = c.phones[0];
  if (!phone) return undefined;
  const { staff } = staffOf(ctx);
  const maySee =
    ctx.msg.chatType === 'direct' && (canManage(staff.role) || !!c.ownerId?.equals(staff._id));
  return maySee ? phone : maskPhone(phone);
}

/** The question asked for the whole list: 流失客户名单 全部. */
export const wantsAll = (text: string) => /全部|完整|所有|都列出/.test(text);

/**
 * `lines` cut to the list length the reader asked for, with how to see the rest:
 * `…还有12位,发「本周A类客户 全部」看全部`.
 */
export function capped(
  lines: string[],
  ctx: BotContext,
  again: string,
  short = SHORT_LIST,
): string[] {
  const all = wantsAll(ctx.msg.text);
  const max = all ? LONG_LIST : short;
  if (lines.length <= max) return lines;
  const rest = lines.length - max;
  const more = all ? `…还有${rest}位没有列出` : `…还有${rest}位,发「${again} 全部」看全部`;
  return [...lines.slice(0, max), more];
}

/** The question without an @mention, for `again` hints. */
export const asked = (ctx: BotContext) =>
  ctx.msg.text
    .replace(/^@\S+\s*/, '')
    .replace(/\s*(全部|完整|所有)\s*/g, '')
    .trim();

export const joinParts = (parts: (string | undefined | false)[]) =>
  parts.filter(Boolean).join(' · ');
