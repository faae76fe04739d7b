/**
 * Chinese mobile numbers: 1[3-9] + 9 digits, with optional +86/86 and spaces or dashes between
 * digit groups (139 1234 5678, 138-0013-8000). Runs first so no other extractor reads the digits.
 */
import type { ParseContext } from '../context';
import type { Draft } from '../draft';

const PHONE = /(?<![\d.])(?:\+?86[ -]?)?(1[3-9]\d(?:[ -]?\d){8})(?![\d.])/g;

export function extractPhone(ctx: ParseContext, draft: Draft): void {
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(ctx.text); m; m = PHONE.exec(ctx.text)) {
    const end = m.index + m[0].length;
    ctx.claim(m.index, end);
    if (!draft.phone) draft.phone = ctx.field(m[1].replace(/[ -]/g, ''), m.index, end);
  }
  notAPhone(ctx, draft);
}

/**
 * Digits staff labelled as a phone: 电话12345 is a wrong number to ask about, not ¥12,345. No
 * spaces inside: a real number with spaces was already found above, and 电话12345 4人 is two things.
 */
const LABELLED =
  /(?:电话|手机号?|联系方式|tel|TEL|Tel)\s*(?:号码|号)?\s*[::]?\s*(\+?\d[\d-]*\d|\d)/g;

function notAPhone(ctx: ParseContext, draft: Draft): void {
  LABELLED.lastIndex = 0;
  for (let m = LABELLED.exec(ctx.text); m; m = LABELLED.exec(ctx.text)) {
    const end = m.index + m[0].length;
    const start = end - m[1].length;
    if (!ctx.isFree(start, end)) continue;
    ctx.claim(start, end);
    draft.outOfRange.phone ??= ctx.field(m[1], start, end);
  }
}
