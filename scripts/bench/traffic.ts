/**
 * Seeded staff traffic for the pipeline fuzz test and `npm run bench`: mostly records the way
 * staff write them, plus commands, answers to questions, chatter and garbage (emoji, control
 * characters, huge numbers, impossible values). Same seed, same messages.
 */

export type Rnd = () => number;

const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const int = (rnd: Rnd, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

export const CUSTOMERS = [
  '张总',
  '李姐',
  '王老板',
  '陈先生',
  '欧阳总',
  '明总',
  '赵总',
  '刘总',
  '孙姐',
  '周老板',
  '张建国',
  'Tony',
] as const;

const DATES = ['今晚', '昨晚', '前天', '今天中午', '周五', '上周六', '11月20日', '11.18', '21号'];
const ODD_DATES = ['明天', '2024-01-01', '2027-03-01', '大年初二', '13月45日'];
const ROOMS = ['牡丹厅', '3号包厢', 'V8', '12号桌', '卡座K3'];
const NOTES = ['不吃香菜', '喜欢茅台', '商务宴请', '生日宴', '靠窗', '朋友聚餐'];

function amount(rnd: Rnd): string {
  const n = int(rnd, 3, 300) * 10;
  switch (int(rnd, 0, 9)) {
    case 0:
      return `${n}元`;
    case 1:
      return `¥${n.toLocaleString('en-US')}`;
    case 2:
      return `${(n / 1000).toFixed(1)}k`;
    case 3:
      return '两千八';
    case 4:
      return `人均${int(rnd, 100, 500)}`;
    default:
      return `消费${n}`;
  }
}

function oddAmount(rnd: Rnd): string {
  return pick(rnd, [
    '消费0',
    '消费-2800',
    '¥2000000',
    '消费99999999999999999999',
    '消费1e308',
    '0元',
  ]);
}

function party(rnd: Rnd): string {
  if (rnd() < 0.1) return pick(rnd, ['0人', '600人', '俩', '一家三口', '3大1小']);
  return `${int(rnd, 1, 12)}${pick(rnd, ['人', '位', '人'])}`;
}

/** A visit the way staff type it: the usual parts in any order, sometimes one missing or odd. */
export function recordText(rnd: Rnd, names: readonly string[] = CUSTOMERS): string {
  const parts = [pick(rnd, names)];
  if (rnd() < 0.8) parts.push(rnd() < 0.08 ? pick(rnd, ODD_DATES) : pick(rnd, DATES));
  if (rnd() < 0.85) parts.push(party(rnd));
  if (rnd() < 0.85) parts.push(rnd() < 0.08 ? oddAmount(rnd) : amount(rnd));
  if (rnd() < 0.3) parts.push(pick(rnd, ROOMS));
  if (rnd() < 0.1) parts.push(pick(rnd, ['电话13800138000', '电话12345', '手机139 1234 5678']));
  if (rnd() < 0.15) parts.push(pick(rnd, NOTES));
  for (let i = parts.length - 1; i > 1; i--) {
    const j = int(rnd, 1, i);
    [parts[i], parts[j]] = [parts[j], parts[i]];
  }
  return parts.join(rnd() < 0.8 ? ' ' : '');
}

export const COMMANDS = [
  (r: Rnd) => `查 ${pick(r, CUSTOMERS)}`,
  () => '撤销',
  (r: Rnd) => `撤销 ${pick(r, CUSTOMERS)}`,
  (r: Rnd) => `改成${int(r, 1, 90) * 100}`,
  (r: Rnd) => `人数改${int(r, 0, 12)}`,
  () => '日期改昨天',
  () => '改成0',
  (r: Rnd) => `合并 ${pick(r, CUSTOMERS)} ${pick(r, CUSTOMERS)}`,
  (r: Rnd) => `已回访 ${pick(r, CUSTOMERS)} 很满意`,
  (r: Rnd) => `跳过 ${pick(r, CUSTOMERS)}`,
  (r: Rnd) => `${pick(r, CUSTOMERS)} 周五再联系`,
  () => '本月业绩',
  () => '本周A类客户',
  () => '昨天营业额',
  () => '我的待回访',
  () => '帮助',
  (r: Rnd) => `把${pick(r, CUSTOMERS)}转给小李`,
  (r: Rnd) => `${pick(r, CUSTOMERS)} 农历八月十五生日`,
  (r: Rnd) => `${pick(r, CUSTOMERS)} 电话1${int(r, 3, 9)}${int(r, 100000000, 999999999)}`,
] as const;

/** Answers to the questions the bot asks: a number, an amount, a choice, giving up. */
const ANSWERS = ['1', '2', '3', '2800', '0', '-5', '算了', '张总', '5人', '昨天'];
const CHATTER = ['收到', '3号桌加两把椅子', '今天营业额破2万了', '王总订了明晚6人', '好的👌'];

function garbage(rnd: Rnd): string {
  switch (int(rnd, 0, 6)) {
    case 0: {
      let s = '';
      const n = int(rnd, 1, 60);
      for (let i = 0; i < n; i++) s += String.fromCharCode(int(rnd, 0, 0xffff));
      return s; // any code unit: lone surrogates and controls too
    }
    case 1:
      return '😊👍🏻🎉'.repeat(int(rnd, 1, 50));
    case 2:
      return `张\u200b总\u0000 今晚\u0007 ${int(rnd, 1, 9)}人 消费\u2028${int(rnd, 5, 50)}00\ufeff`;
    case 3:
      return '9'.repeat(int(rnd, 15, 400));
    case 4:
      return `${recordText(rnd)} `.repeat(int(rnd, 60, 200)); // over the size cap
    case 5:
      return '';
    default:
      return pick(rnd, ['\u202e张总 3人 2800', '\t\t\n', '[object Object]', 'NaN元', 'undefined']);
  }
}

export type TrafficKind = 'record' | 'command' | 'answer' | 'chatter' | 'garbage';

/** One message of mixed traffic; `weights` in the order record, command, answer, chatter, garbage. */
export function randomMessage(
  rnd: Rnd,
  weights: readonly number[] = [0.5, 0.2, 0.1, 0.1, 0.1],
): { kind: TrafficKind; text: string } {
  const kinds: TrafficKind[] = ['record', 'command', 'answer', 'chatter', 'garbage'];
  let x = rnd() * weights.reduce((a, b) => a + b, 0);
  let kind: TrafficKind = 'record';
  for (const [i, w] of weights.entries()) {
    if ((x -= w) < 0) {
      kind = kinds[i];
      break;
    }
  }
  const text =
    kind === 'record'
      ? recordText(rnd)
      : kind === 'command'
        ? pick(rnd, COMMANDS)(rnd)
        : kind === 'answer'
          ? pick(rnd, ANSWERS)
          : kind === 'chatter'
            ? pick(rnd, CHATTER)
            : garbage(rnd);
  return { kind, text };
}
