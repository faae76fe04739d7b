/**
 * One pass that makes full-width input look like ASCII (２８００ → 2800, ：→ :, ￥ → ¥) while keeping
 * every character at the same UTF-16 offset, so spans found in the normalised text index the
 * original message directly. NFKC would be shorter to write but can change lengths. Traditional
 * characters become simplified ones the same way (text/script.ts).
 */
import { simplified } from '../text/script';

/** Anything this function would change; lets the common ASCII/CJK message skip the copy. */
const NEEDS_WORK = /[\uFF01-\uFF5E\u3000\uFFE5\u2013-\u2015\u2212\u00A0\t\r\v\f\u3002\u3001\uFF61]/;

export function normalise(text: string): string {
  return simplified(widthNormalised(text));
}

/** Full-width forms narrowed, the script left as typed (a room's name: 國賓閣 ５号 → 國賓閣 5号). */
export function widthNormalised(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  const out: string[] = new Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = String.fromCharCode(c === 0xff0c ? fullWidthComma(text, i) : mapChar(c));
  }
  return out.join('');
}

const WIDE_DIGIT = /[０-９]/;

/**
 * ， breaks a clause (4500，159 6550 8218 is ¥4,500 and a phone): it becomes ;, which every matcher
 * treats as the same break, so , keeps meaning 2,800. Between full-width digits (３，２８０, typed
 * with the keyboard in full-width mode) it groups thousands.
 */
function fullWidthComma(text: string, i: number): number {
  let before = 0;
  while (before < 4 && WIDE_DIGIT.test(text[i - 1 - before] ?? '')) before++;
  const grouping =
    before >= 1 &&
    before <= 3 &&
    WIDE_DIGIT.test(text[i + 1] ?? '') &&
    WIDE_DIGIT.test(text[i + 2] ?? '') &&
    WIDE_DIGIT.test(text[i + 3] ?? '') &&
    !WIDE_DIGIT.test(text[i + 4] ?? '');
  return grouping ? 0x2c : 0x3b;
}

function mapChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  switch (c) {
    case 0x3000: // ideographic space
    case 0x00a0:
    case 0x09:
    case 0x0b:
    case 0x0c:
    case 0x0d:
      return 0x20;
    case 0xffe5: // ￥
      return 0xa5;
    case 0x2013: // dashes people type between phone digit groups
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return 0x2d;
    case 0x3002: // 。 and ｡ end a clause; a space keeps them from looking like decimal points
    case 0xff61:
    case 0x3001: // 、 separates list items the same way
      return 0x20;
    default:
      return c;
  }
}
