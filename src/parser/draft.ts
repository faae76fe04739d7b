/**
 * What the extractors found before the combiner decides what the message is. Extractors fill it
 * in order; refiners and the combiner read it. Internal to the parser.
 */
import type { Birthday, Field, MealPeriod } from './reading';

export type NameKind = 'titled' | 'nickname' | 'full' | 'english' | 'loose';
export type NameRole = 'customer' | 'referrer' | 'companion' | 'other';

export interface NameHit {
  start: number;
  end: number;
  name: string;
  kind: NameKind;
  title?: string;
  role: NameRole;
}

export type AmountKind =
  'paid' | 'cued' | 'currency' | 'scaled' | 'perPerson' | 'original' | 'bare';

export interface AmountHit {
  start: number;
  end: number;
  value: number;
  kind: AmountKind;
}

export interface DateHit {
  start: number;
  end: number;
  iso: string;
  /** After today's business date: a booking, not a visit. */
  future: boolean;
  /** Said inside a customer's reported plan (张总说周六过来): the day of a table still to come. */
  reported?: boolean;
}

export interface Draft {
  phone?: Field<string>;
  /** For a command about a customer: the last four digits of their phone (尾号8000). */
  phoneTail?: Field<string>;
  date?: DateHit;
  mealPeriod?: Field<MealPeriod>;
  /** `HH:mm` as written (7点 → 07:00): its half of the day is resolved with the meal period. */
  time?: Field<string>;
  /** 两桌: how many tables a booking takes. */
  tables?: Field<number>;
  birthday?: Field<Birthday>;
  names: NameHit[];
  room?: Field<string>;
  /** Every room or table the message mentions (8号桌改成12人 talks about a table). */
  roomSpans: [number, number][];
  partySize?: Field<number>;
  amounts: AmountHit[];
  occasion?: Field<string>;
  companions: Field<string>[];
  preferences: Field<string>[];
  notes: Field<string>[];
  bottles: Field<string>[];
  company?: Field<string>;
  position?: Field<string>;
  wechat?: Field<string>;
  gender?: Field<'男' | '女'>;
  command?: CommandHit;
  /** What the customer complained of (extract/complaint.ts), as said: 菜太咸. */
  complaint?: Field<string>;
  /**
   * Values staff clearly stated that no restaurant could have recorded (消费0, 消费-2800, 0人,
   * 600人, 电话12345): kept apart so the bot can question them instead of silently dropping them.
   */
  outOfRange: OutOfRange;
}

export interface CommandHit {
  name: string;
  text: string;
  /**
   * The message is nothing but the command in its own form (撤销, 撤销 张总, 改成3200, 本周A类客户),
   * not a sentence that happens to hold its word (撤销刚才那个菜): in a group, only such a message
   * runs a command unless the bot is @-mentioned.
   */
  standalone: boolean;
  /** The command acts on one customer: a phone in it names them (lexicon rule `customer`). */
  aboutCustomer?: boolean;
}

export interface OutOfRange {
  amount?: Field<number>;
  partySize?: Field<number>;
  /** The digits after 电话/手机 that are not a mobile number. */
  phone?: Field<string>;
}

export function emptyDraft(): Draft {
  return {
    names: [],
    amounts: [],
    roomSpans: [],
    companions: [],
    preferences: [],
    notes: [],
    bottles: [],
    outOfRange: {},
  };
}
