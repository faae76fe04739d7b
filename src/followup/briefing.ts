/**
 * 早报 text for a team group: yesterday in numbers, today's follow-ups per staff member, the
 * week's birthdays and holidays, churn alerts. One aggregated message per group (seed 000: too
 * many messages get a personal account blacklisted), short lines for phones, never a phone number.
 */
import { shortDate, yuan } from '../format/text';
import { maskPhones } from '../privacy';
import { weekdayOf } from '../time/business-day';
import type { HolidayOnDate } from './holidays';
import { DEFAULT_FOLLOW_UP_SETTINGS, type BriefingSettings } from './settings';
import type { Task, Upcoming } from './types';

export interface DayNumbers {
  tables: number;
  covers: number;
  revenue: number;
  newCustomers: number;
  returningCustomers: number;
}

export interface GroupBriefing {
  storeName: string;
  today: string;
  yesterday: DayNumbers;
  /** The same weekday a week before yesterday: restaurants compare Friday with Friday. */
  sameDayLastWeek?: DayNumbers;
  /** Everyone's tasks today (tasksFor over the store's customers). */
  tasks: Task[];
  upcoming: Upcoming[];
  holidays: HolidayOnDate[];
  /** Staff id → how the team calls them (小王). */
  staffNames: Record<string, string>;
  /** Open complaint cases, already worded: they lead until closed (features/complaints). */
  complaints?: string[];
  /** 今日预订, already worded (features/bookings/day-section.ts). */
  bookings?: string[];
}

export const MORE_HINT = '私聊我「我的待回访」';
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const OCCASION: Record<Upcoming['kind'], string> = {
  birthday: '生日',
  wedding: '结婚纪念日',
  company: '公司周年庆',
};

/** `+22%`, `-8%`, `持平`. */
export function changeText(now: number, before: number): string {
  const pct = Math.round(((now - before) / before) * 100);
  return pct === 0 ? '持平' : `${pct > 0 ? '+' : ''}${pct}%`;
}

/** `昨天 12桌 48人 ¥36,800(上周同日 ¥30,200,+22%)` */
export function numbersLines(y: DayNumbers, lastWeek?: DayNumbers): string[] {
  if (y.tables === 0) return ['昨天 没有记录消费'];
  let vs = '';
  if (lastWeek) {
    vs =
      lastWeek.revenue > 0
        ? `(上周同日 ${yuan(lastWeek.revenue)},${changeText(y.revenue, lastWeek.revenue)})`
        : '(上周同日 无消费)';
  }
  return [
    `昨天 ${y.tables}桌 ${y.covers}人 ${yuan(y.revenue)}${vs}`,
    `新客 ${y.newCustomers}位 回头客 ${y.returningCustomers}位`,
  ];
}

/** `lines`, cut to `max` with `…还有N位,私聊我「我的待回访」` (N counted in customers). */
export function truncated(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max), `…还有${lines.length - max}位,${MORE_HINT}`];
}

/** `小王 5位: 张总、李姐、王老板…`, busiest staff first. Churn has its own section. */
export function followUpLines(b: GroupBriefing, s: BriefingSettings): string[] {
  const byOwner = new Map<string, string[]>();
  const ordered = [...b.tasks].sort((x, y) => y.priority - x.priority);
  for (const t of ordered.filter((x) => x.kind !== 'churn')) {
    const who = t.ownerId === null ? '未分配' : (b.staffNames[t.ownerId] ?? '未分配');
    const names = byOwner.get(who) ?? [];
    if (!names.includes(t.customerName)) names.push(t.customerName);
    byOwner.set(who, names);
  }
  if (byOwner.size === 0) return [];
  const total = [...byOwner.values()].reduce((n, v) => n + v.length, 0);
  const rows = [...byOwner.entries()].sort(
    (x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0]),
  );
  return [
    `今日待回访 ${total}位:`,
    ...rows.map(([who, names]) => {
      const shown = names.slice(0, s.namesPerStaff).join('、');
      const more = names.length > s.namesPerStaff ? '…' : '';
      return s.namesPerStaff === 0
        ? `${who} ${names.length}位`
        : `${who} ${names.length}位: ${shown}${more}`;
    }),
  ];
}

function upcomingLines(b: GroupBriefing, s: BriefingSettings): string[] {
  if (b.upcoming.length === 0) return [];
  const rows = [...b.upcoming]
    .sort((x, y) => x.date.localeCompare(y.date))
    .map((u) => {
      const when = u.daysAway === 0 ? '今天' : shortDate(u.date, b.today);
      return `${when} ${u.customerName} ${OCCASION[u.kind]}${u.lunar ? '(农历)' : ''}`;
    });
  return ['近7天生日/纪念日:', ...truncated(rows, s.maxLines)];
}

function holidayLines(b: GroupBriefing): string[] {
  if (b.holidays.length === 0) return [];
  const rows = b.holidays.flatMap((h) => {
    const eve = h.eveName ? `(${h.eveName}${shortDate(h.eve, b.today)})` : '';
    const line = `${shortDate(h.date, b.today)} ${h.name}${eve}`;
    return h.note ? [line, `  ${h.note}`] : [line];
  });
  return ['近7天节日:', ...rows];
}

function churnLines(b: GroupBriefing, s: BriefingSettings): string[] {
  // A lapse folded under a birthday line (day-task.ts) is still a lapse the managers see.
  const alerts = b.tasks.flatMap((t) => [t, ...(t.also ?? [])]).filter((t) => t.kind === 'churn');
  if (alerts.length === 0) return [];
  const rows = alerts.map((t) => t.detail ?? t.customerName);
  return [`流失预警 ${alerts.length}位:`, ...truncated(rows, s.maxLines)];
}

/** The whole group message. */
export function groupBriefingText(
  b: GroupBriefing,
  s: BriefingSettings = DEFAULT_FOLLOW_UP_SETTINGS.briefing,
): string {
  const head = `【${b.storeName} 早报】${shortDate(b.today)} ${WEEKDAYS[weekdayOf(b.today)]}`;
  const sections = [
    [head, ...numbersLines(b.yesterday, b.sameDayLastWeek)],
    b.complaints ?? [],
    b.bookings ?? [],
    followUpLines(b, s),
    upcomingLines(b, s),
    holidayLines(b),
    churnLines(b, s),
  ].filter((x) => x.length > 0);
  // Names are typed by staff; one of them may carry a phone number (张总13812345678).
  return maskPhones(sections.map((x) => x.join('\n')).join('\n\n'));
}
