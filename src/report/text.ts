/** The week in words: what platforms without pictures get, and the picture's caption. Pure. */
import { yuan } from '../format/text';
import { changeText } from '../features/queries/revenue';
import { weekdayName } from '../features/queries/period';
import { shortDate } from '../format/text';
import type { WeekFigures } from './week';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function weekTitle(f: WeekFigures): string {
  return `【${f.storeName} 周报】${shortDate(f.days[0])}至${shortDate(f.days[6])}`;
}

export function weekSummary(f: WeekFigures): string {
  const now = sum(f.revenue);
  const before = sum(f.lastWeek);
  const change = before > 0 ? `,比前一周${changeText(now, before)}` : '';
  return `营业额${yuan(now)}(${f.tables}桌)${change}`;
}

export function weekText(f: WeekFigures): string {
  const days = f.days.map(
    (d, i) => `${weekdayName(d)} ${yuan(f.revenue[i])}(前一周${yuan(f.lastWeek[i])})`,
  );
  const tiers = (['A', 'B', 'C', 'D'] as const)
    .map((t) => `${t}类${f.visitsByTier[t]}次`)
    .join(' ');
  const staff = f.followUps.length
    ? f.followUps.map((s) => `${s.name} ${s.done}/${s.ended}`).join(' · ')
    : '没有回访任务';
  return [
    weekTitle(f),
    weekSummary(f),
    '每天营业额:',
    ...days,
    `到店(按分级):${tiers}`,
    `回访完成(完成/结束的回访,含跳过和过期):${staff}`,
  ].join('\n');
}
