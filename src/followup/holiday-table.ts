/**
 * The holidays a restaurant greets its customers on (DOMAIN.md "Holidays"). Data only: how each
 * date is found lives in src/calendar (tyme4ts for the lunar ones), the rules in holidays.ts.
 */

export const HOLIDAY_NAMES = [
  '元旦',
  '春节',
  '元宵',
  '妇女节',
  '劳动节',
  '端午',
  '七夕',
  '中秋',
  '国庆',
  '冬至',
  '圣诞',
] as const;

export type HolidayName = (typeof HOLIDAY_NAMES)[number];

export interface HolidayDef {
  name: HolidayName;
  /** Name festivalDate() resolves for the day itself. */
  festival: string;
  /**
   * What the eve is called when it is a holiday of its own: 除夕 is the eve of 初一 and 平安夜 the
   * eve of 圣诞, so one greeting on that day covers both.
   */
  eveName?: string;
  /** 年夜饭 is eaten on 除夕: the room a customer wants is for the eve, so the call counts from it. */
  roomOnEve?: boolean;
  /** Only customers this greeting suits: a 妇女节 greeting to 张总 would embarrass the staff. */
  audience?: 'female';
}

export const HOLIDAYS: readonly HolidayDef[] = [
  { name: '元旦', festival: '元旦' },
  { name: '春节', festival: '春节', eveName: '除夕', roomOnEve: true },
  { name: '元宵', festival: '元宵' },
  { name: '妇女节', festival: '妇女节', audience: 'female' },
  { name: '劳动节', festival: '劳动节' },
  { name: '端午', festival: '端午' },
  { name: '七夕', festival: '七夕' },
  { name: '中秋', festival: '中秋' },
  { name: '国庆', festival: '国庆' },
  { name: '冬至', festival: '冬至' },
  { name: '圣诞', festival: '圣诞', eveName: '平安夜' },
];
