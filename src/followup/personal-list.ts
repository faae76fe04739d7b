/**
 * `我的待回访`: one staff member's full list, each task with its suggested wording, overdue ones
 * marked. Sent privately, so it can be as long as the list is.
 */
import { shortDate } from '../format/text';
import { daysBetween } from '../time/business-day';
import type { Task, Upcoming } from './types';

export interface PersonalList {
  staffName: string;
  today: string;
  /** This staff member's tasks today (already sorted by priority, as tasksFor returns them). */
  tasks: Task[];
  upcoming: Upcoming[];
}

const OCCASION: Record<Upcoming['kind'], string> = {
  birthday: '生日',
  wedding: '结婚纪念日',
  company: '公司周年庆',
};

/** `张总(A) 回访·第30天 逾期3天 (不接受消息)` */
export function taskHeadline(t: Task, today: string): string {
  // A task for many customers at once (a holiday greeting) has no one tier to show.
  const parts = [t.customerId ? `${t.customerName}(${t.tier})` : t.customerName, t.title];
  if (t.detail && t.kind !== 'churn') parts.push(t.detail);
  if (t.overdue) parts.push(`逾期${daysBetween(t.dueDate, today)}天`);
  if (t.optedOut) parts.push('(不接受消息)');
  return parts.join(' ');
}

function taskBlock(t: Task, i: number, today: string): string[] {
  const lines = [`${i + 1}. ${taskHeadline(t, today)}`];
  if (t.kind === 'churn' && t.detail) lines.push(`   ${t.detail}`);
  // A preparation is a note to oneself; everything else is words to say or send.
  if (t.script) lines.push(t.channel === 'prepare' ? `   提示:${t.script}` : `   话术:${t.script}`);
  return lines;
}

function upcomingBlock(upcoming: Upcoming[], today: string): string[] {
  if (upcoming.length === 0) return [];
  const rows = [...upcoming]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((u) => {
      const when = u.daysAway === 0 ? '今天' : `${shortDate(u.date, today)}(${u.daysAway}天后)`;
      return `${when} ${u.customerName} ${OCCASION[u.kind]}${u.lunar ? '(农历)' : ''}`;
    });
  return ['', '近7天:', ...rows];
}

/** The whole personal list. */
export function personalListText(p: PersonalList): string {
  const customers = new Set(p.tasks.map((t) => t.customerId)).size;
  const head =
    p.tasks.length === 0
      ? `${p.staffName} ${shortDate(p.today)} 今天没有待回访。`
      : `${p.staffName} ${shortDate(p.today)} 待回访 ${customers}位 ${p.tasks.length}项`;
  const overdue = p.tasks.filter((t) => t.overdue).length;
  const lines = [head];
  if (overdue > 0) lines.push(`其中逾期 ${overdue}项`);
  p.tasks.forEach((t, i) => lines.push(...taskBlock(t, i, p.today)));
  return [...lines, ...upcomingBlock(p.upcoming, p.today)].join('\n');
}
