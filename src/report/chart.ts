/**
 * The week as a picture (issue 9): revenue per day against the week before, visits by tier and
 * follow-ups done per staff member, as one SVG sized for a phone screen. Pure: figures in, SVG out.
 */
import { weekdayName } from '../features/queries/period';
import { line, money, niceMax, rect, text, ticksOf } from './svg';
import { weekSummary, weekTitle } from './text';
import type { WeekFigures } from './week';

export const WIDTH = 1000;
const LEFT = 110;
const RIGHT = WIDTH - 50;
const THIS_WEEK = '#e8743b';
const LAST_WEEK = '#c9ccd1';
const TIER_COLORS = { A: '#d94a38', B: '#e8a33b', C: '#6c8ebf', D: '#62b17b' } as const;
/** Staff rows drawn; a bigger team shows its top performers. */
export const MAX_STAFF = 12;

function axis(top: number, bottom: number, max: number, label: (v: number) => string): string[] {
  const out: string[] = [];
  const ticks = ticksOf(max);
  for (let i = 0; i <= ticks; i++) {
    const y = bottom - ((bottom - top) * i) / ticks;
    out.push(
      line(LEFT, y, RIGHT, y),
      text(LEFT - 12, y + 7, label((max * i) / ticks), { size: 18, anchor: 'end', color: '#888' }),
    );
  }
  return out;
}

function revenuePanel(f: WeekFigures, top: number): string[] {
  const bottom = top + 330;
  const max = niceMax(Math.max(...f.revenue, ...f.lastWeek));
  const slot = (RIGHT - LEFT) / 7;
  const bar = slot * 0.34;
  const out = [
    text(LEFT - 60, top - 30, '每天营业额', { size: 26, weight: 'bold' }),
    rect(RIGHT - 290, top - 50, 22, 22, THIS_WEEK),
    text(RIGHT - 260, top - 31, '本周', { size: 20 }),
    rect(RIGHT - 170, top - 50, 22, 22, LAST_WEEK),
    text(RIGHT - 140, top - 31, '前一周', { size: 20 }),
    ...axis(top, bottom, max, money),
  ];
  f.days.forEach((d, i) => {
    const x = LEFT + slot * i + slot / 2;
    const h = (v: number) => ((bottom - top) * v) / max;
    out.push(rect(x - bar - 2, bottom - h(f.lastWeek[i]), bar, h(f.lastWeek[i]), LAST_WEEK));
    out.push(rect(x + 2, bottom - h(f.revenue[i]), bar, h(f.revenue[i]), THIS_WEEK));
    if (f.revenue[i] > 0)
      out.push(
        text(x + 2 + bar / 2, bottom - h(f.revenue[i]) - 8, money(f.revenue[i]), {
          size: 16,
          anchor: 'middle',
          color: '#a4481c',
        }),
      );
    out.push(text(x, bottom + 30, weekdayName(d), { size: 20, anchor: 'middle' }));
  });
  return out;
}

function tierPanel(f: WeekFigures, top: number): string[] {
  const bottom = top + 200;
  const tiers = ['A', 'B', 'C', 'D'] as const;
  const max = niceMax(Math.max(...tiers.map((t) => f.visitsByTier[t])));
  const slot = (RIGHT - LEFT) / 4;
  const out = [text(LEFT - 60, top - 30, '到店次数(按客户分级)', { size: 26, weight: 'bold' })];
  out.push(...axis(top, bottom, max, (v) => (Number.isInteger(v) ? String(v) : '')));
  tiers.forEach((t, i) => {
    const x = LEFT + slot * i + slot / 2;
    const h = ((bottom - top) * f.visitsByTier[t]) / max;
    out.push(rect(x - slot * 0.25, bottom - h, slot * 0.5, h, TIER_COLORS[t]));
    out.push(text(x, bottom - h - 8, `${f.visitsByTier[t]}次`, { size: 20, anchor: 'middle' }));
    out.push(text(x, bottom + 30, `${t}类`, { size: 20, anchor: 'middle' }));
  });
  return out;
}

function staffPanel(f: WeekFigures, top: number): string[] {
  const rows = f.followUps.slice(0, MAX_STAFF);
  const out = [
    text(LEFT - 60, top - 30, '回访完成(完成/结束的回访)', { size: 26, weight: 'bold' }),
  ];
  if (rows.length === 0)
    return [...out, text(LEFT, top + 20, '本周没有回访任务', { size: 20, color: '#888' })];
  const max = niceMax(Math.max(...rows.map((r) => r.ended)));
  const left = LEFT + 60;
  const width = RIGHT - left - 90;
  rows.forEach((r, i) => {
    const y = top + i * 44;
    out.push(text(left - 12, y + 24, r.name, { size: 20, anchor: 'end' }));
    out.push(rect(left, y + 4, (width * r.ended) / max, 28, '#eeeeee'));
    out.push(rect(left, y + 4, (width * r.done) / max, 28, '#3b8ee8'));
    out.push(
      text(left + (width * r.ended) / max + 10, y + 25, `${r.done}/${r.ended}`, {
        size: 18,
      }),
    );
  });
  return out;
}

export function staffRows(f: WeekFigures): number {
  return Math.max(1, Math.min(MAX_STAFF, f.followUps.length));
}

export function weekChartSvg(f: WeekFigures): string {
  const height = 1010 + staffRows(f) * 44 + 40;
  const body = [
    rect(0, 0, WIDTH, height, '#ffffff'),
    text(40, 60, weekTitle(f), { size: 34, weight: 'bold' }),
    text(40, 102, weekSummary(f), { size: 24, color: '#555' }),
    ...revenuePanel(f, 200),
    ...tierPanel(f, 680),
    ...staffPanel(f, 1010),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">${body.join('')}</svg>`;
}
