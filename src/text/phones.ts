/**
 * Phone numbers inside free text, with libphonenumber-js (MIT; Google's libphonenumber metadata):
 * mainland mobiles however they are typed (139 1234 5678, 138-0013-8000, +86…), landlines with
 * their area code (010-62345678), and Hong Kong, Macau and Taiwan numbers (+852 9123 4567). The
 * parser, the privacy mask and the sheet import read phones only through here.
 */
import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface PhoneHit {
  /** Mainland: the digits as dialled at home (13800138000, 01062345678); elsewhere +852…. */
  value: string;
  start: number;
  end: number;
}

/** A run of at least seven digits, spaces and dashes allowed: the only text worth the search. */
const HINT = /\d(?:[\s-]?\d){6}/;

/** How a number is kept: what staff dial for a mainland number, the + form for any other. */
function stored(n: {
  country?: string;
  nationalNumber: string;
  number: string;
  getType(): unknown;
}) {
  if (n.country !== 'CN') return n.number;
  return n.getType() === 'MOBILE' ? n.nationalNumber : `0${n.nationalNumber}`;
}

/** Digit runs as staff type them, separators inside. */
const RUN = /\d(?:[\s-]?\d)*/g;
const PLAIN_MOBILE = /^1[3-9]\d{9}$/;

/**
 * The library takes ~100 µs a message: most phones are 11 plain digits (13800138000), read here
 * directly; anything else (separators, +852, a landline) goes to the library.
 */
function plainMobiles(text: string): PhoneHit[] | undefined {
  if (text.includes('+')) return undefined;
  const out: PhoneHit[] = [];
  for (const m of text.matchAll(RUN)) {
    if (m[0].replace(/\D/g, '').length < 7) continue;
    if (!PLAIN_MOBILE.test(m[0])) return undefined;
    out.push({ value: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function phonesIn(text: string): PhoneHit[] {
  if (!HINT.test(text)) return [];
  return (
    plainMobiles(text) ??
    findPhoneNumbersInText(text, { defaultCountry: 'CN' })
      .filter((f) => f.number.isValid())
      .map((f) => ({ value: stored(f.number), ...digitsOnly(text, f.startsAt, f.endsAt) }))
  );
}

/** The library's span may take in a bracket around the number (郑总(139 1234 5678)). */
function digitsOnly(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && !/[\d+]/.test(text[s])) s++;
  while (e > s && !/\d/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** One number as staff typed it in a cell or a command, or undefined when it is none. */
export function readPhone(text: string): string | undefined {
  const n = parsePhoneNumberFromString(text.trim(), 'CN');
  return n?.isValid() ? stored(n) : undefined;
}
