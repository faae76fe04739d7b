/** How numbers and dates look in replies: the way a Chinese restaurant writes them. */

/** One formatter: toLocaleString builds a new one per call, ~150 µs, and tiers name amounts often. */
const YUAN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function yuan(amount: number): string {
  return `¥${YUAN.format(Math.round(amount * 100) / 100)}`;
}

/** `2026-11-22` → `11月22日` (the year only when it is not the reference year). */
export function shortDate(iso: string, referenceIso?: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const sameYear = !referenceIso || referenceIso.slice(0, 4) === iso.slice(0, 4);
  return `${sameYear ? '' : `${y}年`}${m}月${d}日`;
}
