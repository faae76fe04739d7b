/**
 * A generated corpus of staff messages whose reading is known by construction: every surname of
 * the parser's table × titles × field orders × amount, party and date forms × punctuation,
 * spacing, full-width digits, emoji and traditional script. Seeded, so a run is reproducible; the
 * ground truth comes from the values the generator chose, never from the parser.
 *
 * The forms are written here from how staff write (DOMAIN.md), not copied from the parser's
 * lexicon: when the parser misses one, that is a finding, not a generator bug.
 */
import { Converter } from 'opencc-js/cn2t';
import { COMPOUND_SURNAMES, SURNAMES } from '../../src/parser/lexicon/surnames';
import { prng } from '../bench/prng';
import { amountForm, partyForm } from './numbers';
import { dateForm } from './dates';

export interface Expected {
  intent: 'visit' | 'profile';
  customer: string;
  /** How the customer is named: 张总 (titled), 张建国 (full) or Tony (english). */
  nameKind: NameKind;
  amount?: number;
  partySize?: number;
  /** Business date, yyyy-mm-dd. */
  date?: string;
  room?: string;
  phone?: string;
}

export interface CorpusRow {
  text: string;
  /** The moment the message was sent (ISO with offset, store zone Asia/Shanghai, cut-off 05:00). */
  now: string;
  expect: Expected;
}

export type Pick = <T>(xs: readonly T[]) => T;
export interface Dice {
  pick: Pick;
  chance: (p: number) => boolean;
  int: (lo: number, hi: number) => number;
}

/** Titles as staff use them after a surname; 生/太 (Cantonese) go with common surnames only. */
const TITLES = [
  ...'总 总监 总裁 董 董事长 总经理 经理 老板 老板娘 主任 局长 处长 行长 院长 校长'.split(' '),
  ...'老师 教授 医生 律师 先生 女士 小姐 太太 姐 大姐 哥 大哥 叔 阿姨'.split(' '),
];
const CANTONESE_TITLES = ['生', '太'];
/** 2020 census's most common surnames, the ones Cantonese titles are heard with. */
const COMMON = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈',
];
const GIVEN = [
  ...'伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 霞 刚 辉 鹏 红 玲'.split(' '),
  ...'建国 建华 志强 秀英 桂英 海燕 晓东 文博 子涵 浩然 雨桐 嘉怡 俊杰 思远 佳琪 国强 丽华 宇航 欣怡'.split(
    ' ',
  ),
];
const ENGLISH = ['Tony', 'Amy', 'David', 'Kevin', 'Linda', 'Jason', 'Coco', 'Michael', 'Grace'];
const ROOM_WORDS = ['牡丹', '芙蓉', '兰亭', '梅花', '国宾', '富贵', '聚贤', '望江', '紫荆', '锦绣'];
const EXTRAS = [
  '不吃辣',
  '喜欢靠窗',
  '很满意',
  '生日宴',
  '存了一瓶茅台',
  '带了两瓶红酒',
  '朋友聚会',
  '老客户了',
  '菜有点咸',
];
const NOTES = ['不吃香菜', '喜欢靠窗的位置', '爱喝茅台', '对海鲜过敏', '口味偏淡', '不喝酒'];
const EMOJI = ['👍', '🎉', '😊', '🙏', '✅', '🍷'];
/** Between fields: a space most often, none, commas (ASCII and full-width), 、, a new line. */
const SEPARATORS = [' ', ' ', ' ', ' ', '', '', ',', '，', '，', '  ', '、', '\n', ' , '];
const MOBILE_PREFIXES = [
  ...'130 131 132 133 135 136 137 138 139 150 151 152 155 156 157 158 159 166 176 177 180 181 182 186 187 188 189 199'.split(
    ' ',
  ),
];

const toTraditional = Converter({ from: 'cn', to: 'hk' });

export function generateCorpus(count: number, seed = 20261202): CorpusRow[] {
  const rnd = prng(seed);
  const dice: Dice = {
    pick: (xs) => xs[Math.floor(rnd() * xs.length)],
    chance: (p) => rnd() < p,
    int: (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)),
  };
  const surnames = [...SURNAMES, ...COMPOUND_SURNAMES];
  const out: CorpusRow[] = [];
  for (let i = 0; out.length < count; i++) {
    // Walk the whole surname table in order, so every surname appears once per pass.
    const surname = surnames[i % surnames.length];
    out.push(dice.chance(0.85) ? visit(dice, surname) : profile(dice, surname));
  }
  return out;
}

function visit(d: Dice, surname: string): CorpusRow {
  const now = moment(d);
  const name = customerName(d, surname);
  const amount = d.pick([d.int(3, 300) * 10, d.int(3, 60) * 100, d.int(10, 30) * 1000]);
  const party = d.int(1, 20);
  const date = dateForm(d, now.local);
  const fields = [amountForm(d, amount), partyForm(d, party)];
  if (date.text) fields.push(date.text);
  const room = d.chance(0.35) ? roomName(d) : undefined;
  if (room) fields.push(room);
  const phone = d.chance(0.15) ? mobile(d) : undefined;
  if (phone) fields.push(phoneForm(d, phone));
  if (d.chance(0.2)) fields.push(d.pick(EXTRAS));
  shuffle(d, fields);
  // The customer leads most messages; a titled or English name may also come after the day.
  const parts = name.full || d.chance(0.8) ? [name.text, ...fields] : [...fields, name.text];
  const expect: Expected = {
    intent: 'visit',
    customer: name.text,
    nameKind: name.kind,
    amount,
    partySize: party,
    date: date.iso,
    room,
    phone,
  };
  return dress(d, join(d, parts, name.full), now.iso, expect);
}

