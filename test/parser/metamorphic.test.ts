/**
 * Metamorphic tests: changes that must not change what a message is. Replacing the customer's
 * name, the amount, the dish or the table number never changes its intent; adding chatter words
 * to a visit never makes it chatter. Messages come from the generated corpus and from templates
 * of kitchen talk, so no single sentence decides the outcome.
 */
import { parseMessage } from '../../src/parser';
import { generateCorpus, type CorpusRow } from '../../scripts/corpus/generate';
import { prng } from '../../scripts/bench/prng';
import { COMPOUND_SURNAMES, SURNAMES } from '../../src/parser/lexicon/surnames';

const ZONE = { timeZone: 'Asia/Shanghai', businessDayCutoff: '05:00' } as const;
const read = (text: string, now: string) => parseMessage(text, { now: new Date(now), ...ZONE });
const rnd = prng(2026_12_02);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

/** Visits of the corpus the parser reads exactly: the base each change starts from. */
const visits = generateCorpus(1500, 31).filter((r) => {
  const got = read(r.text, r.now);
  return (
    r.expect.intent === 'visit' &&
    got.intent === 'visit' &&
    got.customer?.value === r.expect.customer
  );
});
const surnames = [...SURNAMES, ...COMPOUND_SURNAMES];
const TITLES = ['总', '姐', '哥', '老板', '经理', '先生', '女士', '主任', '老师'];

function withName(r: CorpusRow): { text: string; name: string } {
  const name = pick(surnames) + pick(TITLES);
  return { text: r.text.replace(r.expect.customer, name), name };
}

describe('a visit stays a visit', () => {
  test('there are enough base visits for the changes to mean something', () => {
    expect(visits.length).toBeGreaterThan(1000);
  });

  test('with any other customer (every surname of the table, a title)', () => {
    const changed = visits.map((r) => ({ r, ...withName(r) }));
    const broken = changed.filter(({ r, text, name }) => {
      const got = read(text, r.now);
      return got.intent !== 'visit' || got.customer?.value !== name;
    });
    expect(broken.map((b) => b.text)).toEqual([]);
  });

  test('with another amount', () => {
    let changed = 0;
    const broken = visits.filter((r) => {
      const span = read(r.text, r.now).amount?.span as { index: number; text: string };
      // The figure itself, its cue and unit kept: 合计2540块 → 合计2790块.
      const figure = /\d[\d,]*/.exec(span.text);
      if (!figure || /[.kKwW万千萬仟]/.test(span.text)) return false;
      changed++;
      const b = (r.expect.amount as number) + 10 * (1 + Math.floor(rnd() * 50));
      const at = span.index + figure.index;
      const text = r.text.slice(0, at) + String(b) + r.text.slice(at + figure[0].length);
      const got = read(text, r.now);
      return got.intent !== 'visit' || got.amount?.value !== b;
    });
    expect(changed).toBeGreaterThan(500);
    expect(broken.map((r) => r.text)).toEqual([]);
  });

  const CHATTER = [
    '辛苦了',
    '收到',
    '今天好忙',
    '菜上得有点慢',
    '大家注意一下',
    '😂',
    '哈哈',
    '好的',
  ];
  // A full or English name is read where a name is expected, the message's start (张伟 alone
  // could be two words anywhere else): chatter goes before titled names only.
  const titled = (r: CorpusRow) => r.expect.nameKind === 'titled';
  test('with chatter words added before or after', () => {
    const broken = visits.filter((r) => {
      const extra = pick(CHATTER);
      const before = titled(r) && rnd() < 0.5;
      const text = before ? `${extra} ${r.text}` : `${r.text} ${extra}`;
      const got = read(text, r.now);
      return got.intent !== 'visit' || got.amount?.value !== r.expect.amount;
    });
    expect(broken.map((r) => r.text)).toEqual([]);
  });
});

describe('kitchen and floor talk stays talk', () => {
  const DISHES = [
    '鲈鱼',
    '红烧肉',
    '小龙虾',
    '佛跳墙',
    '东坡肉',
    '酸菜鱼',
    '烤鸭',
    '白切鸡',
    '米饭',
  ];
  const THINGS = ['椅子', '碗筷', '酒杯', '餐巾', '宝宝椅'];
  const someone = () => pick(surnames) + pick(TITLES);
  const count = () => pick(['两', '三', '四', '5', '6', '一'] as const);
  const TEMPLATES = [
    (k: number, d: string) => `${k}号桌的${d}卖完了`,
    (k: number, _d: string) => `${k}号桌加${count()}把${pick(THINGS)}`,
    (k: number, _d: string) => `${someone()}那桌加${count()}把${pick(THINGS)} ${k}人`,
    (k: number, d: string) => `${someone()}那桌${k}个人 加了${count()}个${d}`,
    (k: number, d: string) => `${someone()}那桌 ${k}位 ${d}卖完了`,
    (k: number, d: string) => `${k}号桌${d}退了`,
    (k: number, d: string) => `${d}没了 ${k}号桌换一个`,
    (k: number, d: string) => `${k}桌催一下${d}`,
    (_k: number, d: string) => `撤销刚才那个${d}`,
    (k: number) => `菜单改成${k}00的套餐`,
    (k: number) => `${k}号桌改成12人`,
    (k: number, d: string) => `${d}还有${k}份`,
  ];

  test('whatever the dish and the table number, nothing is recorded', () => {
    const recorded: string[] = [];
    for (const template of TEMPLATES) {
      for (let i = 0; i < 30; i++) {
        const text = template(1 + Math.floor(rnd() * 30), pick(DISHES));
        const got = read(text, '2026-11-22T21:40:00+08:00');
        const acts = got.intent === 'command' && got.command?.standalone;
        if (got.intent === 'visit' || got.intent === 'profile' || acts) recorded.push(text);
      }
    }
    expect(recorded).toEqual([]);
  });
});
