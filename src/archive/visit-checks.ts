/**
 * Values no restaurant could have recorded: ¥0 or ¥-2800, a bill above ¥1,000,000, 0 or 600
 * people, a visit after today or more than a year ago, a phone that is not a mobile number.
 * Pure: the business date comes in as an argument. Each problem comes with the one short
 * question staff answer to fix it, so nothing is saved until the value is right.
 */
import { shortDate, yuan } from '../format/text';
import { LIMITS } from './amendment';

export type CheckedField = 'amount' | 'partySize' | 'businessDate' | 'phone';

export interface Problem {
  field: CheckedField;
  question: string;
}

export interface CheckedValues {
  amount?: number | null;
  partySize?: number | null;
  businessDate?: string;
  /** What staff wrote after 电话 when it is not a mobile number. */
  badPhone?: string;
}

/** The oldest business date a visit may have: the same day one year before `today`. */
export function oldestDate(today: string): string {
  return `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
}

export function problemOf(v: CheckedValues, today: string): Problem | undefined {
  if (v.badPhone !== undefined)
    return { field: 'phone', question: `电话${v.badPhone}不像手机号,请核对后整条再发一次` };
  if (v.amount != null && !(v.amount > 0 && v.amount <= LIMITS.maxAmount))
    return { field: 'amount', question: `金额${yuan(v.amount)}不对,请再发一次实际金额` };
  if (v.partySize != null && !(v.partySize >= 1 && v.partySize <= LIMITS.maxParty))
    return { field: 'partySize', question: `人数${v.partySize}人不对,请再发一次实际人数` };
  const date = v.businessDate;
  if (date && date > today)
    return {
      field: 'businessDate',
      question: `${shortDate(date, today)}还没到,请再发一次消费日期`,
    };
  if (date && date < oldestDate(today))
    return {
      field: 'businessDate',
      question: `${shortDate(date, today)}是一年多以前,只能记一年内的消费;请再发一次消费日期`,
    };
  return undefined;
}
