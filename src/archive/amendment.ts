/**
 * What `改成3200`, `金额改为3880`, `人数改5`, `日期改昨天`, `包间改成牡丹厅` ask to change. Pure:
 * the clock comes in with the options. A value a restaurant could not have recorded is refused.
 */
import { readAmount, readDate, readPartySize } from '../parser';
import type { ParseOptions } from '../parser/reading';
import type { AmendField } from './corrections';

export interface Amendment {
  field: AmendField;
  value: string | number;
}

export const LIMITS = { maxAmount: 1_000_000, maxParty: 500 };

const FIELD_WORDS: [AmendField, RegExp][] = [
  ['amount', /金额|消费|钱|价格|实收/],
  ['partySize', /人数|几位|几个人|人头/],
  ['businessDate', /日期|日子|哪天|时间/],
  ['room', /包间|包厢|房间|桌号|台号|厅/],
];

/** The part after 改成 / 改为 / 改: where the new value is. */
function newValuePart(text: string): string {
  const m = /改(?:成|为|到)?[::]?\s*(.*)$/s.exec(text);
  return (m ? m[1] : text).trim();
}

export function readAmendment(text: string, opts: ParseOptions): Amendment | { error: string } {
  const value = newValuePart(text);
  const before = text.slice(0, text.length - value.length);
  const named = FIELD_WORDS.find(([, re]) => re.test(before))?.[0];
  const field = named ?? guessField(value, opts);
  if (!field) return { error: '要改什么?例如:改成3200、人数改5、日期改昨天' };
  if (field === 'amount') {
    const amount =
      readAmount(value)?.value ?? (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : undefined);
    if (amount === undefined) return { error: '金额没看懂,例如:金额改为3880' };
    if (amount <= 0 || amount > LIMITS.maxAmount)
      return { error: `金额应在 ¥1 到 ¥${LIMITS.maxAmount.toLocaleString('en-US')} 之间` };
    return { field, value: amount };
  }
  if (field === 'partySize') {
    const n = readPartySize(value)?.value;
    if (n === undefined || n < 1 || n > LIMITS.maxParty)
      return { error: `人数应在 1 到 ${LIMITS.maxParty} 之间,例如:人数改5` };
    return { field, value: n };
  }
  if (field === 'businessDate') {
    const date = readDate(value, opts);
    if (!date || date.implied) return { error: '日期没看懂,例如:日期改昨天、日期改11月20日' };
    return { field, value: date.value };
  }
  return value ? { field, value } : { error: '包间改成哪个?例如:包间改成牡丹厅' };
}

/** `改成3200` names no field: a number big enough to be money is the amount, `5人` is people. */
function guessField(value: string, opts: ParseOptions): AmendField | undefined {
  if (/[人位]/.test(value) && readPartySize(value)) return 'partySize';
  const date = readDate(value, opts);
  if (date && !date.implied) return 'businessDate';
  if (readAmount(value) || /^\d+(\.\d+)?$/.test(value)) return 'amount';
  return undefined;
}
