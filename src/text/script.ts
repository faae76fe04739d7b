/**
 * Traditional characters read as simplified ones (張總 is 张总, 消費 is 消费, 貳仟捌 is 贰仟捌), one
 * character for one, so every span found in the simplified text indexes the message as typed.
 * opencc-js (MIT; the OpenCC dictionaries) converts by phrase and by character; a message it would
 * lengthen or shorten is converted character by character instead.
 */
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 't', to: 'cn' });
/**
 * Each BMP character's simplified code, filled as characters are first seen (0: not yet asked).
 * 128 KB, looked up by code: the parser asks for every character of every message.
 */
const single = new Uint16Array(0x10000);

function simplifiedCode(code: number): number {
  const known = single[code];
  if (known !== 0) return known;
  const c = String.fromCharCode(code);
  const out = toSimplified(c);
  const s = out.length === 1 ? out.charCodeAt(0) : code;
  single[code] = s;
  return s;
}

/** `text` in simplified characters, the same length; most messages come back as they were. */
export function simplified(text: string): string {
  let changed = false;
  for (let i = 0; i < text.length && !changed; i++) {
    const code = text.charCodeAt(i);
    changed = code >= 0x3400 && simplifiedCode(code) !== code;
  }
  if (!changed) return text;
  const phrase = toSimplified(text);
  if (phrase.length === text.length) return phrase;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Surrogate halves pass through: the table holds single UTF-16 units only.
    out += code >= 0xd800 && code <= 0xdfff ? text[i] : String.fromCharCode(simplifiedCode(code));
  }
  return out;
}

/** The same name whatever the script it was typed in (張總 and 张总). */
export function sameName(a: string, b: string): boolean {
  return a === b || simplified(a) === simplified(b);
}
