/**
 * `我的待回访`: one staff member's list, each customer once with the suggested wording, overdue
 * ones marked. A first, then the overdue, and only as many as an afternoon's calls: the rest are
 * counted, and `我的待回访 全部` shows them.
 */
import { shortDate } from '../format/text';
import type { Action } from '../pipeline/message';
import { daysBetween } from '../time/business-day';
import { alsoNote } from './day-task';
import type { Task, Upcoming } from './types';

/**
 * Lines a list shows before `还有N位`: about what one person calls between lunch and dinner
 * service (10 calls of a few minutes), and what fits on a phone screen or two with the wording.
 */
export const PERSONAL_LIST_CAP = 10;
export const SHOW_ALL_HINT = '发「我的待回访 全部」看全部';

/** Customers at the top of a list that get 已回访 / 跳过 / 改天 buttons where the platform has them. */
export const LIST_BUTTONS = 5;

/** A customers first, then the overdue, then by how pressing the reason is. */
export function listOrder(a: Task, b: Task): number {
  const aFirst = (t: Task) => (t.customerId && t.tier === 'A' ? 0 : 1);
  return (
    aFirst(a) - aFirst(b) ||
    Number(b.overdue) - Number(a.overdue) ||
    b.priority - a.priority ||
    a.customerName.localeCompare(b.customerName)
  );
}

export interface PersonalList {
  staffName: string;
  today: string;
  /** This staff member's tasks today (already sorted by priority, as tasksFor returns them). */
  tasks: Task[];
  upcoming: Upcoming[];
  /** Show every line (`我的待回访 全部`); otherwise the first PERSONAL_LIST_CAP. */
  all?: boolean;
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
  if (t.missedCalls) parts.push(`已打${t.missedCalls}次未接通`);
  const also = alsoNote(t);
  if (also) parts.push(also);
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

/** The personal list: ordered, capped unless `all`, the rest counted on the last line. */
export function personalListText(p: PersonalList): string {
  const tasks = [...p.tasks].sort(listOrder);
  const customers = new Set(tasks.map((t) => t.customerId)).size;
  const head =
    tasks.length === 0
      ? `${p.staffName} ${shortDate(p.today)} 今天没有待回访。`
      : `${p.staffName} ${shortDate(p.today)} 待回访 ${customers}位 ${tasks.length}项`;
  const overdue = tasks.filter((t) => t.overdue).length;
  const lines = [head];
  if (overdue > 0) lines.push(`其中逾期 ${overdue}项`);
  const shown = p.all ? tasks : tasks.slice(0, PERSONAL_LIST_CAP);
  shown.forEach((t, i) => lines.push(...taskBlock(t, i, p.today)));
  const rest = [...upcomingBlock(p.upcoming, p.today)];
  if (shown.length < tasks.length)
    rest.push(`还有${tasks.length - shown.length}位,${SHOW_ALL_HINT}`);
  return [...lines, ...rest].join('\n');
}

/**
 * The buttons for the first LIST_BUTTONS customers of the list, one group per customer: the
 * commands are the ones staff type (features/followups), so a press is the same as typing it.
 */
export function personalListActions(p: Pick<PersonalList, 'tasks' | 'today'>): Action[] {
  const seen = new Set<string>();
  const out: Action[] = [];
  [...p.tasks].sort(listOrder).forEach((t, i) => {
    // A task for many customers at once (a holiday greeting) is no one customer's line.
    if (!t.customerId || seen.has(t.customerId) || seen.size >= LIST_BUTTONS) return;
    seen.add(t.customerId);
    const group = `${i + 1}. ${t.customerName}(${t.tier}) ${t.title}`;
    const name = t.customerName;
    out.push(
      { label: '已回访', command: `已回访 ${name}`, group },
      { label: '跳过', command: `跳过 ${name}`, group },
      { label: '改天', command: `${name} 改天`, group },
    );
  });
  return out;
}