function profile(d: Dice, surname: string): CorpusRow {
  const now = moment(d);
  const name = customerName(d, surname);
  const phone = d.chance(0.4) ? mobile(d) : undefined;
  const note = phone ? `电话${phoneForm(d, phone, true)}` : d.pick(NOTES);
  return dress(d, join(d, [name.text, note], name.full), now.iso, {
    intent: 'profile',
    customer: name.text,
    nameKind: name.kind,
    phone,
  });
}

export type NameKind = 'titled' | 'full' | 'english';

interface Name {
  text: string;
  kind: NameKind;
  /** A full or English name (张建国, Tony) is read only where a name is expected: the start. */
  full: boolean;
}

function customerName(d: Dice, surname: string): Name {
  const r = d.int(0, 99);
  if (r < 8) return { text: d.pick(ENGLISH), kind: 'english', full: true };
  if (r < 28) return { text: surname + d.pick(GIVEN), kind: 'full', full: true };
  const cantonese = r < 35 && COMMON.includes(surname);
  const title = cantonese ? d.pick(CANTONESE_TITLES) : d.pick(TITLES);
  return { text: surname + title, kind: 'titled', full: false };
}

function roomName(d: Dice): string {
  const k = d.int(1, 30);
  return d.pick([
    `${d.pick(ROOM_WORDS)}厅`,
    `${d.pick(ROOM_WORDS)}阁`,
    `${k}号包厢`,
    `${k}号包间`,
    `${k}号桌`,
    `V${k}`,
    `VIP${k}`,
    `A区${k}桌`,
    `卡座${k}`,
  ]);
}

function mobile(d: Dice): string {
  let s = d.pick(MOBILE_PREFIXES);
  while (s.length < 11) s += String(d.int(0, 9));
  return s;
}

function phoneForm(d: Dice, phone: string, labelled = false): string {
  const grouped = (sep: string) =>
    `${phone.slice(0, 3)}${sep}${phone.slice(3, 7)}${sep}${phone.slice(7)}`;
  const body = d.pick([phone, phone, grouped('-'), grouped(' '), `+86 ${phone}`, `+86${phone}`]);
  return labelled ? body : d.pick([body, `电话${body}`, `手机 ${body}`, `电话:${body}`]);
}

function shuffle<T>(d: Dice, xs: T[]): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = d.int(0, i);
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
}

/**
 * Figures of neighbouring fields never run together: 2800 + 12号桌 would be 280012号桌 and 两万九 +
 * 十七位 两万九十七位, which nobody could read either. Nor does a full name run into a named room
 * (谈洋锦绣厅: 谈洋 in 锦绣厅, or 谈 in 洋锦绣厅?).
 */
const FIGURE_END = /[\dA-Za-z.零一二两三四五六七八九十百千万]$/;
const FIGURE_START = /^[\dA-Za-z+零一二两三四五六七八九十百千万]/;

function join(d: Dice, parts: string[], fullName: boolean): string {
  const sep = d.pick(SEPARATORS);
  let out = parts[0];
  for (const [i, p] of parts.slice(1).entries()) {
    const nameIntoRoom = fullName && i === 0 && /[厅阁]$/.test(p);
    const glued = sep === '' && ((FIGURE_END.test(out) && FIGURE_START.test(p)) || nameIntoRoom);
    out += glued ? ' ' : sep;
    out += p;
  }
  return out;
}

/** Full-width digits, traditional script and emoji, each on a share of the messages. */
function dress(d: Dice, text: string, now: string, expect: Expected): CorpusRow {
  let t = text;
  const e = { ...expect };
  if (d.chance(0.1)) t = t.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  if (d.chance(0.1)) {
    t = toTraditional(t);
    e.customer = toTraditional(e.customer);
    // A room is kept in the script it was typed in, like a name.
    if (e.room) e.room = toTraditional(e.room);
  }
  if (d.chance(0.1)) t = d.chance(0.5) ? `${t} ${d.pick(EMOJI)}` : `${t}${d.pick(EMOJI)}`;
  return { text: t, now, expect: e };
}

interface Moment {
  iso: string;
  /** The store's local calendar date and weekday (1 = Monday … 7 = Sunday). */
  local: { year: number; month: number; day: number; weekday: number };
}

/** A moment in 2026 during service hours (11:00–23:40 Shanghai), so no cut-off is involved. */
function moment(d: Dice): Moment {
  const dayOfYear = d.int(0, 364);
  const utc = new Date(Date.UTC(2026, 0, 1 + dayOfYear));
  const h = d.int(11, 23);
  const m = d.int(0, 40);
  const pad = (n: number) => String(n).padStart(2, '0');
  const ymd = `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;
  const weekday = ((utc.getUTCDay() + 6) % 7) + 1;
  return {
    iso: `${ymd}T${pad(h)}:${pad(m)}:00+08:00`,
    local: {
      year: utc.getUTCFullYear(),
      month: utc.getUTCMonth() + 1,
      day: utc.getUTCDate(),
      weekday,
    },
  };
}
