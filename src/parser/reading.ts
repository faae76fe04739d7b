/**
 * What the parser understood from one staff message. Every field keeps the span of text it came
 * from and whether the text stated it or a default implied it, so a reply can show staff exactly
 * what was read (chrono-node's "assigned vs implied").
 */

export type Intent = 'visit' | 'profile' | 'command' | 'none';

export interface Span {
  /** UTF-16 offset into the original text. */
  index: number;
  text: string;
}

export interface Field<T> {
  value: T;
  span: Span;
  /** true when no text stated it and a default filled it in (e.g. date = today). */
  implied: boolean;
}

export type MealPeriod = '早市' | '午市' | '晚市' | '夜场';

export interface Birthday {
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
  year?: number;
}

export type Essential = 'customer' | 'amount';

export interface Reading {
  intent: Intent;
  customer?: Field<string>;
  /** For a command about a customer, the phone that names them (查 13800138000). */
  phone?: Field<string>;
  /** For a command about a customer: the last four digits of their phone (已回访 张总 2222). */
  phoneTail?: Field<string>;
  /** Business date of the visit, `YYYY-MM-DD`. */
  date?: Field<string>;
  mealPeriod?: Field<MealPeriod>;
  partySize?: Field<number>;
  /** Time of day as written, `HH:mm` (7点 → 07:00; booking code decides 19:00 from the period). */
  time?: Field<string>;
  /** How many tables (两桌). */
  tables?: Field<number>;
  /** Amount actually paid, yuan. */
  amount?: Field<number>;
  room?: Field<string>;
  occasion?: Field<string>;
  referrer?: Field<string>;
  companions?: Field<string>[];
  preferences?: Field<string>[];
  notes?: Field<string>[];
  bottles?: Field<string>[];
  birthday?: Field<Birthday>;
  company?: Field<string>;
  position?: Field<string>;
  /** WeChat id (微信 zhang123, 微信号:wx_lee88): a profile fact, never money. */
  wechat?: Field<string>;
  gender?: Field<'男' | '女'>;
  /**
   * A complaint the message carries (张总 投诉 菜太咸 → 菜太咸): alone it is the command
   * `complaint.record`; on a visit or a follow-up result it opens a case beside that record.
   */
  complaint?: Field<string>;
  /** For intent `command`: a stable name (e.g. `undo`, `amend`, `query.tier`) and its raw text. */
  command?: { name: string; text: string; standalone: boolean };
  /**
   * Values stated but impossible (amount ≤ 0 or absurdly large, 0 or 600 people, a phone that is
   * not a mobile number). Never copied into the fields above; the bot asks about them.
   */
  outOfRange?: { amount?: Field<number>; partySize?: Field<number>; phone?: Field<string> };
  /** Essentials a visit lacks; non-empty means the bot must ask before saving. */
  missing: Essential[];
  /** Several complete tables in one message, each to be recorded on its own. */
  several?: Reading[];
  /**
   * A table on a day still to come: never a visit. `dated` when only the date says so (褚总
   * 11月25日 3人 1800 written on the 21st: meant as a record), `booked` when booking words do
   * (王总订了明晚6人, 王总订了6人 with the day still to ask: a booking to record).
   */
  ahead?: 'dated' | 'booked';
  /** Several tables in one message that cannot be told apart cleanly: ask for one per message. */
  tangled?: boolean;
  /** 0..1: how sure the parser is that the intent and the essentials are right. */
  confidence: number;
}

export interface ParseOptions {
  now: Date;
  timeZone: string;
  /** `HH:mm` local time the business day rolls over (default store setting 05:00). */
  businessDayCutoff: string;
}
