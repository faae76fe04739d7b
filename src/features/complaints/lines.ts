/** How complaint cases read on a phone: pure, the clock and zone passed in. */
import type { Complaint } from '../../archive/complaints';
import { shortDate } from '../../format/text';
import { localParts } from '../../time/business-day';

const pad = (n: number) => String(n).padStart(2, '0');

/** `11月22日 21:40` in the store's zone. */
export function momentText(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `40分钟`, `5小时`, `3天`: how long something took or is left. */
export function spanText(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours}小时` : `${Math.round(hours / 24)}天`;
}

/** What the customer said, or that nobody wrote it down. */
export const saidOf = (k: Pick<Complaint, 'said'>) => k.said || '(没写内容)';

/** `剩5小时` / `已超时3小时`. */
export function dueText(k: Complaint, now: Date): string {
  const left = k.due.getTime() - now.getTime();
  return left > 0 ? `剩${spanText(left)}` : `已超时${spanText(-left)}`;
}

export const timeToClose = (k: Complaint) =>
  k.closing ? k.closing.at.getTime() - k.at.getTime() : undefined;

/** The median of the closed cases' times to close, or undefined when none is closed. */
export function medianToClose(cases: Complaint[]): number | undefined {
  const spans = cases
    .map(timeToClose)
    .filter((x): x is number => x !== undefined)
    .sort((a, b) => a - b);
  if (spans.length === 0) return undefined;
  const mid = spans.length >> 1;
  return spans.length % 2 ? spans[mid] : (spans[mid - 1] + spans[mid]) / 2;
}

/** `张总:菜太咸 · 剩5小时`: an open case at the top of a briefing or a manager's list. */
export function openLine(k: Complaint, now: Date): string {
  return `${k.customerName}:${saidOf(k)} · ${dueText(k, now)}`;
}

/** The section the morning briefing and the manager's list start with while cases are open. */
export function openSection(open: Complaint[], now: Date): string[] {
  if (open.length === 0) return [];
  return [`⚠ 未处理投诉${open.length}件`, ...open.map((k) => `· ${openLine(k, now)}`)];
}

/** On the customer's card: the open cases, then the past ones (latest first, a few). */
export function cardLines(cases: Complaint[], today: string): string[] {
  const open = cases.filter((k) => k.state === 'open');
  const past = cases.filter((k) => k.state === 'closed').reverse();
  const lines = open.map((k) => `未处理投诉: ${shortDate(k.day, today)} ${saidOf(k)}`);
  if (past.length) {
    const last = past[0];
    lines.push(
      `投诉过${past.length}次,最近 ${shortDate(last.day, today)} ${saidOf(last)}(已处理: ${last.closing?.what ?? ''})`,
    );
  }
  return lines;
}

/** `张总上次投诉过菜太咸,已处理: 送果盘` / `…,还没处理`: for whoever records the next visit. */
export function reminderLine(k: Complaint): string {
  const state = k.state === 'closed' ? `已处理: ${k.closing?.what ?? ''}` : '还没处理';
  return `${k.customerName}上次投诉过${k.said || ''},${state}`;
}
