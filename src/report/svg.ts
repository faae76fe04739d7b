/** The few SVG pieces the charts are drawn with. Pure string building, escaped text. */

export const FONT = 'Noto Sans CJK SC';

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const n = (x: number) => Math.round(x * 10) / 10;

export interface TextStyle {
  size?: number;
  color?: string;
  anchor?: 'start' | 'middle' | 'end';
  weight?: 'normal' | 'bold';
}

export function text(x: number, y: number, s: string, st: TextStyle = {}): string {
  return `<text x="${n(x)}" y="${n(y)}" font-family="${FONT}" font-size="${st.size ?? 22}" fill="${st.color ?? '#333'}" text-anchor="${st.anchor ?? 'start'}" font-weight="${st.weight ?? 'normal'}">${esc(s)}</text>`;
}

export const rect = (x: number, y: number, w: number, h: number, fill: string) =>
  `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, w))}" height="${n(Math.max(0, h))}" fill="${fill}" rx="3"/>`;

export const line = (x1: number, y1: number, x2: number, y2: number, color = '#e3e3e3') =>
  `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${color}" stroke-width="1.5"/>`;

/** A round axis top: 1, 2 or 5 × 10^k at or above `max` (never 0, so empty weeks still draw). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= max) ?? 10 * p;
}

/** Gridlines for an axis up to `max` (a niceMax): steps of 1, 2 or 5 × 10^k, never ¥1.25万. */
export function ticksOf(max: number): number {
  const lead = max / 10 ** Math.floor(Math.log10(max));
  return lead === 2 ? 4 : 5;
}

/** `¥8,000`, `¥1.2万`: short enough for an axis label on a phone. */
export function money(v: number): string {
  if (v >= 10000) return `¥${(Math.round(v / 1000) / 10).toString()}万`;
  return `¥${Math.round(v).toLocaleString('en-US')}`;
}
