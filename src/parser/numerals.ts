/**
 * Numbers as staff type them: 2800, 2,800.00, 2.8k, 1.2万, 1w2, 4千2, 两千八, 三千二百八十, 八百八.
 * One scanner finds each run; one evaluator turns it into a value.
 */
import { APPROXIMATE_PAIRS, CN_DIGITS, CN_UNITS } from './lexicon/numbers';

export interface NumberToken {
  start: number;
  end: number;
  value: number;
  /** Written only in Arabic digits (possibly with grouping commas and decimals). */
  arabic: boolean;
  /** Contains a magnitude (十百千万/k/w): 两千八, 1.2万. */
  scaled: boolean;
  /** A rough figure (五六个, 七八千): `value` is its upper end. */
  approximate: boolean;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** One flag per UTF-16 code: is it a Chinese digit? Asked for nearly every character read. */
const CN_DIGIT_CODES = new Uint8Array(65536);
for (const d of CN_DIGITS.keys()) CN_DIGIT_CODES[d.charCodeAt(0)] = 1;

function isCnDigit(c: string | undefined): boolean {
  return c !== undefined && CN_DIGIT_CODES[c.charCodeAt(0)] === 1;
}

function isLatin(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/**
 * `,` after one to three digits and before exactly three: a thousands separator (2,800,000), not a
 * list comma (4500,159 6550 8218 is a bill and a phone).
 */
function isGrouping(text: string, j: number): boolean {
  let before = 0;
  while (before < 4 && isDigit(text[j - 1 - before])) before++;
  return (
    before <= 3 &&
    isDigit(text[j + 1]) &&
    isDigit(text[j + 2]) &&
    isDigit(text[j + 3]) &&
    !isDigit(text[j + 4])
  );
}

/** A k/K/w/W is a unit only inside a number run and not the start of a word (2.8k, 1w2; not 2kevin). */
function isLatinUnitAt(text: string, i: number): boolean {
  const c = text[i];
  if (c !== 'k' && c !== 'K' && c !== 'w' && c !== 'W') return false;
  return !isLatin(text[i + 1]) && !isLatin(text[i - 1]);
}

/** 2 万, 3 千: one space between a figure and its magnitude (phone keyboards put it there). */
function spacedUnit(text: string, j: number): boolean {
  const u = text[j + 1];
  if (!(isDigit(text[j - 1]) || isCnDigit(text[j - 1])) || !CN_UNITS.has(u)) return false;
  // 2万2 K8卡座: a letter with digits after it is a code (K8, W3), not a magnitude.
  return u > '\u00ff' ? u !== '十' : isLatinUnitAt(text, j + 1) && !isDigit(text[j + 2]);
}

/** 1万零800, 3千零8: 零 after a magnitude, then Arabic digits for the units below it. */
function zeroAfterUnit(text: string, z: number): boolean {
  return CN_DIGITS.get(text[z]) === 0 && z > 0 && CN_UNITS.has(text[z - 1]);
}

/**
 * Reads the number run starting at `i`, or undefined when nothing numeric starts there. `value` is
 * NaN when the run has no sensible value.
 */
export function readNumberAt(text: string, i: number): NumberToken | undefined {
  let j = i;
  let arabic = true;
  let scaled = false;
  const n = text.length;
  while (j < n) {
    const c = text[j];
    // Arabic and Chinese digits meet only across a magnitude (4千2, 一万2): 2800四位 is ¥2,800
    // and four people, 920一行9人 is ¥920 and a party of nine.
    const prev = text[j - 1];
    if (isDigit(c)) {
      if (j > i && isCnDigit(prev) && !zeroAfterUnit(text, j - 1)) break;
      j++;
    } else if (c === ' ' && j > i && spacedUnit(text, j)) j++;
    else if (c === ',' && isDigit(prev) && isGrouping(text, j)) j++;
    else if (c === '.' && isDigit(prev) && isDigit(text[j + 1])) j++;
    else if (isCnDigit(c)) {
      if (j > i && (isDigit(prev) || isLatin(prev))) break; // 3.1k两位: the k ends the figure
      arabic = false;
      j++;
    } else if (
      (c > '\u00ff' || c === 'k' || c === 'K' || c === 'w' || c === 'W') &&
      CN_UNITS.has(c) &&
      (c > '\u00ff' || isLatinUnitAt(text, j))
    ) {
      // 十 may lead (十二); other units only after a digit (千万别放辣 is not a number). Nobody
      // writes 2十: after Arabic digits 十 starts a new number (2200十六位).
      if (j === i && c !== '十') break;
      if (c === '十' && j > i && isDigit(prev)) break;
      arabic = false;
      scaled = true;
      j++;
    } else break;
  }
  if (j === i) return undefined;
  const approximate = isApproximate(text, i, j);
  // NaN (a 100-digit run, a lone unit) still reports its end so callers skip the whole run.
  const run = text.slice(approximate ? i + 1 : i, j).replace(/ /g, '');
  const value = evaluate(run) ?? Number.NaN;
  return { start: i, end: j, value, arabic, scaled, approximate };
}

/** 五六个人, 七八千: the run opens with a pair of neighbouring numerals and no third follows. */
function isApproximate(text: string, i: number, j: number): boolean {
  return j - i >= 2 && APPROXIMATE_PAIRS.has(text.slice(i, i + 2)) && !isCnDigit(text[i + 2]);
}

/**
 * Value of a run mixing Arabic digits, Chinese digits and magnitudes. A digit after the last
 * magnitude is elliptical for one step below it: 两千八 = 2800, 八百八 = 880, 1w2 = 12000.
 */
export function evaluate(run: string): number | undefined {
  let total = 0;
  let section = 0;
  let num: number | undefined;
  let lastUnit = 0;
  let afterUnit = false;
  let i = 0;
  while (i < run.length) {
    const c = run[i];
    if (isDigit(c)) {
      let j = i;
      while (j < run.length && (isDigit(run[j]) || run[j] === ',' || run[j] === '.')) j++;
      num = Number(run.slice(i, j).replace(/,/g, ''));
      if (!Number.isFinite(num)) return undefined;
      i = j;
      continue;
    }
    const d = CN_DIGITS.get(c);
    if (d !== undefined) {
      if (d === 0) afterUnit = false; // 一千零八: the 8 is units, not hundreds
      num = num !== undefined && !afterUnit && d !== 0 ? num * 10 + d : d === 0 ? num : d;
      i++;
      continue;
    }
    const u = CN_UNITS.get(c);
    if (u === undefined) return undefined;
    if (u === 10000) {
      total = (total + section + (num ?? (section ? 0 : 1))) * 10000;
      section = 0;
    } else {
      section += (num ?? 1) * u;
    }
    num = undefined;
    lastUnit = u;
    afterUnit = true;
    i++;
  }
  if (num !== undefined) {
    section += afterUnit && lastUnit >= 100 ? (num * lastUnit) / 10 : num;
  }
  const value = total + section;
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : undefined;
}

/** Can a number run start at text[i]? */
export function startsNumber(text: string, i: number): boolean {
  const c = text[i];
  return isDigit(c) || isCnDigit(c) || c === '十';
}
