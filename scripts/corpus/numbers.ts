/**
 * Amounts and head counts the way staff type them: digits with and without a cue or a unit,
 * thousands separators, k/w/万/千 shorthands (2.8k, 1w2, 2 万, 4千2) and Chinese numerals (两千八).
 */
import type { Dice } from './generate';

const DIGITS = '零一二三四五六七八九';

/** 1–99 in Chinese as said in a count: 两 for a lone 2 (两个人), 十二, 二十. */
export function cnCount(n: number): string {
  if (n === 2) return '两';
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** A leading digit as said before 千/万: 两千, 三万. */
function lead(n: number): string {
  return n === 2 ? '两' : DIGITS[n];
}

/**
 * Amounts in Chinese numerals, only the shapes people say: 三千, 两千八 (2,800), 三千二百八十 (3,280),
 * 一万二 (12,000), 两万 (20,000), 八百八十 (880). Undefined for a number said no such way.
 */
export function cnAmount(n: number): string | undefined {
  if (n % 10000 === 0 && n <= 90000) return `${lead(n / 10000)}万`;
  if (n > 10000 && n < 100000 && n % 1000 === 0) {
    return `${lead(Math.floor(n / 10000))}万${DIGITS[(n % 10000) / 1000]}`;
  }
  if (n >= 1000 && n < 10000) {
    const th = Math.floor(n / 1000);
    const rest = n % 1000;
    if (rest === 0) return `${lead(th)}千`;
    if (rest % 100 === 0) return `${lead(th)}千${DIGITS[rest / 100]}`;
    if (rest >= 100 && rest % 10 === 0) {
      const h = Math.floor(rest / 100);
      const t = (rest % 100) / 10;
      return `${lead(th)}千${DIGITS[h]}百${t ? `${DIGITS[t]}十` : ''}`;
    }
  }
  if (n >= 100 && n < 1000 && n % 10 === 0) {
    const t = (n % 100) / 10;
    return `${DIGITS[Math.floor(n / 100)]}百${t ? `${DIGITS[t]}十` : ''}`;
  }
  return undefined;
}

/** Shorthands for round amounts: 2.8k, 1.2万, 1w2, 2 万, 3 千, 4千2. */
function shorthand(d: Dice, n: number): string | undefined {
  const forms: string[] = [];
  if (n >= 1000 && n % 100 === 0) forms.push(`${n / 1000}k`, `${n / 1000}K`);
  if (n >= 10000 && n % 1000 === 0) {
    forms.push(`${n / 10000}万`, `${n / 10000}w`);
    const rest = (n % 10000) / 1000;
    if (rest) forms.push(`${Math.floor(n / 10000)}w${rest}`, `${Math.floor(n / 10000)}万${rest}`);
  }
  if (n % 10000 === 0) forms.push(`${n / 10000} 万`);
  if (n >= 1000 && n < 10000 && n % 1000 === 0) forms.push(`${n / 1000} 千`, `${n / 1000}千`);
  if (n >= 1000 && n < 10000 && n % 100 === 0 && n % 1000 !== 0) {
    forms.push(`${Math.floor(n / 1000)}千${(n % 1000) / 100}`);
  }
  return forms.length ? d.pick(forms) : undefined;
}

function withThousands(n: number): string {
  return n.toLocaleString('en-US');
}

export function amountForm(d: Dice, n: number): string {
  const r = d.int(0, 99);
  const short = r < 20 ? shorthand(d, n) : undefined;
  const chinese = r >= 20 && r < 30 ? cnAmount(n) : undefined;
  const body = short ?? chinese ?? (d.chance(0.2) && n >= 1000 ? withThousands(n) : String(n));
  const digits = /^[\d,]+$/.test(body);
  const cue = d.pick([
    '',
    '',
    '消费',
    '消费 ',
    '共',
    '买单',
    '结账',
    '实收',
    '花了',
    '一共',
    '合计',
  ]);
  const unit = digits ? d.pick(['', '', '', '元', '块', '块钱']) : '';
  const currency = digits && !cue && d.chance(0.2) ? d.pick(['¥', '￥', 'RMB']) : '';
  return `${cue}${currency}${body}${unit}`;
}

export function partyForm(d: Dice, n: number): string {
  const forms = [
    `${n}人`,
    `${n}位`,
    `${n}个人`,
    `${cnCount(n)}个人`,
    `${cnCount(n)}位`,
    `一行${n}人`,
  ];
  if (n >= 3) {
    const kids = d.int(1, Math.min(3, n - 1));
    forms.push(`${n - kids}大${kids}小`, `${n - kids}+${kids}人`);
  }
  if (n === 2) forms.push('夫妻俩', '两口子');
  return d.pick(forms);
}
