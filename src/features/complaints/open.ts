/**
 * Opening a complaint case, whichever message carried it (投诉 alone, a visit, a follow-up
 * result): the case is written once per message, and every manager of the store hears of it at
 * once in a direct message, with a 已处理 button where the platform has buttons.
 */
import type { Types } from 'mongoose';
import { openComplaint, type Complaint } from '../../archive/complaints';
import type { CustomerDoc } from '../../model/customer';
import type { StaffDoc } from '../../model/staff';
import { clockOf, sourceKeyOf, staffOf, type BotContext } from '../../pipeline/context';
import { directTo, type OutgoingMessage } from '../../pipeline/message';
import { businessDate } from '../../time/business-day';
import { managersOf } from '../command';
import { momentText, saidOf } from './lines';

/** The command a 已处理 button sends: the closing prompt asks what was done (close.ts). */
export const closeCommand = (name: string) => `投诉处理 ${name}`;

/** A direct message to a manager about cases, with one 已处理 button per customer. */
export function toManager(m: StaffDoc, text: string, cases: Complaint[]): OutgoingMessage {
  const names = [...new Set(cases.map((k) => k.customerName))];
  return {
    ...directTo(m, text),
    actions: names.map((n) => ({ label: `已处理 ${n}`, command: closeCommand(n) })),
  };
}

export interface OpenedCase {
  /** The reply's line: `已记投诉 张总:菜太咸 · 24小时内处理,已通知店长`. */
  line: string;
  /** For the managers (not the sender, who gets the reply): sent after the reply. */
  notices: OutgoingMessage[];
}

/** Opens the case for `c` from this message, worded for the sender and the managers. */
export async function openCase(ctx: BotContext, c: CustomerDoc, said: string): Promise<OpenedCase> {
  const { staff, store } = staffOf(ctx);
  const { models } = ctx.services;
  const { complaint: k } = await openComplaint(models, {
    storeId: store._id,
    customerId: c._id,
    customerName: c.name,
    ownerId: (c.ownerId as Types.ObjectId | undefined) ?? undefined,
    said,
    recordedBy: staff._id,
    at: ctx.msg.time,
    day: businessDate(clockOf(ctx)),
    chatId: ctx.msg.chatId,
    text: ctx.msg.text,
    sourceKey: sourceKeyOf(ctx),
  });
  const others = (await managersOf(models, store._id)).filter((m) => !m._id.equals(staff._id));
  // Handled again after a crash, the same notice is queued under the same message's keys: sent once.
  const text = [
    `【投诉】${k.customerName}:${saidOf(k)}`,
    `${staff.name}记录 · ${momentText(k.at, store.timeZone)} · 24小时内处理`,
    `处理后回复:投诉处理 ${k.customerName} 做了什么`,
  ].join('\n');
  const told = others.length ? ',已通知店长' : '';
  return {
    line: `已记投诉 ${k.customerName}:${saidOf(k)} · 24小时内处理${told}`,
    notices: others.map((m) => toManager(m, text, [k])),
  };
}
