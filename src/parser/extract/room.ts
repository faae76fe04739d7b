/**
 * The room or table: 牡丹厅, 3号包厢, V8, VIP2包间, 888包厢, 12号桌, A区8桌, 卡座12, 包间:兰亭.
 * Runs after names and dates so 王总牡丹厅 yields 牡丹厅, and before numbers so 3号包厢 is not a
 * head count.
 */
import { alternation, isHan, skipLeft, type ParseContext } from '../context';
import type { Draft } from '../draft';
import {
  BARE_NAME_LABELS,
  CLIPPED_ROOM_WORDS,
  NOT_IN_ROOM_NAMES,
  NAMED_ROOM_SUFFIXES,
  NOT_ROOMS,
  ROOM_LABELS,
  ROOM_WORDS,
  ROOM_WORDS_BEFORE_NUMBER,
} from '../lexicon/rooms';
import { AMOUNT_CUES, CN_DIGITS, CN_UNITS } from '../lexicon/numbers';
import { WordMatcher } from '../words';

const WORDS = alternation(ROOM_WORDS);
const CLIPPED = alternation(CLIPPED_ROOM_WORDS);
/** After the number: 3号包厢, 12桌, and 3号包 (a clipped word needs its 号). */
const NUMBERED = `(?:号?(?:${WORDS})|号(?:${CLIPPED}))`;
/** Numerals a room number is said in: the digits and 十 (二号包厢, 十二号桌). */
const CN_NUMERALS = [
  ...CN_DIGITS.keys(),
  ...[...CN_UNITS].filter(([, v]) => v === 10).map(([k]) => k),
];
/** Each pattern with the characters it cannot match without (a cheap test before the scan). */
const PATTERNS: readonly (readonly [RegExp, RegExp])[] = [
  // 包间:兰亭 / 桌号 12 — the label's value is the room.
  [
    /[包房桌台雅座位]/,
    new RegExp(`(?:${alternation(ROOM_LABELS)})\\s*[:=]\\s*([A-Za-z0-9\\u3400-\\u9fff]{1,8})`, 'g'),
  ],
  [
    /[包房桌台雅座位]/,
    new RegExp(
      `(?:${alternation(ROOM_LABELS)})\\s+([A-Za-z0-9\\u3400-\\u9fff]{1,6}(?:${alternation(NAMED_ROOM_SUFFIXES)}))`,
      'g',
    ),
  ],
  [/[Vv]/, /(?<![A-Za-z])(?:VIP|vip|Vip|V|v)\s?\d{1,3}(?:号)?(?:包厢|包间|房间|房|厅)?(?![\d])/g],
  [
    /区/,
    /(?<![A-Za-z0-9])(?:[A-Za-z]|[\u3400-\u9fff]{1,2})区\s?[A-Za-z]?\d{1,3}(?:号)?(?:桌|台|卡座|座)?/g,
  ],
  // 包间竹韵, 包厢 兰亭: a bare name that ends its clause; talk (包厢满了) is no name.
  [
    /[包雅]/,
    new RegExp(
      `(?<![\\u3400-\\u9fff])(?:${alternation(BARE_NAME_LABELS)})\\s?((?:(?![${NOT_IN_ROOM_NAMES}])[\\u3400-\\u9fff]){2,4})(?=$|[\\s,;!?])`,
      'g',
    ),
  ],
  // 卡座12, 包厢8: not a head count or a bill (包厢8人, 卡座3千).
  [
    /[卡包雅]/,
    new RegExp(
      `(?:${alternation(ROOM_WORDS_BEFORE_NUMBER)})\\s?[A-Za-z]?\\d{1,3}(?:号)?(?![\\d.人位个元块千万kKwW])`,
      'g',
    ),
  ],
  // Not the tail of a figure: 消费1w2 包厢 is ¥12,000 in a private room, not room 2.
  // Nor the tail of 2万6 卡座V5 (¥26,000, then the booth).
  [/\d/, new RegExp(`(?<![\\d.A-Za-z万千百])[A-Za-z]?\\d{1,4}\\s?${NUMBERED}`, 'g')],
  // 二号包厢, 十二号桌: a number said in words needs its 号 (两桌 counts tables).
  [/号/, new RegExp(`[${CN_NUMERALS.join('')}]{1,3}号(?:${WORDS}|${CLIPPED})`, 'g')],
];
const NAMED = new RegExp(`[\\u3400-\\u9fff]{1,6}?(?:${alternation(NAMED_ROOM_SUFFIXES)})`, 'g');
/** 存了一瓶轩尼诗: a count of bottles or glasses before the suffix; a brand, not a room. */
const COUNTED = /[\d一二两三四五六七八九十几半][瓶支箱杯坛扎罐听盒]/;
/** 3楼菊花厅, 二层兰亭阁: the floor comes before the room's name and is not part of it. */
const FLOOR = /[\d一二三四五六七八九十][楼层]$/;
/** 两桌20人 / 10人2桌 count tables; 12桌 on its own is table number 12. */
const TABLE_COUNT = /^\d+\s?桌$/;

