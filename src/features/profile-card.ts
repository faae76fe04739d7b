/** 查 张总 / 张总档案 / 张总上次来是什么时候: the customer's card, short lines for a phone screen. */
import { openingOf, summariesOf, tierSettingsOf } from '../archive/refresh';
import { chronological, openingVisits, windowFigures } from '../archive/stats';
import { tierOf } from '../archive/tiers';
import { shortDate, yuan } from '../format/text';
import type { Models } from '../model';
import type { CustomerDoc } from '../model/customer';
import type { StoreDoc } from '../model/store';
import { clockOf, staffOf, type BotContext } from '../pipeline/context';
import { maskPhone } from '../privacy';
import { businessDate, daysBetween } from '../time/business-day';
import { bookingsOf } from '../archive/bookings';
import { complaintsOf } from '../archive/complaints';
import { canManage, commandFeature, READ_ONLY, subjectOf } from './command';
import { cardBookingLines } from './bookings/guest-line';
import { cardLines } from './complaints/lines';
import { argumentOf, isEmpty, labelOf, resolveCustomer } from './customer-argument';

const RECENT = 3;

async function namesOf(models: Models, ids: unknown[]): Promise<string[]> {
  const names: string[] = [];
  for (const id of ids.slice(0, 5)) {
    const c = await models.Customer.findById(id).lean();
    if (c) names.push(c.name);
  }
  return names;
}

function ago(days: number): string {
  return days <= 0 ? '今天' : days === 1 ? '昨天' : `${days}天前`;
}

/** Full numbers only in a direct chat, to the owner or a manager (seed 001 保密制度). */
function phoneShown(ctx: BotContext, c: CustomerDoc, phone: string): string {
  const { staff } = staffOf(ctx);
  const maySee =
    ctx.msg.chatType === 'direct' && (canManage(staff.role) || !!c.ownerId?.equals(staff._id));
  return maySee ? phone : maskPhone(phone);
}

/** An imported sheet may give totals without any date: say so rather than invent one. */
function visitDatesLine(
  s: { firstVisit?: string | null; lastVisit?: string | null },
  today: string,
) {
  if (!s.lastVisit) return '到店日期不详(旧表导入)';
  const first = s.firstVisit ? `首次 ${shortDate(s.firstVisit, today)} · ` : '';
  return `${first}上次 ${shortDate(s.lastVisit, today)}(${ago(daysBetween(s.lastVisit, today))})`;
}

export async function profileCard(
  ctx: BotContext,
  c: CustomerDoc,
  store: StoreDoc,
): Promise<string> {
  const { models } = ctx.services;
  const today = businessDate(clockOf(ctx));
  const history = summariesOf(c);
  const tier = tierOf(history, today, tierSettingsOf(store), openingOf(c));
  const s = c.stats;
  const owner = c.ownerId ? await models.Staff.findById(c.ownerId).lean() : null;
  const lines = [`${c.name} · ${tier.tier}类(${tier.reason})`];
  const who = [
    c.phones.length ? `电话 ${c.phones.map((p) => phoneShown(ctx, c, p)).join('/')}` : '',
    owner ? `${owner.name}的客户` : '',
  ];
  if (who.some(Boolean)) lines.push(who.filter(Boolean).join(' · '));
  if (s?.visits) {
    // A dated opening balance counts in the 30 days as the tier rules count it.
    const w = windowFigures([...openingVisits(openingOf(c)), ...history], today);
    lines.push(`来过${s.visits}次 累计${yuan(s.totalSpend)} 平均${yuan(s.averageSpend)}`);
    lines.push(visitDatesLine(s, today));
    lines.push(`近30天 ${w.visits}次 ${yuan(w.spend)}`);
    const habits = [
      s.usualRoom ? `常坐${s.usualRoom}` : '',
      s.usualPartySize ? `常来${s.usualPartySize}人` : '',
    ].filter(Boolean);
    if (habits.length) lines.push(habits.join(' · '));
  } else lines.push('还没有消费记录');
  if (c.preferences.length) lines.push(`偏好: ${c.preferences.join('、')}`);
  if (c.bottles.length) lines.push(`存酒: ${c.bottles.join('、')}`);
  if (c.birthday)
    lines.push(
      `生日: ${c.birthday.calendar === 'lunar' ? '农历' : ''}${c.birthday.month}月${c.birthday.day}日`,
    );
  if (c.company || c.position) lines.push([c.company, c.position].filter(Boolean).join(' '));
  const referred = await namesOf(models, c.referredIds);
  const ties = [
    c.referrerName ? `介绍人: ${c.referrerName}` : '',
    referred.length ? `介绍了: ${referred.join('、')}` : '',
  ];
  if (ties.some(Boolean)) lines.push(ties.filter(Boolean).join(' · '));
  if (c.optOut) lines.push('不接受消息');
  lines.push(...cardBookingLines(await bookingsOf(models, c._id), today));
  lines.push(...cardLines(await complaintsOf(models, c._id), today));
  const recent = chronological(history).slice(-RECENT).reverse();
  if (recent.length) {
    lines.push('最近消费:');
    for (const v of recent)
      lines.push(
        `${shortDate(v.date, today)} ${v.partySize ? `${v.partySize}人 ` : ''}${yuan(v.amount)}${v.room ? ` ${v.room}` : ''}`,
      );
  }
  return lines.join('\n');
}

function lastVisitLine(c: CustomerDoc, today: string): string {
  const last = c.stats?.lastVisit;
  return last
    ? `${c.name} 上次来是${shortDate(last, today)}(${ago(daysBetween(last, today))})`
    : `${c.name} 还没有来过的记录`;
}

/**
 * Who 查 asks about: the parser's customer, or the words after 查 when they say more (the reading
 * of `查 Tony Wang` stops at Tony) or when the parser found none (`查 欧阳 娜娜`).
 */
function namedIn(ctx: BotContext): string | undefined {
  const read = ctx.reading?.customer?.value;
  const words = subjectOf(ctx.msg.text);
  return words && (!read || (words.startsWith(read) && words.length > read.length)) ? words : read;
}

export const showProfile = commandFeature(
  ['query.profile'],
  async (ctx) => {
    const { store } = staffOf(ctx);
    const base = argumentOf(ctx, subjectOf(ctx.msg.text));
    // The words after 查 when they name more than the parser read (查 Tony Wang, 查 欧阳 娜娜).
    const named = namedIn(ctx);
    const arg = { ...base, name: named && !/\d/.test(named) ? named : base.name };
    if (isEmpty(arg)) {
      ctx.reply('查哪位?例如:查 张总');
      return;
    }
    const c = await resolveCustomer(ctx, arg, {
      notFound: `还没有${arg.name ? labelOf(ctx, arg) : '这位客人'}的档案`,
    });
    if (!c) return;
    const card = await profileCard(ctx, c, store);
    const head = /上次|最近.*来|什么时候/.test(ctx.msg.text)
      ? [lastVisitLine(c, businessDate(clockOf(ctx)))]
      : [];
    ctx.reply([...head, card].join('\n\n'));
  },
  READ_ONLY,
);
