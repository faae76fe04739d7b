/**
 * Lexicon lists are written as space-separated text so a table of 60 words reads as a paragraph,
 * not 60 lines. These helpers turn that text into the arrays and maps the extractors use.
 */

/** `'生日宴 婚宴 家宴'` → `['生日宴', '婚宴', '家宴']`. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** `'一家三口=3 夫妻俩=2'` → Map { 一家三口 → 3, 夫妻俩 → 2 }. */
export function numbersByWord(text: string): Map<string, number> {
  return new Map(words(text).map((pair) => split(pair, Number)));
}

/** `'过生日=生日宴 喜宴=婚宴'` → Map { 过生日 → 生日宴, 喜宴 → 婚宴 }. */
export function labelsByWord<T extends string = string>(text: string): Map<string, T> {
  return new Map(words(text).map((pair) => split(pair, (v) => v as T)));
}

function split<T>(pair: string, convert: (v: string) => T): [string, T] {
  const i = pair.lastIndexOf('=');
  return [pair.slice(0, i), convert(pair.slice(i + 1))];
}
