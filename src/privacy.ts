/**
 * Customer phone numbers are personal data (seed 001 第九条 保密制度): group chats and logs show
 * them masked as 138****5678.
 */

import { phonesIn } from './text/phones';

// A mainland mobile, allowing the separators staff type (spaces, dashes, dots) and +86: the one
// form the phone library does not read when dots separate the groups.
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s.-]?(\d{4})[\s.-]?(\d{4})(?!\d)/g;

/** 138****5678; +852 9123 4567 → +852****4567; a landline keeps its area code. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (digits.length < 7) return '****';
  const abroad = phone.trim().startsWith('+') && !/^1[3-9]\d{9}$/.test(digits);
  const head = abroad ? `+${digits.slice(0, 3)}` : digits.slice(0, 3);
  return `${head}****${digits.slice(-4)}`;
}

/** Mask every phone number inside free text. */
export function maskPhones(text: string): string {
  let out = text;
  for (const p of phonesIn(text).reverse())
    out = out.slice(0, p.start) + maskPhone(out.slice(p.start, p.end)) + out.slice(p.end);
  return out.replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}

/**
 * A group's 消息推送 webhook key (WeCom) is a secret: anyone holding it posts into the group.
 * It travels as `…/webhook/send?key=XXXX`, or bare after `本群推送` when an admin sets it.
 */
const WEBHOOK_KEY_PARAM = /([?&]key=)([^&\s"'<>]+)/gi;
const BARE_PUSH_KEY = /(本群推送[\s::]*)(?!关闭|关掉|取消)[A-Za-z0-9][\w-]{7,}/g;

/** `••••3f2a`: enough to tell two keys apart, too little to use one. */
export function maskKey(key: string): string {
  return `••••${key.slice(-4)}`;
}

/** Every webhook key inside free text, masked. */
export function maskWebhookKeys(text: string): string {
  return text
    .replace(WEBHOOK_KEY_PARAM, (_m, head: string, key: string) => `${head}${maskKey(key)}`)
    .replace(BARE_PUSH_KEY, (m, head: string) => `${head}${maskKey(m.slice(head.length))}`);
}

/** What may be kept or logged of a message someone typed: phones and webhook keys masked. */
export function maskPrivate(text: string): string {
  // Keys first: a key's digits could read as a phone and hide it from the key pattern.
  return maskPhones(maskWebhookKeys(text));
}
