import {
  parseMessage,
  readAmount,
  readCustomer,
  readDate,
  readPartySize,
  type Reading,
} from '../../src/parser';
import { SUNDAY_EVENING } from './helpers';
import { prng } from '../../scripts/bench/prng';

const FRAGMENTS = [
  '张总',
  '欧阳',
  '今晚',
  '3人',
  '消费',
  '2800',
  '元',
  '¥',
  '1.2万',
  '1w2',
  '两千八',
  '牡丹厅',
  '号桌',
  'V8',
  '周五',
  '上周',
  '除夕',
  '初二',
  '生日',
  '农历',
  '电话',
  '+86',
  '138',
  '-',
  ',',
  '.',
  '/',
  '号',
  '月',
  '日',
  '人均',
  '原价',
  '打折后',
  '俩',
  '仨',
  '大',
  '小',
  '男',
  '女',
  '介绍的',
  '和',
  '一起',
  '撤销',
  '改成',
  '查',
  'A类',
  '营业额',
  '订了',
  '明天',
  '吗',
  '？',
  '😊',
  '👍🏻',
  '\u0000',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udfff',
  'é',
  'Ω',
  'ا',
  'あ',
  '한',
  '\n',
  '\t',
  ' ',
  '　',
  '１２',
  'Ｋ',
  '￥',
  '万',
  '千',
  '百',
  '十',
  '零',
];

function randomString(rnd: () => number): string {
  const kind = Math.floor(rnd() * 4);
  const len = Math.floor(rnd() * 40);
  let s = '';
  for (let i = 0; i < len; i++) {
    if (kind === 0)
      s += String.fromCharCode(Math.floor(rnd() * 0x10000)); // any code unit, lone surrogates too
    else if (kind === 1) s += FRAGMENTS[Math.floor(rnd() * FRAGMENTS.length)];
    else if (kind === 2) s += String.fromCharCode(0x4e00 + Math.floor(rnd() * 0x5000));
    else s += String.fromCharCode(Math.floor(rnd() * 128));
  }
  return s;
}

function expectValid(r: Reading, text: string): void {
  expect(['visit', 'profile', 'command', 'none']).toContain(r.intent);
  expect(Array.isArray(r.missing)).toBe(true);
  expect(r.confidence).toBeGreaterThanOrEqual(0);
  expect(r.confidence).toBeLessThanOrEqual(1);
  for (const f of [
    r.customer,
    r.phone,
    r.date,
    r.partySize,
    r.amount,
    r.room,
    r.occasion,
    r.referrer,
    r.birthday,
  ]) {
    if (!f || f.implied) continue;
    expect(text.substr(f.span.index, f.span.text.length)).toBe(f.span.text);
  }
  if (r.date) expect(r.date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  if (r.phone) expect(r.phone.value).toMatch(/^1[3-9]\d{9}$/);
  if (r.amount) expect(Number.isFinite(r.amount.value) && r.amount.value > 0).toBe(true);
  if (r.partySize) expect(Number.isInteger(r.partySize.value) && r.partySize.value > 0).toBe(true);
}

describe('fuzz: every input gets a reading, nothing throws', () => {
  const adversarial = [
    '',
    ' ',
    '\u0000\u0001\u0002\u001f\u007f',
    '\ud800',
    '\udfff张总\ud800 今晚 3人 2800',
    '😊'.repeat(1000),
    '1'.repeat(5000),
    '9'.repeat(20) + '元',
    '１'.repeat(300),
    '13800138000'.repeat(50),
    '张总'.repeat(5000),
    '今晚'.repeat(5000),
    '一二三四五六七八九十百千万'.repeat(500),
    '万'.repeat(1000),
    '十'.repeat(1000),
    ',,,,....////----'.repeat(200),
    '¥'.repeat(500) + '2800',
    '张总 今晚 3人 ' + 'k'.repeat(1000),
    'x'.repeat(100_000),
    '张总 今晚 3人 消费2800 '.repeat(6000),
  ];

  test.each(adversarial.map((s, i) => [i, s] as const))('adversarial #%i', (_i, text) => {
    expectValid(parseMessage(text, SUNDAY_EVENING), text);
  });

  test('10,000 seeded random strings', () => {
    const rnd = prng(0xc0ffee);
    for (let i = 0; i < 10_000; i++) {
      const text = randomString(rnd);
      expectValid(parseMessage(text, SUNDAY_EVENING), text);
    }
  });

  test('a 100 KB message is still parsed quickly', () => {
    const text = '张总 今晚 3人 消费2800 牡丹厅 '.repeat(4000).slice(0, 100_000);
    const t0 = performance.now();
    expectValid(parseMessage(text, SUNDAY_EVENING), text);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  test('bad options and non-string input degrade, they do not throw', () => {
    const bad = [
      { ...SUNDAY_EVENING, timeZone: 'Not/AZone' },
      { ...SUNDAY_EVENING, businessDayCutoff: 'late' },
      { ...SUNDAY_EVENING, now: new Date(Number.NaN) },
    ];
    for (const opts of bad)
      expectValid(parseMessage('张总 今晚 3人 2800', opts), '张总 今晚 3人 2800');
    expect(parseMessage(undefined as unknown as string, SUNDAY_EVENING).intent).toBe('none');
    expect(readAmount(null as unknown as string)).toBeUndefined();
    expect(readPartySize('\ud800')).toBeUndefined();
    expect(readCustomer('')).toBeUndefined();
    expect(readDate('今晚', bad[0])).toBeDefined();
  });
});
