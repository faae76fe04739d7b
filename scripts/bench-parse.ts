/**
 * Throughput and latency of parseMessage on 100,000+ realistic staff messages (seeded, so every
 * run parses the same text), next to chrono-node's zh.hans date parser on the same messages; then
 * the generated corpus (scripts/corpus: every surname × titles × forms, ground truth known) with
 * its speed and its accuracy per field.
 * usage: npm run bench:parse [-- COUNT [CORPUS_COUNT]]
 */
import * as chrono from 'chrono-node';
import { parseMessage, type ParseOptions } from '../src/parser';
import { prng } from './bench/prng';
import { generateCorpus, type CorpusRow } from './corpus/generate';
import { FIELDS, score } from './corpus/score';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁',
];
const TITLES = ['总', '姐', '哥', '老板', '先生', '女士', '经理', '老师', '局', '董', '主任'];
const DATES = [
  '今晚',
  '今天',
  '今天中午',
  '昨晚',
  '昨天',
  '前天',
  '周五',
  '上周六',
  '11月20日',
  '11.18',
  '21号',
  '刚走',
  '星期天',
  '',
];
const PARTY = [
  '3人',
  '6位',
  '两个人',
  '一行7人',
  '3大1小',
  '4pax',
  '人数:5',
  '夫妻俩',
  '10人两桌',
  '八个人',
];
const AMOUNTS = [
  '消费2800',
  '2800元',
  '¥1,580',
  '2.8k',
  '1.2万',
  '1w2',
  '花了4千2',
  '两千八',
  '三千二百八十块',
  '人均300',
  '实收3780',
  '6,800.00',
  '880',
];
const ROOMS = ['', '', '', '牡丹厅', '3号包厢', 'V8', '12号桌', 'A区8桌', '卡座12', 'VIP2包间'];
const EXTRAS = [
  '',
  '',
  '',
  '不吃辣',
  '喜欢喝茅台',
  '张总介绍的',
  '生日宴',
  '电话13800138000',
  '存酒一瓶',
  '😊',
];
const PROFILES = [
  '电话13912345678',
  '的手机 139-0000-1111',
  '生日 3月8日',
  '不吃香菜 喜欢靠窗的位置',
  '农历八月十五生日',
  '公司:华为 职位:采购总监',
];
const COMMANDS = [
  '本周A类客户',
  '本月业绩',
  '帮助',
  '撤销',
  '改成3200',
  '我的待回访',
  '最近没来的客户',
  '昨天营业额多少',
  '下周有哪些节日',
  '导出 本月',
];
const CHATTER = [
  '收到',
  '好的,马上',
  '3号桌加两把椅子',
  '今天客人好多啊',
  '@所有人 今晚8点开会',
  '今晚的鲈鱼卖完了',
  '谁把充电器拿走了',
  '王总订了明晚6人 牡丹厅',
  '辛苦了大家',
  '2800',
];

export function generate(count: number, seed = 20261122): string[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const name = (): string => pick(SURNAMES) + pick(TITLES);
  const out: string[] = [];
  while (out.length < count) {
    const r = rnd();
    if (r < 0.55) {
      const parts = [
        name(),
        pick(DATES),
        pick(PARTY),
        pick(AMOUNTS),
        pick(ROOMS),
        pick(EXTRAS),
      ].filter(Boolean);
      // Staff write fields in any order, with or without spaces.
      if (rnd() < 0.3) parts.sort(() => rnd() - 0.5);
      out.push(parts.join(rnd() < 0.2 ? '' : rnd() < 0.5 ? ' ' : ','));
    } else if (r < 0.7) out.push(name() + (rnd() < 0.5 ? ' ' : '') + pick(PROFILES));
    else if (r < 0.85) out.push(pick(COMMANDS).replace('张总', name()));
    else out.push(pick(CHATTER));
  }
  return out;
}

interface Stats {
  perSecond: number;
  p50: number;
  p99: number;
}

function measure(messages: readonly string[], run: (text: string) => unknown): Stats {
  for (let i = 0; i < Math.min(20_000, messages.length); i++) run(messages[i]); // warm up the JIT
  const micros = new Float64Array(messages.length);
  const start = process.hrtime.bigint();
  for (let i = 0; i < messages.length; i++) {
    const t0 = process.hrtime.bigint();
    run(messages[i]);
    micros[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  micros.sort();
  return {
    perSecond: messages.length / seconds,
    p50: micros[Math.floor(micros.length * 0.5)],
    p99: micros[Math.floor(micros.length * 0.99)],
  };
}

const ZONE = { timeZone: 'Asia/Shanghai', businessDayCutoff: '05:00' } as const;

function row(label: string, s: Stats): string {
  const rate = Math.round(s.perSecond).toLocaleString('en-US').padStart(10);
  return `${label.padEnd(22)} ${rate} msgs/s   p50 ${s.p50.toFixed(1).padStart(6)} µs   p99 ${s.p99.toFixed(1).padStart(7)} µs`;
}

function benchMessages(count: number): void {
  const messages = generate(count);
  const now = new Date('2026-11-22T21:40:00+08:00');
  const opts: ParseOptions = { now, ...ZONE };
  const ours = measure(messages, (t) => parseMessage(t, opts));
  const theirs = measure(messages, (t) => chrono.zh.hans.parse(t, now));
  console.log(`${messages.length.toLocaleString('en-US')} messages (seeded), one core`);
  console.log(row('parseMessage', ours));
  console.log(row('chrono.zh.hans.parse', theirs));
  console.log(
    `ratio: parseMessage is ${(ours.perSecond / theirs.perSecond).toFixed(2)}× chrono-node's throughput`,
  );
}

function benchCorpus(count: number): void {
  const rows = generateCorpus(count);
  const nows = new Map<string, Date>(rows.map((r) => [r.now, new Date(r.now)]));
  const read = (r: CorpusRow) => parseMessage(r.text, { now: nows.get(r.now) as Date, ...ZONE });
  const byText = new Map(rows.map((r) => [r.text, r]));
  const texts = rows.map((r) => r.text);
  const ours = measure(texts, (t) => read(byText.get(t) as CorpusRow));
  const theirs = measure(texts, (t) => chrono.zh.hans.parse(t, nows.get(byText.get(t)!.now)));
  const s = score(rows, read);
  console.log(
    `\ngenerated corpus: ${rows.length.toLocaleString('en-US')} messages (seed 20261202)`,
  );
  console.log(row('parseMessage', ours));
  console.log(row('chrono.zh.hans.parse', theirs));
  console.log(`exact (every field right) ${s.exact.toFixed(4)}`);
  console.log(FIELDS.map((f) => `${f} ${s.fields[f].toFixed(4)}`).join('  '));
  for (const m of s.misses.slice(0, 10))
    console.log(`  miss ${m.field}: ${JSON.stringify(m.text)} expected ${m.expected} got ${m.got}`);
}

function main(): void {
  benchMessages(Math.max(100_000, Number(process.argv[2]) || 0));
  benchCorpus(Math.max(20_000, Number(process.argv[3]) || 0));
}

if (process.argv[1]?.includes('bench-parse')) main();
