/**
 * Festival names staff write and how each one's date is found. Solar ones are fixed days, lunar
 * ones move every year (tyme4ts converts), solar terms come from tyme4ts's astronomy, and a few
 * Western days are "the nth weekday of a month". Aliases map to the canonical name.
 */

/** `'a=b c=d'` → [['a','b'], ['c','d']]: the tables below are written as text, like the lexicons. */
function pairs(text: string): [string, string][] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => p.split('=') as [string, string]);
}

export type FestivalRule =
  | { kind: 'solar'; month: number; day: number }
  | { kind: 'lunar'; month: number; day: number }
  /** The last day of the lunar year (除夕 is 腊月廿九 in some years, 三十 in others). */
  | { kind: 'lunarEve' }
  | { kind: 'term'; term: string }
  | { kind: 'nthWeekday'; month: number; weekday: number; nth: number };

export interface Festival {
  name: string;
  rule: FestivalRule;
}

const solar = (month: number, day: number): FestivalRule => ({ kind: 'solar', month, day });
const lunar = (month: number, day: number): FestivalRule => ({ kind: 'lunar', month, day });
const term = (name: string): FestivalRule => ({ kind: 'term', term: name });

/** Canonical festivals, in the order a year lists them; festivalsBetween reports these names. */
export const FESTIVALS: readonly Festival[] = [
  { name: '元旦', rule: solar(1, 1) },
  { name: '腊八', rule: lunar(12, 8) },
  { name: '小年', rule: lunar(12, 23) },
  { name: '除夕', rule: { kind: 'lunarEve' } },
  { name: '春节', rule: lunar(1, 1) },
  { name: '元宵', rule: lunar(1, 15) },
  { name: '情人节', rule: solar(2, 14) },
  { name: '龙抬头', rule: lunar(2, 2) },
  { name: '妇女节', rule: solar(3, 8) },
  { name: '清明', rule: term('清明') },
  { name: '劳动节', rule: solar(5, 1) },
  { name: '青年节', rule: solar(5, 4) },
  { name: '母亲节', rule: { kind: 'nthWeekday', month: 5, weekday: 0, nth: 2 } },
  { name: '端午', rule: lunar(5, 5) },
  { name: '儿童节', rule: solar(6, 1) },
  { name: '父亲节', rule: { kind: 'nthWeekday', month: 6, weekday: 0, nth: 3 } },
  { name: '七夕', rule: lunar(7, 7) },
  { name: '中元', rule: lunar(7, 15) },
  { name: '教师节', rule: solar(9, 10) },
  { name: '中秋', rule: lunar(8, 15) },
  { name: '国庆', rule: solar(10, 1) },
  { name: '重阳', rule: lunar(9, 9) },
  { name: '感恩节', rule: { kind: 'nthWeekday', month: 11, weekday: 4, nth: 4 } },
  { name: '冬至', rule: term('冬至') },
  { name: '平安夜', rule: solar(12, 24) },
  { name: '跨年夜', rule: solar(12, 31) },
  { name: '圣诞', rule: solar(12, 25) },
];

/** Other ways to write them → canonical name. */
export const FESTIVAL_ALIASES: ReadonlyMap<string, string> = new Map(
  pairs(
    '元旦节=元旦 腊八节=腊八 大年夜=除夕 大年三十=除夕 年三十=除夕 除夕夜=除夕 年三十晚上=除夕 大年初一=春节 ' +
      '正月初一=春节 初一=春节 元宵节=元宵 正月十五=元宵 情人节=情人节 二月二=龙抬头 三八节=妇女节 女神节=妇女节 ' +
      '三八=妇女节 清明节=清明 五一=劳动节 五一节=劳动节 端午节=端午 六一=儿童节 七夕节=七夕 中元节=中元 ' +
      '中秋节=中秋 国庆节=国庆 重阳节=重阳 冬至节=冬至 圣诞节=圣诞 圣诞夜=平安夜',
  ),
);

/** 大年初二 … 初十: the Spring Festival days staff name by number. Value = lunar day of month 1. */
export const NEW_YEAR_DAYS: ReadonlyMap<string, number> = new Map(
  pairs('初二=2 初三=3 初四=4 初五=5 初六=6 初七=7 初八=8 初九=9 初十=10').map(([k, v]) => [
    k,
    Number(v),
  ]),
);

/** The 24 solar terms, all resolvable by name. */
export const SOLAR_TERMS: readonly string[] = pairs(
  '小寒 大寒 立春 雨水 惊蛰 春分 清明 谷雨 立夏 小满 芒种 夏至 小暑 大暑 立秋 处暑 白露 秋分 寒露 霜降 ' +
    '立冬 小雪 大雪 冬至',
).map(([term]) => term);
