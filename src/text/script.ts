/**
 * Traditional characters read as simplified ones (張總 is 张总, 消費 is 消费, 貳仟捌 is 贰仟捌), one
 * character for one, so every span found in the simplified text indexes the message as typed.
 * opencc-js (MIT; the OpenCC dictionaries) converts by phrase and by character; a message it would
 * lengthen or shorten is converted character by character instead.
 */
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 't', to: 'cn' });
/** Each character's simplified form; staff use a few hundred characters, so this stays small. */
const single = new Map<string, string>();
const MAX_REMEMBERED = 20_000;

function simplifiedChar(c: string): string {
  const known = single.get(c);
  if (known !== undefined) return known;
  const out = toSimplified(c);
  const s = out.length === c.length ? out : c;
  if (single.size < MAX_REMEMBERED) single.set(c, s);
  return s;
}

/** `text` in simplified characters, the same length; most messages come back as they were. */
export function simplified(text: string): string {
  let changed = false;
  for (let i = 0; i < text.length && !changed; i++)
    changed = text.charCodeAt(i) >= 0x3400 && simplifiedChar(text[i]) !== text[i];
  if (!changed) return text;
  const phrase = toSimplified(text);
  if (phrase.length === text.length) return phrase;
  let out = '';
  for (const c of text) out += c.length === 1 ? simplifiedChar(c) : c;
  return out;
}

/** The same name whatever the script it was typed in (張總 and 张总). */
export function sameName(a: string, b: string): boolean {
  return a === b || simplified(a) === simplified(b);
}
