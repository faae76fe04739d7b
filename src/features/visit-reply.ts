/** The confirmation shows everything understood, so staff see a misreading at once. */
import type { SavedVisit } from '../archive/visits';
import { shortDate, yuan } from '../format/text';

export function confirmation(saved: SavedVisit): string {
  const v = saved.visit;
  const when = [shortDate(v.businessDate), v.mealPeriod].filter(Boolean).join(' ');
  const parts = [`已记录 ${saved.customer.name}`, when];
  if (v.partySize) parts.push(`${v.partySize}人`);
  parts.push(yuan(v.amount));
  if (v.room) parts.push(v.room);
  const head = parts.join(' | ');
  if (saved.duplicate) return head;
  const visits = saved.customer.stats?.visits ?? 0;
  const tail = saved.newCustomer
    ? '新客户,已建档'
    : `第${visits + 1}次来${saved.previousVisit ? `,上次 ${shortDate(saved.previousVisit, v.businessDate)}` : ''}`;
  return `${head}\n${tail}`;
}

const QUESTIONS: Record<string, string> = {
  amount: '金额是多少?',
  customer: '是哪位客人?',
};

export function question(missing: string[]): string {
  if (missing.length === 1) return QUESTIONS[missing[0]] ?? '还缺信息';
  return '是哪位客人,消费多少?';
}
