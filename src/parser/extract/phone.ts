/**
 * Phone numbers (text/phones.ts: mobiles however typed, landlines with an area code, +852/+853/
 * +886). Runs first, so a phone's digits never become money or people: 1580 159-1234-5678 is
 * ¥1,580 and a phone.
 */
import type { ParseContext } from '../context';
import type { Draft } from '../draft';
import { phonesIn } from '../../text/phones';

export function extractPhone(ctx: ParseContext, draft: Draft): void {
  for (const p of phonesIn(ctx.text)) {
    ctx.claim(p.start, p.end);
    draft.phone ??= ctx.field(p.value, p.start, p.end);
  }
  notAPhone(ctx, draft);
  weChat(ctx, draft);
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

/**
 * 微信 zhang123 / 微信号:wx_lee88 / wx: Lee-1988: a WeChat id (6–20 letters, digits, _ or -, a
 * letter first), so its digits are never money. A WeChat that is a phone number was read above.
 */
const WECHAT =
  /(?:微信号?|wechat|WeChat|wx|WX)\s*(?:号)?\s*[:=]?\s*([A-Za-z][-_A-Za-z0-9]{5,19})(?![-_A-Za-z0-9])/g;

function weChat(ctx: ParseContext, draft: Draft): void {
  if (!/微信|wechat|wx/i.test(ctx.text)) return;
  WECHAT.lastIndex = 0;
  for (let m = WECHAT.exec(ctx.text); m; m = WECHAT.exec(ctx.text)) {
    const end = m.index + m[0].length;
    if (!ctx.isFree(m.index, end)) continue;
    ctx.claim(m.index, end);
    draft.wechat ??= ctx.field(m[1], end - m[1].length, end);
  }
}
