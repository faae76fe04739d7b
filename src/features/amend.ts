/** 改成3200 / 金额改为3880 / 人数改5 / 日期改昨天: amend a record, keeping before and after. */
import { readAmendment } from '../archive/amendment';
import { amendVisit, type AmendField } from '../archive/corrections';
import { oldestDate } from '../archive/visit-checks';
import { shortDate, yuan } from '../format/text';
import { changeOf, clockOf } from '../pipeline/context';
import { businessDate } from '../time/business-day';
import { commandFeature, REPEATABLE } from './command';
import { correctionTarget } from './correction-target';
import { replyWithTierNote } from './tier-notes';

const LABEL: Record<AmendField, string> = {
  amount: '金额',
  partySize: '人数',
  businessDate: '日期',
  room: '包间',
};

function show(field: AmendField, value: unknown): string {
  if (value === undefined || value === null || value === '') return '(空)';
  if (field === 'amount') return yuan(Number(value));
  if (field === 'partySize') return `${value}人`;
  if (field === 'businessDate') return shortDate(String(value));
  return String(value);
}

export const amend = commandFeature(
  ['amend'],
  async (ctx) => {
    const clock = clockOf(ctx);
    const change = readAmendment(ctx.msg.text, clock);
    if ('error' in change) {
      ctx.reply(change.error);
      return;
    }
    if (change.field === 'businessDate') {
      const today = businessDate(clock);
      if (String(change.value) > today) return ctx.reply('消费日期不能是将来的日子');
      if (String(change.value) < oldestDate(today))
        return ctx.reply('只能改到一年内的日期,例如:日期改昨天、日期改11月20日');
    }
    const visit = await correctionTarget(ctx);
    if (!visit) return;
    const who = changeOf(ctx);
    const { models } = ctx.services;
    const done = await amendVisit(models, visit, change.field, change.value, who, who, ctx.later);
    if (!done) return ctx.reply('这条刚被别人改过,请看一下再改');
    const name = done.customer?.name ?? '客人';
    const { field } = change;
    const text = `已改 ${name} ${shortDate(done.visit.businessDate)}: ${LABEL[field]} ${show(field, done.before)} → ${show(field, change.value)}`;
    ctx.committed = text;
    await replyWithTierNote(ctx, text, done.customer, done.tierChange);
  },
  REPEATABLE,
);
