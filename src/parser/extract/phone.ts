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
}