/**
 * 消费2800 卡里还有, 4,680 包厢, 4680 包厢: a figure after a money cue or a thousands comma, or
 * of four digits, with a space before the room word, is the bill (888包厢 together stays a room).
 */
const MONEY_CUES = new WordMatcher(AMOUNT_CUES);

function isBill(text: string, start: number, matched: string): boolean {
  if (!/^\d+\s/.test(matched)) return false;
  const left = skipLeft(text, start, ' :=¥');
  const grouped = /\d,$/.test(text.slice(0, start)) && /^\d{3}(?!\d)/.test(text.slice(start));
  // 4680 包厢满了: four digits apart from the word are a bill; rooms are numbered 1 to 999.
  return grouped || /^\d{4}\s/.test(matched) || MONEY_CUES.endingAt(text, left) !== undefined;
}

/** Every room pattern needs one of these characters; most chatter has none. */
const HINT = /[包房厅桌台卡座间阁轩区Vv]/;

export function extractRoom(ctx: ParseContext, draft: Draft): void {
  if (!HINT.test(ctx.text)) return;
  for (const [hint, re] of PATTERNS) {
    if (!hint.test(ctx.text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
      const value = m[1] ?? m[0];
      const start = m.index + m[0].length - value.length;
      const end = m.index + m[0].length;
      if (
        !ctx.isFree(m.index, end) ||
        isBill(ctx.text, m.index, m[0]) ||
        (TABLE_COUNT.test(m[0]) && nextToPeople(ctx.text, m.index, end))
      )
        continue;
      ctx.claim(m.index, end);
      draft.roomSpans.push([m.index, end]);
      draft.room ??= ctx.field(ctx.typed(start, end).trim(), start, end);
    }
  }
}

function nextToPeople(text: string, start: number, end: number): boolean {
  return (
    /^\s?\d+\s?人/.test(text.slice(end, end + 6)) ||
    /人\s?$/.test(text.slice(Math.max(0, start - 2), start))
  );
}

/**
 * 牡丹厅: the Han run before 厅, cut at the first claimed or non-Han character. Runs after the
 * numbers, so 十四个人国宾厅 and 一万六望江阁 leave 国宾厅 and 望江阁. A run with no edge of its
 * own (喜欢靠窗芙蓉阁) keeps two characters before the suffix, the usual length of a room's name.
 */
export function extractNamedRoom(ctx: ParseContext, draft: Draft): void {
  if (!/[厅阁轩]/.test(ctx.text)) return;
  NAMED.lastIndex = 0;
  for (let m = NAMED.exec(ctx.text); m; m = NAMED.exec(ctx.text)) {
    const end = m.index + m[0].length;
    let start = end - 1;
    while (
      start > 0 &&
      end - start < 5 &&
      isHan(ctx.text[start - 1]) &&
      !ctx.claimed[start - 1] &&
      !FLOOR.test(ctx.text.slice(Math.max(0, start - 3), start))
    )
      start--;
    const edged = start === 0 || !isHan(ctx.text[start - 1]) || ctx.claimed[start - 1] === 1;
    if (!edged && end - start > 3) start = end - 3;
    if (end - start < 2 || !ctx.isFree(start, end)) continue;
    // Keep the run short: 在牡丹厅 → 牡丹厅; 2800元牡丹厅 → 牡丹厅 (元/块 end the amount).
    if (end - start > 3 && /^[在去到坐于订是的元块]/.test(ctx.text[start])) start++;
    const word = ctx.text.slice(start, end);
    if (NOT_ROOMS.has(word) || COUNTED.test(word)) continue;
    ctx.claim(start, end);
    draft.roomSpans.push([start, end]);
    // The room as typed (國賓閣 stays 國賓閣), like a customer's name.
    draft.room ??= ctx.field(ctx.typed(start, end), start, end);
  }
}
