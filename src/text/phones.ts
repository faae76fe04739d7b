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
const RUN = /(?:\+86[\s-]?)?\d(?:[\s-]?\d)*/g;
/** 13800138000, 138-0013-8000, 138 0013 8000: one mobile, grouped 3-4-4 or not at all. */
const PLAIN_MOBILE = /^1[3-9]\d(?:\d{8}|([\s-])\d{4}\1\d{4})$/;

/** A + that dials abroad (+852, +86), not one that adds (4+2人). */
const INTERNATIONAL = /(?:(?<![\d\s])\s*|^)\+\s?(?!86)\d/;

/**
 * The library takes ~100 µs a message: most phones are one mobile, plain or grouped 3-4-4, read
 * here directly; anything else (+852, a landline, digits run together) goes to the library.
 */
function plainMobiles(text: string): PhoneHit[] | undefined {
  if (text.includes('+') && INTERNATIONAL.test(text)) return undefined;
  const out: PhoneHit[] = [];
  for (const m of text.matchAll(RUN)) {
    if (m[0].replace(/\D/g, '').length < 7) continue;
    const hit = mobileIn(m[0]);
    if (!hit && !dialable(m[0])) continue;
    if (!hit) return undefined;
    const start = m.index + hit.at;
    const value = hit.text.slice(hit.cc ?? 0).replace(/\D/g, '');
    out.push({ value, start, end: start + hit.text.length });
  }
  return out;
}

/**
 * Could the library find a number in this run? Only with an area code (a part starting with 0),
 * a +, or the head of a grouped mobile (139 …): 25000 12人 and 18000 5-28 are a bill beside a
 * party or a date, and 138001380003人 (a mobile run into a head count) no library can split.
 */
function dialable(run: string): boolean {
  return run
    .split(/[\s-]/)
    .some((p) => p[0] === '0' || p[0] === '+' || /^(?:(?:00)?86)?1[3-9]\d(?:$|\d{8}$)/.test(p));
}

function mobileIn(typed: string): { text: string; at: number; cc?: number } | undefined {
  // +86 138 0013 8000: the country code is kept in the span (masked with it), not in the value.
  const cc = /^\+86[\s-]?/.exec(typed)?.[0].length ?? 0;
  const hit = mobileAfterCode(typed.slice(cc));
  if (!hit || !cc) return hit;
  return hit.at === 0
    ? { text: typed.slice(0, cc) + hit.text, at: 0, cc }
    : { ...hit, at: hit.at + cc };
}

/**
 * 13800138000 3人 and 2800 138 0013 8000 run together: one mobile among short figures (a bill, a
 * head count), each part apart from it by a space.
 */
function mobileAfterCode(run: string): { text: string; at: number } | undefined {
  if (PLAIN_MOBILE.test(run)) return { text: run, at: 0 };
  const parts = [...run.matchAll(/\S+/g)];
  for (let k = 0; k < parts.length; k++) {
    for (const width of [1, 3]) {
      const last = parts[k + width - 1];
      if (!last) continue;
      const text = run.slice(parts[k].index, last.index + last[0].length);
      if (!PLAIN_MOBILE.test(text)) continue;
      const rest = [...parts.slice(0, k), ...parts.slice(k + width)];
      if (rest.every((p) => p[0].replace(/\D/g, '').length <= 6))
        return { text, at: parts[k].index };
    }
  }
  return undefined;
}

export function phonesIn(text: string): PhoneHit[] {
  if (!HINT.test(text)) return [];
  return (
    plainMobiles(text) ??
    findPhoneNumbersInText(text, { defaultCountry: 'CN' })
      .filter((f) => f.number.isValid() && dialled(text, f))
      .map((f) => ({ value: stored(f.number), ...digitsOnly(text, f.startsAt, f.endsAt) }))
  );
}

/** 电话, 手机, tel … within a few characters before a number. */
const LABEL = /(?:电话|手机|座机|号码|联系|tel|Tel|TEL|☎|📞)[^\d]{0,4}$/;

/**
 * Mobiles are unmistakable; any other number must be dialled as one: its area code's 0, a +, or a
 * label before it. 9.17 13000 17 is a date, a bill and a party, not the Shaanxi number 0917-1300017.
 */
function dialled(text: string, f: { startsAt: number; number: { getType(): unknown } }): boolean {
  if (f.number.getType() === 'MOBILE') return true;
  const first = text.slice(f.startsAt).match(/[\d+]/)?.[0];
  return (
    first === '0' ||
    first === '+' ||
    LABEL.test(text.slice(Math.max(0, f.startsAt - 8), f.startsAt))
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
